import Foundation
import RegridKit

/// Converts one document of a batch: reads its bytes, hashes them, skips it when the catalog
/// already has it done, converts it, writes every output atomically, then commits its row.
/// Everything the document needed is released when ``process(_:)`` returns.
///
/// One converter per worker thread: it keeps that worker's open archive (libzip handles are not
/// shared between threads).
final class DocumentConverter {
    /// What became of one document.
    enum Outcome: Equatable {
        /// The catalog already had it done (same content, same options, outputs present) with this status.
        case alreadyDone(CatalogEntry.Status)
        /// Processed now, with this status and, unless ok, the reason.
        case processed(CatalogEntry.Status, reason: String?)
    }

    private let options: BatchOptions
    private let catalog: Catalog
    private let optionsHash: String
    private let styleCache: StyleCache?
    private var openArchive: (path: String, archive: DocumentArchive)?
    /// The archive inside `openArchive` being read, by its entry index there.
    private var openInner: (container: Int, archive: DocumentArchive)?
    /// Output folders this worker has made (or found) in this run: each is made once, not once per file.
    private var madeFolders: Set<String> = []
    /// The output folder as an absolute path without a trailing slash.
    private let outputFolder: String

    /// True when the run began with an empty catalog: no document is looked up there (a run
    /// never has two documents under one source path, so none can find a row of this run; a second
    /// process writing the same catalog at the same time may make one convert a document again,
    /// never lose one).
    private let catalogStartedEmpty: Bool

    init(options: BatchOptions, catalog: Catalog, catalogStartedEmpty: Bool = false, optionsHash: String,
         styleCache: StyleCache? = nil) {
        self.options = options
        self.catalog = catalog
        self.catalogStartedEmpty = catalogStartedEmpty
        let folder = URL(fileURLWithPath: options.outputDirectory).path
        self.outputFolder = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        self.optionsHash = optionsHash
        self.styleCache = styleCache
    }

    /// Processes `ref`. A bad document is recorded as failed; only catalog errors are thrown.
    /// - Throws: ``RegridError`` when the catalog cannot be read or written (the batch must stop).
    func process(_ ref: DocumentRef) throws(RegridError) -> Outcome {
        let start = DispatchTime.now()
        var entry = CatalogEntry(sourcePath: ref.sourcePath, sha256: nil, byteCount: nil, status: .failed,
                                 optionsHash: optionsHash, regridVersion: Regrid.version)
        let bytes: [UInt8]
        do {
            bytes = try read(ref)
        } catch {
            // Not final: the next run tries again.
            entry.error = error.description
            entry.totalMs = DocumentConverter.milliseconds(since: start)
            try catalog.record(entry)
            return .processed(.failed, reason: entry.error)
        }
        let hash = SHA256.hex(bytes)
        if !options.force, !catalogStartedEmpty, let previous = try catalog.entry(for: ref.sourcePath),
           isDone(previous, sha256: hash) {
            return .alreadyDone(previous.status)
        }
        entry.sha256 = hash
        entry.byteCount = bytes.count
        entry.readMs = DocumentConverter.milliseconds(since: start)

        let convertStart = DispatchTime.now()
        let document: Document
        do {
            let read = try Regrid.read(bytes: bytes, name: ref.displayName, sha256: hash,
                                       options: options.readOptions, styleCache: styleCache)
            document = options.layouts?.resolve(read) ?? read
        } catch {
            entry.status = DocumentConverter.isUnsupported(error) ? .skipped : .failed
            entry.error = nestedArchiveMessage(ref, bytes) ?? error.description
            entry.convertMs = DocumentConverter.milliseconds(since: convertStart)
            entry.totalMs = DocumentConverter.milliseconds(since: start)
            try catalog.record(entry)
            return .processed(entry.status, reason: entry.error)
        }
        entry.reader = document.source.kind.rawValue
        entry.tableCount = document.tables.count
        let analysis = DocumentAnalysis.of(document, layouts: options.layouts)
        entry.layout = analysis.layout
        entry.agency = analysis.agency
        entry.year = analysis.year
        entry.checks = analysis.checks
        entry.checksFailed = analysis.checksFailed
        entry.figures = analysis.figures
        entry.convertMs = DocumentConverter.milliseconds(since: convertStart)

        let writeStart = DispatchTime.now()
        do {
            entry.outputs = try writeOutputs(of: document, for: ref,
                                             options: WriteOptions(csv: options.csv, annotations: analysis.annotations,
                                                                   statedHeaders: analysis.statedHeaders,
                                                                   showsInferred: options.showsInferred))
            entry.status = .ok
        } catch {
            entry.status = .failed
            entry.error = error.description
        }
        entry.writeMs = DocumentConverter.milliseconds(since: writeStart)
        entry.totalMs = DocumentConverter.milliseconds(since: start)
        try catalog.record(entry)
        return .processed(entry.status, reason: entry.error)
    }

    /// True when `previous` is this content under these options, was skipped (a kind Regrid does
    /// not read) or ok with all its outputs present. A failed document is never done: a write
    /// error or a full disk must not be final, so every run tries failed documents again.
    private func isDone(_ previous: CatalogEntry, sha256: String) -> Bool {
        guard previous.sha256 == sha256, previous.optionsHash == optionsHash else { return false }
        switch previous.status {
        case .failed: return false
        case .skipped: return true
        case .ok: break
        }
        let folder = URL(fileURLWithPath: options.outputDirectory)
        return previous.outputs.allSatisfy {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
        }
    }

    private func read(_ ref: DocumentRef) throws(RegridError) -> [UInt8] {
        switch ref.location {
        case .file(let path):
            return try LocalFile.bytes(atPath: path)
        case .archiveEntry(let archivePath, let entry):
            return try archive(at: archivePath).read(entry)
        case .nestedArchiveEntry(let archivePath, let container, let entry):
            let outer = try archive(at: archivePath)
            if let open = openInner, open.container == container.index {
                return try open.archive.read(entry)
            }
            openInner = nil
            let inner = try DocumentArchive(bytes: try outer.read(container), limits: options.readOptions.limits,
                                            nameEncoding: options.zipNameEncoding)
            openInner = (container.index, inner)
            return try inner.read(entry)
        }
    }

    /// What to say when an archive entry that is not a document is itself a zip archive of
    /// documents: one the batch did not open (nested too deep, or not named `.zip`).
    private func nestedArchiveMessage(_ ref: DocumentRef, _ bytes: [UInt8]) -> String? {
        guard case .file = ref.location else {
            guard bytes.starts(with: [0x50, 0x4B]),
                  let archive = try? DocumentArchive(bytes: bytes, limits: options.readOptions.limits),
                  !archive.isOfficePackage else { return nil }
            if case .nestedArchiveEntry = ref.location {
                return "a zip archive of \(archive.documentEntries.count) files inside an archive inside an archive: "
                    + "regrid batch opens archives one level deep, no further; unzip it and give the folder to regrid batch"
            }
            return "a zip archive of \(archive.documentEntries.count) files inside the archive, not opened because its "
                + "name does not end in .zip: rename it, or unzip it and give the folder to regrid batch"
        }
        return nil
    }

    /// The archive at `path`, kept open while this worker reads its entries one after another.
    private func archive(at path: String) throws(RegridError) -> DocumentArchive {
        if let open = openArchive, open.path == path { return open.archive }
        openArchive = nil
        openInner = nil
        let archive = try DocumentArchive(path: path, limits: options.readOptions.limits, nameEncoding: options.zipNameEncoding)
        openArchive = (path, archive)
        return archive
    }

    /// Renders every format, then writes each file atomically; returns paths relative to the output folder.
    private func writeOutputs(of document: Document, for ref: DocumentRef, options writeOptions: WriteOptions) throws(RegridError) -> [String] {
        let stem = OutputLayout.relativeStem(for: ref.sourcePath)
        // The stem has no empty, `.` or `..` component: joining strings gives the path URL would.
        let parent = stem.lastIndex(of: "/").map { outputFolder + "/" + stem[..<$0] } ?? outputFolder
        let base = stem.lastIndex(of: "/").map { String(stem[stem.index(after: $0)...]) } ?? stem
        var written: [String] = []
        for format in options.formats {
            for file in try format.render(document, options: writeOptions) {
                if !madeFolders.contains(parent) {
                    try LocalFile.createDirectories(atPath: parent)
                    madeFolders.insert(parent)
                }
                try LocalFile.writeAtomically(file.bytes, toPath: parent + "/" + base + file.suffix)
                let relative = stem + file.suffix
                written.append(relative)
            }
        }
        return written
    }

    /// Formats Regrid does not read at all: recorded as skipped, not failed.
    static func isUnsupported(_ error: RegridError) -> Bool {
        switch error {
        case .unsupportedFormat, .legacyWordDocument: return true
        default: return false
        }
    }

    static func milliseconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
    }
}
