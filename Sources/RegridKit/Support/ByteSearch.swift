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

    /// The offset of the first `byte` in `buffer[start..<end]`, or nil.
    static func firstIndex(of byte: UInt8, in buffer: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int? {
        guard let base = buffer.baseAddress, start >= 0, start < end, end <= buffer.count,
              let found = memchr(base + start, Int32(byte), end - start) else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }

    /// The offset of the first occurrence of `pattern` wholly inside `buffer[start..<end]`, or nil
    /// (`memchr` to each candidate first byte, then a compare: fast when that byte is not too common).
    static func firstIndex(of pattern: [UInt8], in buffer: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int? {
        guard let first = pattern.first else { return nil }
        var from = start
        while let candidate = firstIndex(of: first, in: buffer, from: from, to: end - pattern.count + 1) {
            if (1..<pattern.count).allSatisfy({ buffer[candidate + $0] == pattern[$0] }) { return candidate }
            from = candidate + 1
        }
        return nil
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
