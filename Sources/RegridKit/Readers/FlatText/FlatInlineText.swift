/// Inline marks that Tika writes into the text of a Word run, mapped back to what the DOCX
/// reader gives for the same run (`spec/flat-text.md` §2.2, POI `XWPFRun.text()`):
/// - a legacy checkbox form field is `|X|` (checked) or `|_|` (unchecked) → `☒` / `☐`, the
///   glyphs Word's own checkbox content controls show.
enum FlatInlineText {
    static let checkedBox = "\u{2612}", uncheckedBox = "\u{2610}"

    /// The text with Tika's inline marks replaced.
    static func normalize(_ text: String) -> String {
        guard ByteSearch.contains(UInt8(ascii: "|"), in: text) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "|", i + 2 < scalars.count, scalars[i + 2] == "|", scalars[i + 1] == "X" || scalars[i + 1] == "_" {
                out.append(contentsOf: (scalars[i + 1] == "X" ? checkedBox : uncheckedBox).unicodeScalars)
                i += 3
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }
}
