import ArgumentParser
import Foundation
import RegridKit

/// `regrid convert FILE [-t json|csv|html|md|xlsx|docx] [-o FILE|DIR] [--csv grid|tidy] [--fill-merged] [--bom]`
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert one document to the canonical JSON or another format.",
        discussion: """
            The input kind is detected from the file's content, not its name.
            CSV writes one file per table: to standard output when there is one table, else give
            -o DIR (files are named after the input and the table id, e.g. report-t1.csv).
            XLSX and DOCX are binary: give -o, or pipe standard output.
            """
    )

    @Argument(help: "The input file (DOCX, flattened text, or Regrid's canonical JSON).")
    var file: String

    @Option(name: [.customShort("t"), .customLong("to")], help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .json

    @Option(name: .shortAndLong, help: "Write to this file, or into this directory (existing, or ending in /).")
    var output: String?

    @OptionGroup(title: "CSV output") var outputOptions: OutputOptions

    @OptionGroup var layouts: LayoutOptions

    @OptionGroup(title: "Limits") var limits: LimitOptions

    @Flag(name: .customLong("no-layouts"), help: "Skip the known-layout step (annual-report templates): tables exactly as read.")
    var noLayouts = false

    func validate() throws {
        if noLayouts && !layouts.files.isEmpty { throw ValidationError("--no-layouts and --layout exclude each other") }
    }

    func run() throws {
        let read = try CLIInput.read(file, options: limits.readOptions)
        var options = WriteOptions(csv: outputOptions.csv)
        let document: Document
        if noLayouts {
            document = read
        } else {
            let resolver = try CLILayouts.resolver(layouts)
            document = resolver.resolve(read)
            if format == .html {
                // Known report layouts: highlight the figures of every failed consistency check.
                options.annotations = DisclosureExtractor(templates: resolver.templates).extract(document).annotations()
            }
        }
        let files: [OutputFile]
        do {
            files = try WriterRegistry.write(document, as: format, options: options)
        } catch {
            throw CLIInput.failure(file, error)
        }
        try CLIOutput.deliver(files, format: format, to: output, source: file)
    }
}

extension OutputFormat: ExpressibleByArgument {}
extension CSVWriter.Shape: ExpressibleByArgument {}
