import ArgumentParser
import Foundation
import RegridBatch
import RegridKit

/// `regrid batch INPUT... --out DIR [-t json,...] [--jobs N] [--shard I/N] [--force] [--quiet]`
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert files, folders and zip archives of documents on all cores, with a resumable catalog.",
        discussion: """
            Outputs go to DIR (the source path plus the format's suffix) and one row per document to \
            DIR/catalog.sqlite (DIR/catalog-I-of-N.sqlite with --shard). Run the same command again \
            after a crash: documents already done with the same content and options are skipped. \
            Exit code: 0 all converted (or skipped as unsupported), 1 some failed, 2 bad usage or unreadable inputs.
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

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    @OptionGroup var layouts: LayoutOptions

    @Flag(name: .customLong("no-layouts"), help: "Skip the known-layout step (annual-report templates, figures, checks): tables as read.")
    var noLayouts = false

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
        let options: BatchOptions
        do throws(RegridError) {
            options = BatchOptions(inputs: inputs, outputDirectory: out, formats: try BatchFormat.parseList(formats),
                                   jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, shard: try shard.map(Shard.init(parsing:)) ?? .all, force: force,
                                   readOptions: limits.readOptions, layouts: resolver)
        } catch {
            throw ValidationError(error.description)
        }
        let display = ProgressDisplay(mode: quiet ? .quiet : isatty(STDERR_FILENO) == 1 ? .terminal : .summary)
        let result: BatchProgress
        do {
            result = try BatchRunner(options: options).run(progressInterval: 0.1) { display.update($0) }
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
