import Foundation

/// Fast byte searches and comparisons (`memchr`, `memcmp`) for the hot paths, where the generic
/// `Sequence.contains` and `elementsEqual` walk their elements one by one.
enum ByteSearch {
    /// Whether `byte` occurs in the UTF-8 of `text`.
    static func contains(_ byte: UInt8, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { contains(byte, in: UnsafeRawBufferPointer($0)) }
    }

    /// Whether `byte` occurs in `bytes`.
    static func contains(_ byte: UInt8, in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { contains(byte, in: $0) }
    }

    private static func contains(_ byte: UInt8, in buffer: UnsafeRawBufferPointer) -> Bool {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return false }
        return memchr(base, Int32(byte), buffer.count) != nil
    }

    /// Whether the UTF-8 of `a` and `b` is the same bytes (not `String` equality, which is
    /// canonical equivalence).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var a = a, b = b
        return a.withUTF8 { ua in b.withUTF8 { ub in equal(UnsafeRawBufferPointer(ua), UnsafeRawBufferPointer(ub)) } }
    }

    /// Whether two buffers hold the same bytes.
    static func equal(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        guard let pa = a.baseAddress, let pb = b.baseAddress, a.count > 0 else { return true }
        return memcmp(pa, pb, a.count) == 0
    }
}
