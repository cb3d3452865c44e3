import Foundation

/// Looks for version marker texts in a document's normalized text (see ``LayoutResolver``),
/// answering exactly as Foundation's `contains` (a search under canonical equivalence, whole
/// characters only), without its cost: `contains` cost more than reading a 100 000-row
/// document, and on real documents that are not annual reports (where no marker is found and
/// the whole text is searched) it was 30 % of a batch's CPU.
///
/// A marker made only of "plain" scalars — printable ASCII, CJK ideographs, CJK punctuation
/// 、…】, general punctuation U+2010–U+2027 and the middle dot — is searched by scalars: none of
/// these has a decomposition or joins a neighbour (each is a character of its own, grapheme
/// break class Other), so
/// - in text of plain scalars only, the answer is a search of the UTF-8 bytes;
/// - in other text, each scalar is first replaced by the plain scalar it is canonically
///   equivalent to (a singleton such as KELVIN SIGN → `K`, a CJK compatibility ideograph → its
///   unified one) or by a value no marker holds; a character of several scalars is never one
///   plain scalar, so no match is missed, and a match found is kept only when Foundation's own
///   search of the few scalars around it agrees (a combining mark after the last scalar makes
///   one character of the two: no match).
///
/// Markers with other scalars are searched with `contains` as before.
struct MarkerSearch {
    let text: String
    /// Whether every scalar of `text` is plain (decided once for all markers).
    private let plainText: Bool
    /// For text that is not plain: its scalars, and each one as the plain scalar it is
    /// canonically equivalent to, or ``MarkerSearch/noMarker``.
    private let scalars: [Unicode.Scalar]
    private let folded: [UInt32]

    /// A value that is no scalar, so no marker holds it.
    private static let noMarker: UInt32 = 0xFFFF_FFFF

    init(text: String) {
        self.text = text
        self.plainText = MarkerSearch.isPlain(text)
        if plainText {
            scalars = []
            folded = []
        } else {
            scalars = Array(text.unicodeScalars)
            var equivalents: [UInt32: UInt32] = [:]
            folded = scalars.map { scalar in
                if MarkerSearch.isPlain(scalar) { return scalar.value }
                if let known = equivalents[scalar.value] { return known }
                let composed = String(scalar).precomposedStringWithCanonicalMapping.unicodeScalars
                let equivalent = composed.count == 1 && composed.allSatisfy(MarkerSearch.isPlain)
                    ? composed.first.map(\.value) ?? MarkerSearch.noMarker : MarkerSearch.noMarker
                equivalents[scalar.value] = equivalent
                return equivalent
            }
        }
    }

    /// True when `marker` occurs in the text.
    func contains(_ marker: String) -> Bool {
        guard !marker.isEmpty, MarkerSearch.isPlain(marker) else { return text.contains(marker) }
        if plainText {
            var text = text, marker = marker
            return text.withUTF8 { haystack in
                marker.withUTF8 { needle in MarkerSearch.bytes(haystack, contain: needle) }
            }
        }
        let needle = marker.unicodeScalars.map(\.value)
        guard let first = needle.first, folded.count >= needle.count else { return false }
        let n = needle.count
        var i = 0
        while i <= folded.count - n {
            if folded[i] == first {
                var k = 1
                while k < n && folded[i + k] == needle[k] { k += 1 }
                if k == n && confirmed(marker, at: i, length: n) { return true }
            }
            i += 1
        }
        return false
    }

    /// Whether Foundation's `contains` finds `marker` at scalar `start` of the text: asked of the
    /// few scalars around it, since whether a character ends there (a combining mark after the
    /// match, say) depends only on its neighbours.
    private func confirmed(_ marker: String, at start: Int, length: Int) -> Bool {
        let context = 4
        let from = max(0, start - context), to = min(scalars.count, start + length + context)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[from..<to])
        let window = String(view)
        var searchFrom = window.startIndex
        while let found = window.range(of: marker, range: searchFrom..<window.endIndex) {
            let offset = window.unicodeScalars.distance(from: window.startIndex, to: found.lowerBound)
            if offset == start - from { return true }
            if offset > start - from { return false }
            searchFrom = window.index(after: found.lowerBound)
        }
        return false
    }

    static func isPlain(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy(isPlain)
    }

    static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xB7, 0x2010...0x2027, 0x3001...0x3011, 0x4E00...0x9FFF: return true
        default: return false
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
