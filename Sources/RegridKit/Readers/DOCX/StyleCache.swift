import Foundation

/// Paragraph styles already read in a batch, keyed by what the zip directory says of their part
/// (CRC-32, size, compressed size), so that a thousand reports made from one template read its
/// styles part once. Shared by the workers of a batch (thread-safe); holds only the reduced
/// ``StyleSheet`` values, never XML, and at most ``capacity`` of them.
///
/// The key is the zip directory's word: a styles part damaged so that it still declares the CRC
/// and sizes of one read before is answered from the cache without being inflated.
public final class StyleCache: @unchecked Sendable {
    struct Key: Hashable {
        var crc: UInt32
        var size: Int
        var compressedSize: Int
    }

    /// Most style sheets kept; later ones are read but not kept.
    public let capacity: Int
    private let lock = NSLock()
    /// Guarded by `lock`.
    private var sheets: [Key: StyleSheet] = [:]

    /// An empty cache keeping at most `capacity` style sheets.
    public init(capacity: Int = 256) {
        self.capacity = max(0, capacity)
    }

    /// How many style sheets are kept.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return sheets.count
    }

    func sheet(for key: Key) -> StyleSheet? {
        lock.lock()
        defer { lock.unlock() }
        return sheets[key]
    }

    func store(_ sheet: StyleSheet, for key: Key) {
        lock.lock()
        defer { lock.unlock() }
        if sheets.count < capacity { sheets[key] = sheet }
    }
}
