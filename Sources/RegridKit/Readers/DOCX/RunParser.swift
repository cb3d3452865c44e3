/// The text of one run (`w:r`): `w:t` text, tabs, breaks, hyphens and symbols, with complex-field
/// instructions hidden and field results shown.
extension BodyParser {
    /// Appends the visible text of the current `w:r` to `text`; text boxes met in its drawings go to `attached`.
    func parseRun(into text: inout String, attached: inout BlockList, nesting: Int) throws(RegridError) {
        try walk { x throws(RegridError) in
            guard x.namespace == .wordprocessingML else { return false }
            let visible = self.fields.isVisible
            switch x.localName {
            case "t":
                let value = try x.collectText()
                if visible { text += value }
            case "tab", "ptab":
                if visible { text += "\t" }
            case "br", "cr":
                if visible { text += "\n" }
            case "noBreakHyphen":
                if visible { text += "-" }
            case "sym":
                if visible, let symbol = BodyParser.symbol(x.wordAttribute("char")) { text.unicodeScalars.append(symbol) }
            case "fldChar":
                self.fields.apply(x.wordAttribute("fldCharType") ?? "")
            case "drawing", "pict", "object":
                try self.findTextBoxes(into: &attached, nesting: nesting)
            default:
                return false   // w:rPr, w:instrText, w:delText, footnote references, …
            }
            return true
        }
    }

    /// The character of a `w:sym`, from its hex `w:char`. Codes in U+F000–U+F0FF are glyph
    /// positions of a symbol font (Symbol, Wingdings) with no portable meaning: dropped.
    static func symbol(_ hex: String?) -> Unicode.Scalar? {
        guard let hex, let code = UInt32(hex, radix: 16), !(0xF000...0xF0FF).contains(code),
              code >= 0x20 else { return nil }
        return Unicode.Scalar(code)
    }
}
