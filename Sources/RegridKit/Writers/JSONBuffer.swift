/// A growing UTF-8 buffer that JSON text is written into directly, so that a large document
/// is one allocation that doubles, not a string per value joined many times over.
struct JSONBuffer {
    /// The bytes written are `storage[..<count]`; the rest is room to write into. Writes copy
    /// into the storage's memory: `Array.append(contentsOf:)` cost ~100 instructions per call,
    /// and JSON is written a few bytes at a time.
    private var storage: [UInt8]
    private var count = 0

    init(capacity: Int = 0) { storage = [UInt8](repeating: 0, count: max(capacity, 32)) }

    /// The bytes written (a copy).
    var bytes: [UInt8] { Array(storage[..<count]) }

    /// The bytes written, leaving the buffer as it is but without its spare room (no copy).
    mutating func takeBytes() -> [UInt8] {
        storage.removeLast(storage.count - count)
        return storage
    }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > storage.count { grow(extra) }
    }

    private mutating func grow(_ extra: Int) {
        storage.append(contentsOf: repeatElement(0, count: max(storage.count, count + extra - storage.count)))
    }

    /// Appends `source` (UTF-8 of whole scalars).
    @inline(__always)
    private mutating func write(_ source: UnsafeRawBufferPointer) {
        let n = source.count
        guard n > 0, let from = source.baseAddress else { return }
        reserve(n)
        let at = count
        storage.withUnsafeMutableBytes { to in
            if let base = to.baseAddress { (base + at).copyMemory(from: from, byteCount: n) }
        }
        count = at + n
    }

    /// Appends one ASCII byte.
    @inline(__always)
    private mutating func write(byte: UInt8) {
        reserve(1)
        storage[count] = byte
        count += 1
    }

    /// Appends fixed ASCII text (punctuation, keys known to need no escaping).
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { write(UnsafeRawBufferPointer($0)) }
    }

    /// Appends already-serialized JSON.
    mutating func append(raw text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    /// Appends what `other` holds.
    mutating func append(_ other: JSONBuffer) {
        other.storage.withUnsafeBytes { write(UnsafeRawBufferPointer(rebasing: $0[..<other.count])) }
    }

    /// Appends `count` spaces.
    mutating func spaces(_ count: Int) {
        guard count > 0 else { return }
        reserve(count)
        for i in self.count..<(self.count + count) { storage[i] = 0x20 }
        self.count += count
    }

    /// Appends an integer in decimal.
    mutating func int(_ value: Int) {
        guard value != 0 else { write(byte: 0x30); return }
        if value < 0 { write(byte: 0x2D) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[19 - count] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
            write(UnsafeRawBufferPointer(rebasing: buffer[(20 - count)...]))
        }
    }

    /// Appends `text` as a JSON string literal (see ``JSONText/quote(_:)``). Text with nothing
    /// to escape, the usual case, is copied in one go.
    mutating func quoted(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            write(byte: 0x22)
            var start = 0
            var i = 0
            let n = utf8.count
            let raw = UnsafeRawBufferPointer(utf8)
            while i < n {
                // Most bytes need nothing: only controls, `"`, `\` and the lead byte of U+2028/U+2029
                // might. Sixteen, then eight bytes at a time are passed over when none of them is
                // one of those (paragraphs run to hundreds of bytes with nothing to escape).
                if i + 16 <= n {
                    let first = JSONBuffer.escapeBits(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    let second = JSONBuffer.escapeBits(raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
                    if first | second == 0 {
                        i += 16
                        continue
                    }
                } else if i + 8 <= n, JSONBuffer.escapeBits(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) == 0 {
                    i += 8
                    continue
                }
                let b = utf8[i]
                if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0xE2 {
                    i += 1
                    continue
                }
                let escape: StaticString
                switch b {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x08: escape = "\\b"
                case 0x0C: escape = "\\f"
                case 0xE2 where i + 2 < n && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                    escape = utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                case 0..<0x20: escape = ""
                default:
                    i += 1
                    continue
                }
                write(UnsafeRawBufferPointer(rebasing: raw[start..<i]))
                if escape.utf8CodeUnitCount > 0 {
                    append(escape)
                    i += b == 0xE2 ? 3 : 1
                } else {
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    append("\\u00")
                    write(byte: hex[Int(b >> 4)])
                    write(byte: hex[Int(b & 0xF)])
                    i += 1
                }
                start = i
            }
            write(UnsafeRawBufferPointer(rebasing: raw[start..<n]))
            write(byte: 0x22)
        }
    }

    /// Nonzero exactly when one of the eight bytes in `word` is below 0x20, `"`, `\` or 0xE2.
    /// Each term is the bit trick that finds a byte below 0x20 (or a zero byte, after the XOR)
    /// without false positives on the whole word; OR-ing them keeps that, without a branch per test.
    @inline(__always)
    static func escapeBits(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C), lead = word ^ (ones &* 0xE2)
        let control = (word &- ones &* 0x20) & ~word
        return (control | (quote &- ones) & ~quote | (backslash &- ones) & ~backslash | (lead &- ones) & ~lead) & highs
    }

    /// The text written. Made without checking its UTF-8 again: every byte in the buffer comes
    /// from a `String` or `StaticString` (valid UTF-8), ASCII punctuation and digits, or ASCII
    /// escapes that replace whole scalars (``quoted(_:)`` cuts text only before an ASCII byte or
    /// around a whole U+2028/U+2029), so the buffer is always whole scalars of valid UTF-8.
    var string: String { storage.withUnsafeBufferPointer { String(trustedUTF8: UnsafeBufferPointer(rebasing: $0[..<count])) } }
}
