// libFuzzer target for the PDF reader: poppler-glib (loaded by Sources/CPopplerRuntime,
// through PopplerDocument.swift), the layout of each page's characters on a character grid
// (PDFTextLayout) and the text path behind it (flattened text, else PlainTextReader). Built by
// Fuzz/fuzz.sh with Sources/CPopplerRuntime compiled in (swiftc -sanitize=fuzzer,address;
// poppler itself is not instrumented, so coverage guides the Swift side), compiled into one
// module with RegridKit's sources and Fuzz/FuzzSupport.swift, outside the package build. Every
// input goes straight into PDFReader; any document that comes back must pass
// Document.validate() and be writable as JSON and HTML. Typed errors (damaged, encrypted, over
// a limit) are the expected way out.

/// The shared limits, with the PDF's own lowered so that one input stays within seconds.
let pdfFuzzLimits: ReaderLimits = {
    var limits = sharedFuzzLimits
    limits.maxPDFPages = 200
    limits.maxPDFCharacters = 2_000_000
    return limits
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPDF(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard PDFReader.isAvailable else { fatalError("FuzzPDF cannot load poppler-glib, or was built without Sources/CPopplerRuntime") }
    return fuzzOne(data, size, reader: "PDF reader") { bytes in try PDFReader(options: ReadOptions(limits: pdfFuzzLimits)).read(bytes: bytes, name: "fuzz.pdf") }
}
