// libFuzzer target for the HTML reader (HTML, XHTML, MHTML). Built by Fuzz/fuzz.sh (swiftc
// -sanitize=fuzzer,address), compiled into one module with RegridKit's sources, outside the
// package build. Inputs go through format sniffing like the CLI's (Regrid.read) when they look
// like a page, and straight into HTMLReader otherwise, so that every input reaches the HTML path;
// any document that comes back must pass Document.validate() and be writable as JSON and HTML.

private let fuzzLimits: ReaderLimits = {
    var limits = ReaderLimits()
    limits.maxTableRows = 100_000
    limits.maxCells = 1_000_000
    limits.maxGridSlots = 1_000_000
    limits.maxTextBytes = 8 << 20
    return limits
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let document = try? HTMLReader(limits: fuzzLimits).read(bytes: bytes, name: "fuzz.html") else { return 0 }
    do {
        try document.validate()
    } catch {
        fatalError("the HTML reader returned a document that breaks the grid invariant: \(error)")
    }
    _ = JSONWriter().write(document)
    _ = HTMLWriter().write(document)
    return 0
}
