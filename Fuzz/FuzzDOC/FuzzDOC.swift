// libFuzzer target for the Word 97-2003 reader (.doc: the OLE2 compound file, FIB, piece table,
// property pages and table marks, all parsed in Swift over a bounds-checked ByteReader). Built by
// Fuzz/fuzz.sh (swiftc -sanitize=fuzzer,address), compiled into one module with RegridKit's
// sources and Fuzz/FuzzSupport.swift, outside the package build. Any document that comes back must
// pass Document.validate() and be writable as JSON and HTML; an error is a fine answer, a trap
// (overflow, index out of range) or a hang is a finding.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDOC(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    return fuzzOne(data, size, reader: ".doc reader") { bytes in try DOCReader(limits: sharedFuzzLimits).read(bytes: bytes, name: "fuzz.doc") }
}
