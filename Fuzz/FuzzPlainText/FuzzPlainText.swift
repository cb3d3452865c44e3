// libFuzzer target for the plain-text reader (text that lost its TABs: known layouts recovered
// from labels and figures, generic tables from the gutters of `pdftotext -layout` text). Built by
// Fuzz/fuzz.sh (swiftc -sanitize=fuzzer,address), compiled into one module with RegridKit's
// sources, outside the package build. Every input goes straight into PlainTextReader (known
// layouts and generic tables); any document that comes back must pass Document.validate() and be
// writable as JSON and HTML.

private let fuzzLimits: ReaderLimits = {
    var limits = ReaderLimits()
    limits.maxTableRows = 100_000
    limits.maxCells = 1_000_000
    limits.maxGridSlots = 1_000_000
    limits.maxTextBytes = 8 << 20
    return limits
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlainText(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let document = try? PlainTextReader(options: ReadOptions(limits: fuzzLimits)).recover(bytes: bytes, name: "fuzz.txt") else { return 0 }
    do {
        try document.validate()
    } catch {
        fatalError("the plain-text reader returned a document that breaks the grid invariant: \(error)")
    }
    _ = JSONWriter().write(document)
    _ = HTMLWriter().write(document)
    return 0
}
