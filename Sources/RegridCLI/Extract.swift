import ArgumentParser
import RegridKit

/// `regrid extract FILE [--layout L] [-o OUT]`
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the figures of a 政府信息公开工作年度报告 as typed records, with consistency checks.",
        usage: "regrid extract [<options>] <file>",
        discussion: "Prints JSON {\"format\": \"regrid.cn-gov-disclosure\", \"version\": 1, \"layout\", \"agency\", \"year\", \"figures\", \"checks\", \"diagnostics\"}."
    )

    @Argument(help: "The report (DOCX or flattened text); - reads standard input.")
    var file: String

    @OptionGroup var layouts: LayoutOptions

    @OptionGroup(title: "Input") var input: InputOptions

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        let resolver = try CLILayouts.resolver(layouts)
        let document = resolver.resolve(try CLIInput.read(file, options: input.readOptions(layouts: resolver.templates)))
        let report = DisclosureExtractor(templates: resolver.templates).extract(document)
        try CLIOutput.write(Array(DisclosureJSONWriter().write(report).utf8), to: output)
    }
}
