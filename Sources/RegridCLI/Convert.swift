import ArgumentParser
import Foundation
import RegridKit

/// `regrid convert FILE [-t json] [-o OUT]`
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert one document to the canonical JSON (or another format).",
        discussion: "The input kind is detected from the file's content, not its name."
    )

    @Argument(help: "The input file (DOCX or flattened text).")
    var file: String

    @Option(name: [.customShort("t"), .customLong("to")], help: "Output format: json.")
    var format: OutputFormat = .json

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @OptionGroup var layouts: LayoutOptions

    @OptionGroup(title: "Limits") var limits: LimitOptions

    func run() throws {
        let document = try CLILayouts.resolver(layouts).resolve(CLIInput.read(file, options: limits.readOptions))
        let text = JSONWriter().write(document)
        try CLIOutput.write(Array(text.utf8), to: output)
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json
}
