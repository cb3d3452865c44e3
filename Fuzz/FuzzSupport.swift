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
