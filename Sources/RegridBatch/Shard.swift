import RegridKit

/// A deterministic share of a batch: `--shard I/N` takes the documents whose source path hashes
/// to `I` modulo `N` (I from 0 to N-1), so N machines running the same command with I = 0…N-1
/// convert every document exactly once between them, whatever order they list them in.
public struct Shard: Equatable, Sendable, CustomStringConvertible {
    /// This share, 0-based.
    public let index: Int
    /// How many shares there are.
    public let count: Int

    /// - Throws: ``RegridError/invalidInput(_:)`` unless 0 ≤ index < count.
    public init(index: Int, count: Int) throws(RegridError) {
        guard count >= 1, index >= 0, index < count else {
            throw .invalidInput("shard \(index)/\(count): the index must be 0…count-1 (e.g. 0/4 … 3/4)")
        }
        self.init(checkedIndex: index, count: count)
    }

    /// Parses `I/N`, e.g. `2/8`.
    /// - Throws: ``RegridError/invalidInput(_:)`` for anything else.
    public init(parsing text: String) throws(RegridError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
            throw .invalidInput("shard '\(text)': expected I/N with 0 ≤ I < N, e.g. 0/4")
        }
        try self.init(index: i, count: n)
    }

    /// The whole batch.
    public static let all = Shard(checkedIndex: 0, count: 1)

    private init(checkedIndex: Int, count: Int) {
        self.index = checkedIndex
        self.count = count
    }

    /// Which share `sourcePath` belongs to: the first 8 bytes of its SHA-256, big-endian, modulo N.
    /// The same on every machine and every run (unlike Swift's seeded `Hasher`).
    public static func share(of sourcePath: String, count: Int) -> Int {
        let digest = SHA256.hex(Array(sourcePath.utf8))
        let prefix = UInt64(digest.prefix(16), radix: 16) ?? 0
        return Int(prefix % UInt64(max(count, 1)))
    }

    /// True when `sourcePath` falls in this share.
    public func contains(_ sourcePath: String) -> Bool {
        count == 1 || Shard.share(of: sourcePath, count: count) == index
    }

    public var description: String { "\(index)/\(count)" }
}
