// libFuzzer target for the plain-text reader (text that lost its TABs: known layouts recovered
// from labels and figures, generic tables from the gutters of `pdftotext -layout` text). Built by
// Fuzz/fuzz.sh (swiftc -sanitize=fuzzer,address), compiled into one module with RegridKit's
// sources and Fuzz/FuzzSupport.swift, outside the package build. Every input goes straight into
// PlainTextReader; any document that comes back must pass Document.validate() and be writable
// as JSON and HTML.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlainText(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    return fuzzOne(data, size, reader: "plain-text reader") { bytes in try PlainTextReader(options: ReadOptions(limits: sharedFuzzLimits)).recover(bytes: bytes, name: "fuzz.txt") }
}
