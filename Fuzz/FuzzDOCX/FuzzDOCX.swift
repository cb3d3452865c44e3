// libFuzzer target for the DOCX reader. Built by Fuzz/fuzz.sh (swiftc -sanitize=fuzzer,address),
// compiled into one module with RegridKit's sources, outside the package build.
//
// The first byte picks the mode, so that mutations reach both layers:
//  - even: the rest is a whole package (zip layer, part lookup, then the XML);
//  - odd:  the rest is word/document.xml, wrapped into a sound package (the body and table reader).
// Any document that comes back must pass Document.validate() and be writable as JSON.

/// Limits small enough for a fuzzer's memory (2 GB RSS) and speed; the shapes stay the same.
private let fuzzLimits: ReaderLimits = {
    var limits = ReaderLimits.default
    limits.maxEntryBytes = 32 << 20
    limits.maxPackageBytes = 64 << 20
    limits.maxTableRows = 100_000
    limits.maxCells = 1_000_000
    return limits
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDOCX(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    let bytes: [UInt8]
    if input[0] & 1 == 0 {
        bytes = Array(input.dropFirst())
    } else {
        guard let archive = try? DOCXWriter.package(documentXML: Array(input.dropFirst())) else { return 0 }
        bytes = archive
    }
    guard let document = try? DOCXReader(limits: fuzzLimits).read(bytes: bytes, name: "fuzz.docx") else { return 0 }
    do {
        try document.validate()
    } catch {
        fatalError("the DOCX reader returned a document that breaks the grid invariant: \(error)")
    }
    _ = JSONWriter().write(document)
    return 0
}
