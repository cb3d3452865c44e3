import ArgumentParser
import RegridKit

@main
struct RegridCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regrid",
        abstract: "Turn DOCX files and flattened text exports into clean, structured tables.",
        version: Regrid.version,
        subcommands: [Convert.self, Extract.self, Check.self],
        defaultSubcommand: nil
    )
}
