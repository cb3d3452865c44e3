import Foundation

/// The SHA-256 of a large input, computed on another thread while the reader parses it, so
/// that a single conversion uses both cores (hashing 100 MB takes about 0.4 s on its own).
/// Small inputs are hashed on the spot: a thread costs more than it saves.
///
/// The thread never outlives this object: when it is released before ``value()`` was asked
/// for (the reader failed), the hash is called off between two 1 MB steps and `deinit` waits
/// for the thread to stop. A process that prints its error and exits therefore never runs
/// libcrypto's exit-time clean-up while the thread is still inside libcrypto (that race ended
/// `regrid convert` of a rejected large package by signal 11).
final class BackgroundDigest: @unchecked Sendable {
    /// Inputs from this size on are hashed on a thread of their own.
    static let threshold = 1 << 20

    /// What the thread and its owner share; every field guarded by `condition`.
    private final class Shared: @unchecked Sendable {
        let condition = NSCondition()
        var hex: String?
        var stopRequested = false
        var running = false
    }

    private let shared = Shared()

    /// Starts hashing `bytes` (the array is shared, not copied), unless the caller already
    /// `known` its digest.
    init(_ bytes: [UInt8], known: String? = nil) {
        if let known {
            shared.hex = known
            return
        }
        if bytes.count < Self.threshold {
            shared.hex = SHA256.hex(bytes)
            return
        }
        let shared = self.shared
        shared.running = true
        let thread = Thread {
            let digest = SHA256.hex(bytes) {
                shared.condition.lock()
                defer { shared.condition.unlock() }
                return shared.stopRequested
            }
            shared.condition.lock()
            shared.hex = digest
            shared.running = false
            shared.condition.broadcast()
            shared.condition.unlock()
        }
        thread.start()
    }

    deinit {
        shared.condition.lock()
        shared.stopRequested = true
        while shared.running { shared.condition.wait() }
        shared.condition.unlock()
    }

    /// The hex digest, waiting for the thread when it is not done yet.
    func value() -> String {
        shared.condition.lock()
        defer { shared.condition.unlock() }
        while true {
            if let hex = shared.hex { return hex }
            shared.condition.wait()
        }
    }
}
