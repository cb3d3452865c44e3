/// The label text of plain text as one normalized character stream: every word that is not a
/// figure, normalized by a template's ``LabelNormalizer`` and concatenated, each character
/// remembering its word. Labels broken over lines, or interleaved with the fragments of
/// neighbouring cells (as `pdftotext -layout` writes a row of several multi-line cells), are
/// found in it as subsequences with small gaps.
struct LabelStream: Sendable {
    private(set) var characters: [Unicode.Scalar] = []
    /// The word (index in ``TextWords/words``) of each character.
    private(set) var wordOf: [Int] = []

    init(_ words: TextWords, normalizer: LabelNormalizer) {
        for (index, word) in words.words.enumerated() where !word.isFigure {
            for s in normalizer.normalize(word.text).unicodeScalars {
                characters.append(s)
                wordOf.append(index)
            }
        }
    }

    var count: Int { characters.count }

    /// Where a label occurs.
    struct Match: Equatable, Sendable {
        /// First matched character.
        var start: Int
        /// Just after the last matched character.
        var end: Int
    }

    /// The first occurrence of `label` starting in `from ..< from + window`, as a subsequence whose
    /// span exceeds the label by at most `label.count / 2 + 4` characters (the fragments of the
    /// cells beside it). Each character looked at costs one unit of `budget`; nil once it is spent.
    func find(_ label: [Unicode.Scalar], from: Int, window: Int, budget: inout Int) -> Match? {
        guard let first = label.first, from >= 0 else { return nil }
        let limit = min(characters.count, from + window)
        let slack = label.count / 2 + 4
        var p = from
        while p < limit && budget > 0 {
            budget -= 1
            guard characters[p] == first else { p += 1; continue }
            var i = 1, q = p + 1
            let stop = min(characters.count, p + label.count + slack)
            while i < label.count && q < stop {
                if characters[q] == label[i] { i += 1 }
                q += 1
            }
            budget -= q - p
            if i == label.count { return Match(start: p, end: q) }
            p += 1
        }
        return nil
    }

    /// `end`, moved past a bracketed note that follows directly (`规章` + `（设区的市…）`), which
    /// belongs to the label even where the layout does not list it: at most 60 characters, and
    /// more than an item number.
    func skippingNote(at end: Int) -> Int {
        guard end < characters.count, characters[end] == "(" || characters[end] == "（" else { return end }
        var depth = 0
        var i = end
        while i < characters.count && i - end <= 60 {
            switch characters[i] {
            case "(", "（": depth += 1
            case ")", "）":
                depth -= 1
                // `（二）` after a label is the next row's item number, not a note.
                if depth == 0 { return i - end > 4 ? i + 1 : end }
            default: break
            }
            i += 1
        }
        return end
    }
}
