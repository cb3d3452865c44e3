// libFuzzer target for the Word 97-2003 reader (.doc: the OLE2 compound file, FIB, piece table,
// property pages and table marks, all parsed in Swift over a bounds-checked ByteReader). Built by
// Fuzz/fuzz.sh (swiftc -sanitize=fuzzer,address), compiled into one module with RegridKit's
// sources and Fuzz/FuzzSupport.swift, outside the package build. Any document that comes back must
// pass Document.validate() and be writable as JSON and HTML; an error is a fine answer, a trap
// (overflow, index out of range) or a hang is a finding.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDOC(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let document = try? DOCReader(limits: sharedFuzzLimits).read(bytes: bytes, name: "fuzz.doc") else { return 0 }
    checkFuzzedDocument(document, reader: ".doc reader")
    return 0
}
