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
                let type = x.wordAttribute("fldCharType") ?? ""
                if type == "begin", let checked = try BodyParser.formCheckBox(x) {
                    if visible { text += checked ? BodyParser.checkedBox : BodyParser.uncheckedBox }
                }
                self.fields.apply(type)
            case "drawing", "pict", "object":
                try self.findTextBoxes(into: &attached, nesting: nesting)
            default:
                return false   // w:rPr, w:instrText, w:delText, footnote references, …
            }
            return true
        }
    }

    /// How a checked / unchecked form-field checkbox reads in text (the glyphs Word's own
    /// checkbox content controls use).
    static let checkedBox = "\u{2612}", uncheckedBox = "\u{2610}"

    /// The state of the legacy checkbox form field declared in the current `w:fldChar`'s
    /// `w:ffData/w:checkBox` (its `w:checked` when present, else its `w:default`), or nil when the
    /// field is not a checkbox. Consumes the element's children.
    static func formCheckBox(_ fldChar: XMLStreamReader) throws(RegridError) -> Bool? {
        var state: Bool?
        try fldChar.forEachChild { ff throws(RegridError) in
            guard ff.isWord("ffData") else { return false }
            try ff.forEachChild { box throws(RegridError) in
                guard box.isWord("checkBox"), state == nil else { return false }
                var checked: Bool?
                var byDefault = false
                try box.forEachChild { p throws(RegridError) in
                    if p.isWord("checked") { checked = p.wordOnOff() } else if p.isWord("default") { byDefault = p.wordOnOff() }
                    return false
                }
                state = checked ?? byDefault
                return true
            }
            return true
        }
        return state
    }

    /// The character of a `w:sym`, from its hex `w:char`. Codes in U+F000–U+F0FF are glyph
    /// positions of a symbol font (Symbol, Wingdings) with no portable meaning: dropped.
    static func symbol(_ hex: String?) -> Unicode.Scalar? {
        guard let hex, let code = UInt32(hex, radix: 16), !(0xF000...0xF0FF).contains(code),
              code >= 0x20 else { return nil }
        return Unicode.Scalar(code)
    }
}
