import ArgumentParser
import RegridKit

/// The CSV output options shared by `convert`, `batch` and `catalog export`.
struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("csv"), help: "CSV shape: grid (the table as laid out) or tidy (one row per data cell with its header paths).")
    var csvShape: CSVWriter.Shape = .grid

    @Flag(name: .customLong("fill-merged"), help: "CSV grid: repeat a merged cell's text in every slot it covers.")
    var fillMerged = false

    @Flag(name: .customLong("bom"), help: "CSV: start with a UTF-8 byte order mark (for Excel on Windows).")
    var byteOrderMark = false

    /// The CSV writer's options these flags describe.
    var csv: CSVWriter.Options {
        CSVWriter.Options(shape: csvShape, fillMerged: fillMerged, byteOrderMark: byteOrderMark)
    }
}

/// The HTML output option shared by `convert` and `batch`.
struct HTMLOptions: ParsableArguments {
    @Flag(name: .customLong("hide-inferred"), help: "HTML: leave out the notes on what was inferred rather than read (spans rebuilt from flattened text); warnings and failed checks stay.")
    var hideInferred = false
}
