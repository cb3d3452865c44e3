import ArgumentParser
import Foundation
import RegridBatch
import RegridKit

/// `regrid batch INPUT... --out DIR [-t json,...] [--jobs N] [--shard I/N] [--force] [--quiet]`
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Convert files, folders and zip archives of documents on all cores, with a resumable catalog.",
        discussion: """
            Outputs go to DIR (the source path, from the input's own name on, plus the format's suffix: \
            reports/a.docx gives DIR/reports/a.docx.json however reports/ is spelled) and one row per document to \
            DIR/catalog.sqlite (DIR/catalog-I-of-N.sqlite with --shard). Run the same command again \
            after a crash: documents already done with the same content and options are skipped; \
            failed ones are tried again. Each failed document is named on standard error \
            (regrid: PATH: reason), also with --quiet. \
            Exit code: 0 all converted (or skipped as unsupported), 1 some failed, 2 bad usage, \
            unreadable inputs or no documents found.
            """
    )

    @Argument(help: "Files, folders (read recursively) and zip archives of documents.")
    var inputs: [String]

    @Option(name: .long, help: "The output folder (created if needed).")
    var out: String

    @Option(name: [.customShort("t"), .customLong("to")], help: ArgumentHelp("Output formats, comma-separated: \(BatchFormat.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "formats"))
    var formats: String = "json"

    @Option(name: .long, help: "Documents converted at once (default: the number of cores).")
    var jobs: Int?

    @Option(name: .long, help: "Take share I of N (0 ≤ I < N) of the documents, by hash of their source path.")
    var shard: String?

    @Flag(name: .long, help: "Convert every document again, even those the catalog has done.")
    var force = false

    @Flag(name: .long, help: "Print nothing but errors (each failed document is still named).")
    var quiet = false

    @Option(name: .customLong("zip-encoding"),
            help: ArgumentHelp("How names in zip archives without the UTF-8 flag are decoded: \(ZipNameEncoding.allCases.map(\.rawValue).joined(separator: ", ")) (auto: UTF-8 when valid, else GB18030/GBK, else CP437).", valueName: "encoding"))
    var zipEncoding: ZipNameEncoding = .automatic

    @OptionGroup(title: "CSV output") var output: OutputOptions

    @OptionGroup(title: "HTML output") var html: HTMLOptions

    @OptionGroup var layouts: LayoutOptions

    @Flag(name: .customLong("no-layouts"), help: "Skip the known-layout step (annual-report templates, figures, checks): tables as read.")
    var noLayouts = false

    @OptionGroup(title: "Input") var input: InputOptions

    @OptionGroup(title: "Limits") var limits: LimitOptions

    func validate() throws {
        if noLayouts && !layouts.files.isEmpty { throw ValidationError("--no-layouts and --layout exclude each other") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        do throws(RegridError) {
            _ = try BatchFormat.parseList(formats)
            if let shard { _ = try Shard(parsing: shard) }
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        let resolver = noLayouts ? nil : try CLILayouts.resolver(layouts, exitCode: 2)
        let readOptions = input.readOptions(limits, layouts: resolver?.templates)
        let options: BatchOptions
        do throws(RegridError) {
            options = BatchOptions(inputs: inputs, outputDirectory: out, formats: try BatchFormat.parseList(formats),
                                   jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, shard: try shard.map(Shard.init(parsing:)) ?? .all, force: force,
                                   readOptions: readOptions, layouts: resolver, csv: output.csv,
                                   zipNameEncoding: zipEncoding, showsInferred: !html.hideInferred)
        } catch {
            throw ValidationError(error.description)
        }
        let display = ProgressDisplay(mode: quiet ? .quiet : isatty(STDERR_FILENO) == 1 ? .terminal : .summary)
        let result: BatchProgress
        do {
            result = try BatchRunner(options: options).run(
                progressInterval: 0.1,
                failure: { display.failed($0.locationPath, reason: $1) },
                progress: { display.update($0) })
        } catch {
            display.clear()
            FileHandle.standardError.write(Data("regrid: \(error.description)\n".utf8))
            throw ExitCode(2)
        }
        display.finish(result, catalog: options.catalogPath)
        if result.failed > 0 { throw ExitCode(1) }
    }
}

/// Shows a batch's progress on standard error.
struct ProgressDisplay: Sendable {
    enum Mode { case terminal, summary, quiet }
    let mode: Mode

    /// Redraws the single progress line (terminal only).
    func update(_ progress: BatchProgress) {
        guard mode == .terminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(progress.line)".utf8))
    }

    /// Names a failed document (in every mode): `regrid: PATH: reason`, above the progress line.
    func failed(_ path: String, reason: String) {
        clear()
        FileHandle.standardError.write(Data("regrid: \(path): \(reason)\n".utf8))
    }

    /// Erases the progress line before an error message.
    func clear() {
        if mode == .terminal { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }

    /// The closing summary line (not with --quiet).
    func finish(_ progress: BatchProgress, catalog: String) {
        clear()
        guard mode != .quiet else { return }
        FileHandle.standardError.write(Data("regrid batch: \(progress.summary); catalog \(catalog)\n".utf8))
    }
}

extension ZipNameEncoding: ExpressibleByArgument {}
