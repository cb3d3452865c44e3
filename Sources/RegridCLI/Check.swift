import ArgumentParser
import RegridKit

/// `regrid check FILE... [--layout L]`: exit 0 when every rule holds, 1 when one fails (or a
/// file has no known tables), 2 when an input could not be read.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the consistency rules of 政府信息公开工作年度报告 files and print the findings.",
        discussion: "Exit status: 0 all rules hold, 1 a rule fails or a file has no known tables, 2 an input could not be read."
    )

    @Argument(help: "The reports (DOCX or flattened text); - reads standard input.")
    var files: [String]

    @OptionGroup var layouts: LayoutOptions

    @OptionGroup(title: "Input") var input: InputOptions

    func validate() throws {
        if files.filter({ $0 == CLIInput.standardInput }).count > 1 {
            throw ValidationError("standard input (-) can be read only once")
        }
    }

    func run() throws {
        let resolver = try CLILayouts.resolver(layouts, exitCode: 2)
        let extractor = DisclosureExtractor(templates: resolver.templates)
        let readOptions = input.readOptions(layouts: resolver.templates)
        var unreadable = false
        var failed = false
        for file in files {
            let document: Document
            do {
                document = try CLIInput.read(file, options: readOptions)
            } catch {
                unreadable = true
                continue
            }
            let report = extractor.extract(resolver.resolve(document))
            print(report.findingsText(file: CLIInput.displayName(file)), terminator: "")
            if report.layout == nil || !report.failures.isEmpty { failed = true }
        }
        if unreadable { throw ExitCode(2) }
        if failed { throw ExitCode(1) }
    }
}
