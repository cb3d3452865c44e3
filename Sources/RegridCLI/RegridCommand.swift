import ArgumentParser
import Foundation
import RegridKit

@main
struct RegridCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regrid",
        abstract: "Turn DOCX files and flattened text exports into clean, structured tables.",
        version: Regrid.version,
        subcommands: [Convert.self, Extract.self, Check.self, Batch.self, CatalogCommand.self],
        defaultSubcommand: nil
    )

    /// Runs the command line; usage errors exit with 2 (ArgumentParser's own default is 64).
    /// The allocator keeps freed memory for the next document (``AllocatorTuning``), and the local
    /// time zone is read once (``TimeZoneTuning``).
    static func main() {
        AllocatorTuning.keepFreedMemoryForReuse()
        TimeZoneTuning.readLocalTimeZoneOnce()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
