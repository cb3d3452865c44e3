import ArgumentParser
import Foundation
import RegridKit

/// `regrid convert FILE [-t json|csv|html|md|xlsx|docx] [-o FILE|DIR] [--csv grid|tidy] [--fill-merged] [--bom]`
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert one document to the canonical JSON or another format.",
        discussion: """
            The input kind is detected from the file's content, not its name. The output format \
            is -t, else the one -o's extension names (out.xlsx, out.html, …), else JSON.

            CSV writes one file per table: to standard output when there is one table, else give \
            -o DIR (files are named after the input and the table id, e.g. report-t1.csv). \
            XLSX and DOCX are binary: give -o, or pipe standard output.
            """
    )

    @Argument(help: "The input file (DOCX, flattened text, or Regrid's canonical JSON); - reads standard input.")
    var file: String

    @Option(name: [.customShort("t"), .customLong("to")],
            help: ArgumentHelp("Output format, in any case. Default: from the -o file's extension, else json.", valueName: "format"))
    var requestedFormat: OutputFormat?

    @Option(name: .shortAndLong, help: "Write to this file, or into this directory (existing, or ending in /).")
    var output: String?

    @OptionGroup(title: "CSV output") var outputOptions: OutputOptions

    @OptionGroup(title: "HTML output") var htmlOptions: HTMLOptions

    @OptionGroup var layouts: LayoutOptions

    @OptionGroup(title: "Input") var input: InputOptions

    @OptionGroup(title: "Limits") var limits: LimitOptions

    @Flag(name: .customLong("no-layouts"), help: "Skip the known-layout step (annual-report templates): tables exactly as read.")
    var noLayouts = false

    /// The format to write: `-t`, else the one `-o`'s extension names (as pandoc does), else JSON.
    var format: OutputFormat {
        requestedFormat ?? output.flatMap { OutputFormat(extensionOf: $0) } ?? .json
    }

    func validate() throws {
        if noLayouts && !layouts.files.isEmpty { throw ValidationError("--no-layouts and --layout exclude each other") }
        if let requestedFormat, let output, let implied = OutputFormat(extensionOf: output), implied != requestedFormat {
            throw ValidationError("-t \(requestedFormat.rawValue) contradicts -o \(output), whose extension says \(implied.rawValue); drop -t or rename the output")
        }
    }

    func run() throws {
        let resolver = noLayouts ? nil : try CLILayouts.resolver(layouts)
        let read = try CLIInput.read(file, options: input.readOptions(limits, layouts: resolver?.templates))
        var options = WriteOptions(csv: outputOptions.csv, showsInferred: !htmlOptions.hideInferred)
        let document: Document
        if let resolver {
            document = resolver.resolve(read)
            if format == .html || (format == .csv && outputOptions.csvShape == .tidy) {
                // Known report layouts: highlight the figures of every failed consistency check,
                // and label each figure with the layout's own header paths.
                let report = DisclosureExtractor(templates: resolver.templates).extract(document)
                options.annotations = report.annotations()
                options.statedHeaders = report.statedHeaderPaths()
            }
        } else {
            document = read
        }
        let files: [OutputFile]
        do {
            files = try WriterRegistry.write(document, as: format, options: options)
        } catch {
            throw CLIInput.failure(CLIInput.displayName(file), error)
        }
        try CLIOutput.deliver(files, format: format, to: output, source: CLIInput.displayName(file))
    }
}

extension OutputFormat: ExpressibleByArgument {
    /// `-t` in any case, and the usual other names (`markdown`, `htm`).
    public init?(argument: String) {
        self.init(name: argument)
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
extension CSVWriter.Shape: ExpressibleByArgument {}
