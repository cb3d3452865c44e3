import ArgumentParser
import Foundation
import RegridBatch
import RegridKit

/// `regrid catalog merge|export`
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Merge and export batch catalogs.",
        subcommands: [Merge.self, Export.self]
    )

    /// `regrid catalog merge A.sqlite B.sqlite... -o all.sqlite`
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Join catalogs (e.g. of the shards of one batch) into one.",
            discussion: "A document in several catalogs keeps its most recent row. The output may be one of the inputs' folder."
        )

        @Argument(help: "The catalogs to merge.")
        var catalogs: [String]

        @Option(name: .shortAndLong, help: "The merged catalog (created, or added to if it exists).")
        var output: String

        func run() throws {
            do {
                let merged = try Catalog(path: output)
                let count = try merged.merge(from: catalogs)
                FileHandle.standardError.write(Data("regrid catalog merge: \(Wording.count(count, "document")) in \(output)\n".utf8))
            } catch {
                FileHandle.standardError.write(Data("regrid: \(error.description)\n".utf8))
                throw ExitCode(2)
            }
        }
    }

    /// `regrid catalog export DIR/catalog.sqlite -t csv [--figures] [--status failed] [-o FILE]`
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write a catalog as one table: one row per document, or per figure with --figures.",
            usage: "regrid catalog export <catalog> [-t <format>] [-o <output>] [<options>]"
        )

        @Argument(help: "The catalog (DIR/catalog.sqlite).")
        var catalog: String

        @Option(name: [.customShort("t"), .customLong("to")], help: "Output format: \(BatchFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        var format: String = "json"

        @Flag(name: .long, help: "One row per extracted figure of every document instead of one per document.")
        var figures = false

        @Option(name: .long, help: "Only documents with this status: ok, failed or skipped (e.g. --status failed lists what to look at).")
        var status: CatalogEntry.Status?

        @OptionGroup(title: "CSV output") var outputOptions: OutputOptions

        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
        var output: String?

        func validate() throws {
            do {
                guard try BatchFormat.parseList(format).count == 1 else {
                    throw ValidationError("catalog export writes one format at a time")
                }
            } catch let error as RegridError {
                throw ValidationError(error.description)
            }
        }

        func run() throws {
            do {
                guard FileManager.default.isReadableFile(atPath: catalog) else { throw RegridError.io("\(catalog): no such catalog") }
                let entries = try Catalog(path: catalog).entries(status: status)
                let table = figures ? try CatalogExport.figuresTable(entries) : CatalogExport.documentsTable(entries)
                let document = Document(source: Source(name: (catalog as NSString).lastPathComponent, kind: .docx),
                                        blocks: [.table(table)])
                let files = try BatchFormat.parseList(format)[0].render(document, options: WriteOptions(csv: outputOptions.csv))
                try CLIOutput.write(files.flatMap(\.bytes), to: output)
            } catch let error as RegridError {
                FileHandle.standardError.write(Data("regrid: \(error.description)\n".utf8))
                throw ExitCode(2)
            }
        }
    }
}

extension CatalogEntry.Status: ExpressibleByArgument {}
