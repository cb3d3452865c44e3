// libFuzzer target for the flattened-text reader. Built by Fuzz/fuzz.sh (swiftc
// -sanitize=fuzzer,address), compiled into one module with RegridKit's sources, outside the
// package build. Inputs go through format sniffing like the CLI's (Regrid.read), and any document
// that comes back must pass Document.validate() and be writable as JSON.

private let fuzzOptions: ReadOptions = {
    var options = ReadOptions()
    options.limits.maxTableRows = 100_000
    options.limits.maxCells = 1_000_000
    options.limits.maxTextBytes = 8 << 20
    return options
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFlatText(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let document = try? FlatTextReader(options: fuzzOptions).read(bytes: bytes, name: "fuzz.txt") else { return 0 }
    do {
        try document.validate()
    } catch {
        fatalError("the flattened-text reader returned a document that breaks the grid invariant: \(error)")
    }
    _ = JSONWriter().write(document)
    return 0
}
