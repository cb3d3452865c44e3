/// Byte-level zip tools for the hostile corpus: a CRC-32, a reader of the central directory of
/// an archive (so that fields can be patched in both the local and the central header), a
/// minimal archive assembler for entries whose compressed bytes are hand-made, and a hand-made
/// deflate stream that inflates to gigabytes.
enum ZipBytes {
    // MARK: CRC-32

    private static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = crcTable[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    // MARK: little-endian fields

    static func read16(_ b: [UInt8], _ at: Int) -> Int { Int(b[at]) | Int(b[at + 1]) << 8 }
    static func read32(_ b: [UInt8], _ at: Int) -> Int { read16(b, at) | read16(b, at + 2) << 16 }
    static func write16(_ b: inout [UInt8], _ at: Int, _ v: Int) {
        b[at] = UInt8(v & 0xFF); b[at + 1] = UInt8((v >> 8) & 0xFF)
    }
    static func write32(_ b: inout [UInt8], _ at: Int, _ v: Int) {
        write16(&b, at, v & 0xFFFF); write16(&b, at + 2, (v >> 16) & 0xFFFF)
    }
    private static func append16(_ b: inout [UInt8], _ v: Int) { b += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
    private static func append32(_ b: inout [UInt8], _ v: Int) { append16(&b, v & 0xFFFF); append16(&b, (v >> 16) & 0xFFFF) }

    // MARK: layout of an existing archive

    /// Where one entry's headers sit in an archive.
    struct EntryLayout {
        var name: String
        var centralHeader: Int
        var localHeader: Int
    }

    /// Offset of the end-of-central-directory record.
    static func endOfCentralDirectory(_ b: [UInt8]) -> Int? {
        var i = b.count - 22
        while i >= 0 {
            if b[i] == 0x50 && b[i + 1] == 0x4B && b[i + 2] == 0x05 && b[i + 3] == 0x06 { return i }
            i -= 1
        }
        return nil
    }

    /// The entries of `b`, found by walking its central directory (the archive must be sound).
    static func layout(_ b: [UInt8]) -> [EntryLayout] {
        guard let eocd = endOfCentralDirectory(b) else { return [] }
        var at = read32(b, eocd + 16)
        var out: [EntryLayout] = []
        for _ in 0..<read16(b, eocd + 10) {
            guard at + 46 <= b.count, read32(b, at) == 0x0201_4B50 else { break }
            let nameLength = read16(b, at + 28)
            let name = String(decoding: b[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            out.append(EntryLayout(name: name, centralHeader: at, localHeader: read32(b, at + 42)))
            at += 46 + nameLength + read16(b, at + 30) + read16(b, at + 32)
        }
        return out
    }

    /// Overwrites the declared uncompressed size of entry `name` in both of its headers.
    static func patchDeclaredSize(_ b: inout [UInt8], entry name: String, to size: Int) {
        for e in layout(b) where e.name == name {
            write32(&b, e.centralHeader + 24, size)
            write32(&b, e.localHeader + 22, size)
        }
    }

    /// Sets general-purpose flag bit 0 ("encrypted", traditional PKWARE) of entry `name` in both headers.
    static func patchEncryptedFlag(_ b: inout [UInt8], entry name: String) {
        for e in layout(b) where e.name == name {
            write16(&b, e.centralHeader + 8, read16(b, e.centralHeader + 8) | 1)
            write16(&b, e.localHeader + 6, read16(b, e.localHeader + 6) | 1)
        }
    }

    // MARK: assembling an archive from raw entries

    /// One entry whose stored bytes and header fields are given as they are (nothing is checked).
    struct RawEntry {
        var name: String
        /// 0 = stored, 8 = deflate.
        var method: Int
        var data: [UInt8]
        var crc: UInt32
        var declaredSize: Int
        /// The stored name bytes when they are not `name` in UTF-8 (e.g. GBK from Chinese Windows).
        var nameBytes: [UInt8]? = nil
        /// General-purpose flag bit 11: the name is UTF-8.
        var utf8Flag = true

        /// A stored entry with honest headers.
        static func stored(_ name: String, _ bytes: [UInt8]) -> RawEntry {
            RawEntry(name: name, method: 0, data: bytes, crc: crc32(bytes), declaredSize: bytes.count)
        }
    }

    /// A zip archive holding `entries` (no zip64, no data descriptors).
    static func assemble(_ entries: [RawEntry]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for e in entries {
            let name = e.nameBytes ?? Array(e.name.utf8)
            let flags = e.utf8Flag ? 0x0800 : 0
            let localOffset = out.count
            append32(&out, 0x0403_4B50)
            append16(&out, 20); append16(&out, flags); append16(&out, e.method)
            append16(&out, 0); append16(&out, 0x21)           // time, date (1980-01-01)
            append32(&out, Int(e.crc)); append32(&out, e.data.count); append32(&out, e.declaredSize)
            append16(&out, name.count); append16(&out, 0)
            out += name
            out += e.data
            append32(&central, 0x0201_4B50)
            append16(&central, 20); append16(&central, 20); append16(&central, flags); append16(&central, e.method)
            append16(&central, 0); append16(&central, 0x21)
            append32(&central, Int(e.crc)); append32(&central, e.data.count); append32(&central, e.declaredSize)
            append16(&central, name.count); append16(&central, 0); append16(&central, 0)
            append16(&central, 0); append16(&central, 0); append32(&central, 0)
            append32(&central, localOffset)
            central += name
        }
        let centralOffset = out.count
        out += central
        append32(&out, 0x0605_4B50)
        append16(&out, 0); append16(&out, 0)
        append16(&out, entries.count); append16(&out, entries.count)
        append32(&out, central.count); append32(&out, centralOffset)
        append16(&out, 0)
        return out
    }

    // MARK: a hand-made deflate bomb

    /// A raw deflate stream that inflates to `byte` followed by `matches` × 258 more copies of it,
    /// using two bits per 258 output bytes (the best ratio deflate allows, ≈1032:1).
    ///
    /// One dynamic-Huffman block whose literal/length code has three symbols (285 = "copy 258"
    /// with a 1-bit code `0`, the literal `byte` = `10`, end-of-block = `11`) and whose distance
    /// code has one 1-bit symbol (distance 1 = `0`). Every match is the two bits `00`, so the body
    /// is plain zero bytes and costs nothing to build. `byte` is 0 or 11…244 (so that the runs of
    /// unused symbols around it fit the code-length code's "11–138 zeros" symbol).
    static func deflateBomb(matches: Int, byte: UInt8 = 0) -> [UInt8] {
        precondition(byte == 0 || (11...244).contains(byte), "unsupported literal")
        var w = BitWriter()
        w.bits(1, 1)            // BFINAL
        w.bits(2, 2)            // BTYPE = dynamic Huffman
        w.bits(29, 5)           // HLIT: 286 literal/length codes
        w.bits(0, 5)            // HDIST: 1 distance code
        w.bits(14, 4)           // HCLEN: 18 code-length codes
        // Code-length code lengths in the order 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1:
        // symbol 18 (run of zeros) gets 1 bit, symbols 1 and 2 get 2 bits.
        for length in [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2] { w.bits(length, 3) }
        // Canonical codes: 18 = `0`, 1 = `10`, 2 = `11`.
        func one(_ w: inout BitWriter) { w.code(0b10, 2) }
        func two(_ w: inout BitWriter) { w.code(0b11, 2) }
        func zeros(_ w: inout BitWriter, _ n: Int) {      // n ≥ 11 unused symbols
            var left = n
            while left > 0 {
                let run = left > 138 ? (left - 138 >= 11 ? 138 : left - 11) : left
                w.code(0, 1); w.bits(run - 11, 7)
                left -= run
            }
        }
        let literal = Int(byte)
        if literal > 0 { zeros(&w, literal) }     // literals below `byte`: unused
        two(&w)                                   // the literal `byte`: length 2
        zeros(&w, 255 - literal)                  // literals above it: unused
        two(&w)                                   // 256 end of block: length 2
        zeros(&w, 28)                             // 257…284: unused
        one(&w)                                   // 285 (length 258): length 1
        one(&w)                                   // distance code 0: length 1
        w.code(0b10, 2)                           // the literal
        for _ in 0..<(matches % 4) { w.code(0, 1); w.code(0, 1) }
        w.zeroBytes(matches / 4)                  // four matches per byte
        w.code(0b11, 2)                           // end of block
        return w.finish()
    }

    /// The size `deflateBomb(matches:byte:)` inflates to.
    static func deflateBombSize(matches: Int) -> Int { 1 + 258 * matches }

    /// Writes deflate's bit stream: values LSB first, Huffman codes MSB first.
    private struct BitWriter {
        private var out: [UInt8] = []
        private var current = 0
        private var count = 0

        mutating func bits(_ value: Int, _ n: Int) {
            for i in 0..<n { put((value >> i) & 1) }
        }

        mutating func code(_ value: Int, _ n: Int) {
            for i in stride(from: n - 1, through: 0, by: -1) { put((value >> i) & 1) }
        }

        /// `n` × 8 zero bits, fast once the writer is byte-aligned.
        mutating func zeroBytes(_ n: Int) {
            var left = n * 8
            while left > 0 && count != 0 { put(0); left -= 1 }
            out.append(contentsOf: repeatElement(0, count: left / 8))
            for _ in 0..<(left % 8) { put(0) }
        }

        private mutating func put(_ bit: Int) {
            current |= bit << count
            count += 1
            if count == 8 { out.append(UInt8(current)); current = 0; count = 0 }
        }

        mutating func finish() -> [UInt8] {
            if count > 0 { out.append(UInt8(current)); current = 0; count = 0 }
            return out
        }
    }
}
