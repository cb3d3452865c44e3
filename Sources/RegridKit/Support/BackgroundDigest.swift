import Foundation

/// The SHA-256 of a large input, computed on another thread while the reader parses it, so
/// that a single conversion uses both cores (hashing 100 MB takes about 0.4 s on its own).
/// Small inputs are hashed on the spot: a thread costs more than it saves.
final class BackgroundDigest: @unchecked Sendable {
    /// Inputs from this size on are hashed on a thread of their own.
    static let threshold = 1 << 20

    private let condition = NSCondition()
    /// Guarded by `condition`.
    private var hex: String?

    /// Starts hashing `bytes` (the array is shared, not copied), unless the caller already
    /// `known` its digest.
    init(_ bytes: [UInt8], known: String? = nil) {
        if let known {
            hex = known
            return
        }
        if bytes.count < Self.threshold {
            hex = SHA256.hex(bytes)
            return
        }
        let thread = Thread { [self] in
            let digest = SHA256.hex(bytes)
            condition.lock()
            hex = digest
            condition.broadcast()
            condition.unlock()
        }
        thread.start()
    }

    /// The hex digest, waiting for the thread when it is not done yet.
    func value() -> String {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let hex { return hex }
            condition.wait()
        }
    }
}
