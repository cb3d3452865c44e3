import Foundation
import CoreFoundation

/// Text bytes turned into normalized UTF-8: the encoding detected, NUL bytes removed, CRLF and
/// lone CR turned into LF. What was repaired is said in `diagnostics`.
struct DecodedText: Sendable {
    /// UTF-8, LF line ends only, no NUL.
    var utf8: [UInt8]
    /// `utf-8`, `utf-16le`, `utf-16be`, `gb18030` or `big5`.
    var encoding: String
    var diagnostics: [Diagnostic]
}

/// Detects the encoding of a text file and normalizes it (see ``DecodedText``).
///
/// Order: a byte-order mark decides (UTF-8, UTF-16 LE/BE); without one, NUL bytes in every
/// other position (or, for CJK text, one byte lane of CJK high bytes) mean UTF-16 without BOM;
/// then valid UTF-8; then Big5 (traditional Chinese: Taiwan, Hong Kong) when the byte pairs are
/// Big5's and not GBK's (``isLikelyBig5(_:)``); then valid GB18030 (a superset of GBK and GB2312,
/// common in Chinese archives); anything else is read as UTF-8 with U+FFFD for the bad bytes and
/// a warning. A guessed encoding (no byte-order mark, not UTF-8) is said in an `encoding-guessed`
/// note. Never fails.
enum TextDecoding {
    static func decode(_ bytes: [UInt8]) -> DecodedText {
        var diagnostics: [Diagnostic] = []
        var encoding = "utf-8"
        var utf8: [UInt8]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            utf8 = Array(bytes.dropFirst(3))
            diagnostics.append(Diagnostic(.info, "encoding-bom", "UTF-8 byte-order mark found and removed"))
            if let bad = firstInvalidUTF8(utf8) {
                diagnostics.append(invalidUTF8(at: bad))
                utf8 = Array(String(decoding: utf8, as: UTF8.self).utf8)
            }
        } else if bytes.starts(with: [0xFF, 0xFE]) {
            encoding = "utf-16le"
            utf8 = utf16(bytes.dropFirst(2), littleEndian: true, diagnostics: &diagnostics)
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            encoding = "utf-16be"
            utf8 = utf16(bytes.dropFirst(2), littleEndian: false, diagnostics: &diagnostics)
        } else if let littleEndian = utf16ByNULPattern(bytes) {
            encoding = littleEndian ? "utf-16le" : "utf-16be"
            diagnostics.append(Diagnostic(.info, "encoding-guessed",
                "no byte-order mark, but the byte pattern of UTF-16: read as \(encoding.uppercased())"))
            utf8 = utf16(bytes[...], littleEndian: littleEndian, diagnostics: &diagnostics)
        } else if let bad = firstInvalidUTF8(bytes) {
            if isLikelyBig5(bytes), let text = String(data: Data(bytes), encoding: big5) {
                encoding = "big5"
                utf8 = Array(text.utf8)
                diagnostics.append(Diagnostic(.info, "encoding-guessed",
                    "no byte-order mark and not UTF-8; the byte pairs are Big5's (traditional Chinese): read as Big5"))
            } else if isGB18030(bytes), let text = String(data: Data(bytes), encoding: gb18030) {
                encoding = "gb18030"
                utf8 = Array(text.utf8)
                diagnostics.append(Diagnostic(.info, "encoding-guessed",
                    "no byte-order mark and not UTF-8: read as GB18030 (which covers GBK and GB2312)"))
            } else {
                diagnostics.append(invalidUTF8(at: bad))
                utf8 = Array(String(decoding: bytes, as: UTF8.self).utf8)
            }
        } else {
            utf8 = bytes
        }
        normalize(&utf8, diagnostics: &diagnostics)
        return DecodedText(utf8: utf8, encoding: encoding, diagnostics: diagnostics)
    }

    /// `bytes` in the encoding the user gave, else as detected (``decode(_:)``).
    /// - Throws: ``RegridError/encoding(_:)`` when the bytes are not valid in the given encoding.
    static func decode(_ bytes: [UInt8], given: TextEncoding?) throws(RegridError) -> DecodedText {
        guard let given else { return decode(bytes) }
        guard let text = given.decode(bytes) else {
            let detected = decode(bytes).encoding
            throw .encoding("the text is not valid \(given.name) (detection would read it as \(detected))")
        }
        var utf8 = Array(text.utf8)
        var diagnostics = [Diagnostic(.info, "encoding-given", "read as \(given.name), the encoding given")]
        normalize(&utf8, diagnostics: &diagnostics)
        return DecodedText(utf8: utf8, encoding: given.name, diagnostics: diagnostics)
    }

    /// Foundation's GB18030 (CoreFoundation `kCFStringEncodingGB_18030_2000`).
    static let gb18030 = String.Encoding(rawValue: CFStringConvertEncodingToNSStringEncoding(0x0632))

    /// Foundation's Big5-HKSCS (CoreFoundation `kCFStringEncodingBig5_HKSCS_1999`): Big5 with
    /// the Hong Kong characters.
    static let big5 = String.Encoding(rawValue: CFStringConvertEncodingToNSStringEncoding(0x0A06))

    /// True when `bytes` (not UTF-8) read as Big5 rather than GBK: every multi-byte character is a
    /// Big5 pair (lead 0x81–0xFE, trail 0x40–0x7E or 0xA1–0xFE, so no GB18030 four-byte
    /// sequence), at least a fifth of the pairs have a trail below 0xA1 — about two in five do in
    /// Big5 text, none do in GB2312 text and only rare characters do in GBK — and almost none
    /// lead with 0x81–0xA0: Hong Kong additions in Big5, but where GBK keeps its traditional
    /// characters (so traditional text in GBK stays GBK).
    static func isLikelyBig5(_ bytes: [UInt8]) -> Bool {
        var pairs = 0, lowTrail = 0, lowLead = 0
        let wellFormed = walkCharacters(bytes, fourByte: false) { lead, trail in
            guard (0x40...0x7E).contains(trail) || (0xA1...0xFE).contains(trail) else { return false }
            pairs += 1
            if trail < 0xA1 { lowTrail += 1 }
            if lead <= 0xA0 { lowLead += 1 }
            return true
        }
        return wellFormed && pairs >= 4 && lowTrail * 5 >= pairs && lowLead * 20 < pairs
    }

    private static func invalidUTF8(at offset: Int) -> Diagnostic {
        Diagnostic(.warning, "encoding-invalid",
            "the text is neither valid UTF-8 nor GB18030 nor Big5 (first bad byte at offset \(offset)); invalid bytes replaced by U+FFFD")
    }

    /// Offset of the first byte that breaks UTF-8, or nil when all of it is valid.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let p = buffer.baseAddress else { return nil }
            let n = buffer.count
            var i = 0
            while i < n {
                // Eight ASCII bytes at a time.
                if i + 8 <= n, UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                let b = p[i]
                if b < 0x80 { i += 1; continue }
                // The usual three-byte sequence (CJK) with no range exception for its second byte.
                if (b >= 0xE1 && b <= 0xEC || b >= 0xEE) && b <= 0xEF && i + 2 < n,
                   p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80 {
                    i += 3
                    continue
                }
                var need: Int
                var low: UInt8 = 0x80, high: UInt8 = 0xBF
                switch b {
                case 0xC2...0xDF: need = 1
                case 0xE0: need = 2; low = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: need = 2
                case 0xED: need = 2; high = 0x9F
                case 0xF0: need = 3; low = 0x90
                case 0xF1...0xF3: need = 3
                case 0xF4: need = 3; high = 0x8F
                default: return i
                }
                guard i + need < n else { return i }
                var j = i + 1
                while need > 0 {
                    let c = p[j]
                    guard c >= low && c <= high else { return i }
                    low = 0x80; high = 0xBF
                    j += 1; need -= 1
                }
                i = j
            }
            return nil
        }
    }

    /// True when every byte sequence is well-formed GB18030 (1, 2 or 4 bytes).
    static func isGB18030(_ bytes: [UInt8]) -> Bool {
        walkCharacters(bytes, fourByte: true) { _, trail in (0x40...0x7E).contains(trail) || (0x80...0xFE).contains(trail) }
    }

    /// Walks the characters of double-byte Chinese text (GB18030, GBK, Big5): ASCII bytes are
    /// passed over, every other character must start with a lead byte 0x81–0xFE and is handed to
    /// `pair` (lead, trail), which says whether the pair is valid; with `fourByte`, GB18030's
    /// four-byte sequences (lead, digit, lead, digit) are accepted too. True when every byte
    /// belongs to a valid character.
    private static func walkCharacters(_ bytes: [UInt8], fourByte: Bool, pair: (UInt8, UInt8) -> Bool) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            guard b >= 0x81 && b <= 0xFE, i + 1 < n else { return false }
            let c = bytes[i + 1]
            if fourByte, (0x30...0x39).contains(c) {
                guard i + 3 < n, (0x81...0xFE).contains(bytes[i + 2]), (0x30...0x39).contains(bytes[i + 3]) else { return false }
                i += 4
                continue
            }
            guard pair(b, c) else { return false }
            i += 2
        }
        return true
    }

    /// UTF-16 without BOM: in the first 64 KiB, NULs in at least 30 % of the odd (LE) or even
    /// (BE) positions and almost none in the others. Returns `true` for little-endian.
    private static func utf16ByNULPattern(_ bytes: [UInt8]) -> Bool? {
        let n = min(bytes.count, 65_536) & ~1
        guard n >= 4 else { return nil }
        var even = 0, odd = 0
        var i = 0
        while i < n {
            if bytes[i] == 0 { even += 1 }
            if bytes[i + 1] == 0 { odd += 1 }
            i += 2
        }
        let pairs = n / 2
        // The other lane has NULs too in CJK text: U+3000 (ideographic space, the usual paragraph
        // indent) and U+4E00 (一) end in 0x00. So: far more NULs in one lane than in the other.
        if odd * 10 >= pairs * 3 && even * 3 < odd { return true }
        if even * 10 >= pairs * 3 && odd * 3 < even { return false }
        return utf16ByCJKLane(bytes, count: n)
    }

    /// UTF-16 without BOM and almost without ASCII (so without the NUL pattern): one lane holds
    /// only the high bytes of CJK text (0x00, 0x20–0x30 punctuation and kana, 0x4E–0x9F unified
    /// ideographs, 0xFF full-width forms), the other is spread. Only for input that is not valid
    /// UTF-8 (ASCII text has similar lanes and is valid UTF-8); GB18030 and UTF-8 CJK use bytes
    /// from 0x80/0xA1 up in both lanes. Returns `true` for little-endian.
    private static func utf16ByCJKLane(_ bytes: [UInt8], count n: Int) -> Bool? {
        let pairs = n / 2
        guard pairs >= 16, firstInvalidUTF8(bytes) != nil else { return nil }
        func isCJKHigh(_ b: UInt8) -> Bool { b == 0 || (0x20...0x30).contains(b) || (0x4E...0x9F).contains(b) || b == 0xFF }
        var even = 0, odd = 0
        var i = 0
        while i < n {
            if isCJKHigh(bytes[i]) { even += 1 }
            if isCJKHigh(bytes[i + 1]) { odd += 1 }
            i += 2
        }
        if odd * 100 >= pairs * 95 && even * 10 < pairs * 7 { return true }
        if even * 100 >= pairs * 95 && odd * 10 < pairs * 7 { return false }
        return nil
    }

    private static func utf16(_ body: ArraySlice<UInt8>, littleEndian: Bool, diagnostics: inout [Diagnostic]) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var i = body.startIndex
        while i + 1 < body.endIndex {
            let a = UInt16(body[i]), b = UInt16(body[i + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            i += 2
        }
        if body.count % 2 == 1 {
            diagnostics.append(Diagnostic(.warning, "encoding-truncated",
                "UTF-16 text has an odd number of bytes; the last byte was dropped"))
        }
        var lone = 0
        var k = 0
        while k < units.count {
            let u = units[k]
            if (0xD800...0xDBFF).contains(u), k + 1 < units.count, (0xDC00...0xDFFF).contains(units[k + 1]) {
                k += 2; continue
            }
            if (0xD800...0xDFFF).contains(u) { lone += 1 }
            k += 1
        }
        if lone > 0 {
            diagnostics.append(Diagnostic(.warning, "encoding-invalid",
                "\(lone) unpaired UTF-16 surrogate(s) replaced by U+FFFD"))
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    /// Removes NUL bytes and turns CRLF and lone CR into LF, in place.
    private static func normalize(_ bytes: inout [UInt8], diagnostics: inout [Diagnostic]) {
        guard ByteSearch.contains(0, in: bytes) || ByteSearch.contains(0x0D, in: bytes) else { return }
        var nul = 0, crlf = 0, cr = 0
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0 { nul += 1; i += 1; continue }
            if b == 0x0D {
                if i + 1 < n && bytes[i + 1] == 0x0A { crlf += 1; i += 1 } else { cr += 1 }
                out.append(0x0A)
                i += 1
                continue
            }
            out.append(b)
            i += 1
        }
        bytes = out
        if nul > 0 {
            diagnostics.append(Diagnostic(.warning, "nul-removed", "\(nul) NUL byte(s) removed from the text"))
        }
        if crlf + cr > 0 {
            diagnostics.append(Diagnostic(.info, "line-ends-normalized",
                "\(crlf) CRLF and \(cr) lone CR line end(s) read as LF"))
        }
    }
}
