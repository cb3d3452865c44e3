// Shared by the libFuzzer targets (compiled into each by Fuzz/fuzz.sh): the limits the fuzzed
// readers run under, and what every document that comes back must pass.

/// Limits low enough that one input cannot take the fuzzer's memory.
let sharedFuzzLimits: ReaderLimits = {
    var limits = ReaderLimits()
    limits.maxTableRows = 100_000
    limits.maxCells = 1_000_000
    limits.maxGridSlots = 1_000_000
    limits.maxTextBytes = 8 << 20
    return limits
}()

/// Stops the run when `document` breaks the grid invariant; writes it as JSON and HTML.
func checkFuzzedDocument(_ document: Document, reader: String) {
    do {
        try document.validate()
    } catch {
        fatalError("the \(reader) returned a document that breaks the grid invariant: \(error)")
    }
    _ = JSONWriter().write(document)
    _ = HTMLWriter().write(document)
}

/// The body of the targets that read the fuzzer's bytes as they are: `read` them (an error is a
/// fine answer) and check the document that comes back.
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int, reader: String,
             _ read: ([UInt8]) throws -> Document) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let document = try? read(bytes) else { return 0 }
    checkFuzzedDocument(document, reader: reader)
    return 0
}
