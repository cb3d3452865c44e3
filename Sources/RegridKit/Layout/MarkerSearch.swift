import Foundation

/// Looks for version marker texts in a document's normalized text (see ``LayoutResolver``).
///
/// `String.contains` (Foundation's, a search under canonical equivalence) cost more than reading
/// a 100 000-row document. When the text and the marker hold only "plain" scalars — printable
/// ASCII, CJK ideographs, CJK punctuation 、…】, general punctuation U+2010–U+2027 and the
/// middle dot: none combines, decomposes or joins a neighbour into one character, so two such
/// strings are canonically equivalent only when they are identical, and every scalar is a
/// character of its own — the answer is the same as a search of their UTF-8 bytes, which is
/// what is done then. Other text is searched with `contains` as before.
struct MarkerSearch {
    let text: String
    /// Whether every scalar of `text` is plain (decided once for all markers).
    private let plainText: Bool

    init(text: String) {
        self.text = text
        self.plainText = MarkerSearch.isPlain(text)
    }

    /// True when `marker` occurs in the text.
    func contains(_ marker: String) -> Bool {
        guard plainText, !marker.isEmpty, MarkerSearch.isPlain(marker) else { return text.contains(marker) }
        var text = text, marker = marker
        return text.withUTF8 { haystack in
            marker.withUTF8 { needle in MarkerSearch.bytes(haystack, contain: needle) }
        }
    }

    static func isPlain(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x20...0x7E, 0xB7, 0x2010...0x2027, 0x3001...0x3011, 0x4E00...0x9FFF: return true
            default: return false
            }
        }
    }

    private static func bytes(_ haystack: UnsafeBufferPointer<UInt8>, contain needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        let n = needle.count
        guard haystack.count >= n else { return false }
        var i = 0
        let last = haystack.count - n
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < n && haystack[i + k] == needle[k] { k += 1 }
                if k == n { return true }
            }
            i += 1
        }
        return false
    }
}
