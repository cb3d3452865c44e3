import Foundation
import RegridKit

/// Runs a batch: lists the documents, then converts them on a fixed pool of worker threads
/// (``BatchOptions/jobs``). Each worker takes the next document, converts it, writes its outputs,
/// commits its catalog row and releases it before taking another, so memory stays bounded by
/// the jobs' current documents whatever the number or size of the inputs.
public struct BatchRunner {
    public var options: BatchOptions

    public init(options: BatchOptions) {
        self.options = options
    }

    /// The documents this run covers (after the shard filter).
    /// - Throws: see ``InputEnumerator/documents(in:)``.
    public func documents() throws(RegridError) -> [DocumentRef] {
        let enumerator = InputEnumerator(excludedDirectory: options.outputDirectory, shard: options.shard,
                                         limits: options.readOptions.limits, zipNameEncoding: options.zipNameEncoding)
        return try enumerator.documents(in: options.inputs)
    }

    /// Runs the batch.
    /// - Parameters:
    ///   - progressInterval: least seconds between two progress calls (the last one always comes).
    ///   - failure: called once for every document that fails in this run, with the reason
    ///     (as recorded in the catalog), before the progress call that counts it; never concurrently.
    ///   - progress: called with a snapshot after documents finish; never concurrently.
    /// - Returns: the final counts.
    /// - Throws: ``RegridError/io(_:)`` for unreadable inputs; ``RegridError/output(_:)`` for an
    ///   output folder that cannot be made; ``RegridError/invalidInput(_:)`` for inputs without
    ///   any document or two documents under one source path; a catalog error that stopped the batch.
    public func run(progressInterval: Double = 0.1,
                    failure: (@Sendable (DocumentRef, String) -> Void)? = nil,
                    progress: (@Sendable (BatchProgress) -> Void)? = nil) throws(RegridError) -> BatchProgress {
        try LocalFile.createDirectories(atPath: options.outputDirectory)
        let refs = try documents()
        let catalog = try Catalog(path: options.catalogPath)
        let catalogStartedEmpty = try catalog.isEmpty()
        let state = RunState(refs: refs, progressInterval: progressInterval, failure: failure, progress: progress)
        let workers = min(options.jobs, max(1, refs.count))
        let finished = DispatchGroup()
        let optionsHash = options.optionsHash
        // Documents made from one template share their styles part: it is read once per run.
        let styleCache = StyleCache()
        for _ in 0..<workers {
            finished.enter()
            let thread = Thread { [options] in
                let converter = DocumentConverter(options: options, catalog: catalog, catalogStartedEmpty: catalogStartedEmpty,
                                                  optionsHash: optionsHash, styleCache: styleCache)
                while let ref = state.next() {
                    do throws(RegridError) {
                        state.finish(ref, try converter.process(ref))
                    } catch {
                        state.stop(because: error)
                    }
                }
                finished.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        finished.wait()
        let result = try state.result()
        try catalog.close()
        return result
    }
}

/// The shared state of a run's workers, behind one lock.
private final class RunState: @unchecked Sendable {
    private let lock = NSLock()
    private let refs: [DocumentRef]
    private var nextIndex = 0
    private var snapshot: BatchProgress
    private var fatal: RegridError?
    private let started = DispatchTime.now()
    private var lastReport: UInt64 = 0
    private let interval: UInt64
    private let failure: (@Sendable (DocumentRef, String) -> Void)?
    private let progress: (@Sendable (BatchProgress) -> Void)?

    init(refs: [DocumentRef], progressInterval: Double, failure: (@Sendable (DocumentRef, String) -> Void)?,
         progress: (@Sendable (BatchProgress) -> Void)?) {
        self.refs = refs
        self.snapshot = BatchProgress(total: refs.count)
        self.interval = UInt64(max(0, progressInterval) * 1_000_000_000)
        self.failure = failure
        self.progress = progress
    }

    /// The next document to convert, or nil when all are taken or the batch stopped.
    func next() -> DocumentRef? {
        lock.lock()
        defer { lock.unlock() }
        guard fatal == nil, nextIndex < refs.count else { return nil }
        defer { nextIndex += 1 }
        return refs[nextIndex]
    }

    func finish(_ ref: DocumentRef, _ outcome: DocumentConverter.Outcome) {
        lock.lock()
        defer { lock.unlock() }
        let status: CatalogEntry.Status
        switch outcome {
        case .alreadyDone(let previous):
            snapshot.alreadyDone += 1
            status = previous
        case .processed(let now, let reason):
            status = now
            if now == .failed { failure?(ref, reason ?? "failed") }
        }
        switch status {
        case .ok: snapshot.ok += 1
        case .failed: snapshot.failed += 1
        case .skipped: snapshot.skipped += 1
        }
        let now = DispatchTime.now().uptimeNanoseconds
        snapshot.elapsed = Double(now - started.uptimeNanoseconds) / 1e9
        if now - lastReport >= interval || snapshot.done == snapshot.total {
            lastReport = now
            progress?(snapshot)
        }
    }

    func stop(because error: RegridError) {
        lock.lock()
        defer { lock.unlock() }
        if fatal == nil { fatal = error }
    }

    func result() throws(RegridError) -> BatchProgress {
        lock.lock()
        defer { lock.unlock() }
        if let fatal { throw fatal }
        snapshot.elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return snapshot
    }
}
