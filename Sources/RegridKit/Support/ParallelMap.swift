import Foundation

/// Maps independent pieces of one large document (its tables) on all cores, keeping order.
/// Small inputs are mapped in place: below `serialBelow` items the threads cost more than they
/// save, and a batch already runs one document per core.
enum ParallelMap {
    /// `items.map(transform)`; a failure is the first failing item's, as a serial map's would be.
    static func map<T: Sendable, R: Sendable, E: Error>(_ items: [T], serialBelow: Int = 64,
                                                        _ transform: @Sendable (T) throws(E) -> R) throws(E) -> [R] {
        if items.count < serialBelow || ProcessInfo.processInfo.activeProcessorCount < 2 {
            var out: [R] = []
            out.reserveCapacity(items.count)
            for item in items { out.append(try transform(item)) }
            return out
        }
        let results = Results<R, E>(count: items.count)
        // Several slices per core, so that one slice of large tables does not leave a core idle.
        let slices = min(items.count, ProcessInfo.processInfo.activeProcessorCount * 8)
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            var i = slice
            while i < items.count {
                results.set(i, Result { () throws(E) -> R in try transform(items[i]) })
                i += slices
            }
        }
        return try results.values()
    }

    /// One slot per item, each written once from a worker thread.
    private final class Results<R: Sendable, E: Error>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [Result<R, E>?]
        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ result: Result<R, E>) {
            lock.lock()
            slots[index] = result
            lock.unlock()
        }

        func values() throws(E) -> [R] {
            lock.lock()
            defer { lock.unlock() }
            var out: [R] = []
            out.reserveCapacity(slots.count)
            for (index, slot) in slots.enumerated() {
                switch slot {
                case .success(let value)?: out.append(value)
                case .failure(let error)?: throw error
                case nil: preconditionFailure("ParallelMap: slot \(index) of \(slots.count) was never filled")
                }
            }
            return out
        }
    }
}
