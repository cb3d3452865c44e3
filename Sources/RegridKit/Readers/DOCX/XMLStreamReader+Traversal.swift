/// Tree-walking helpers over ``XMLStreamReader`` for the OOXML parsers: visiting the children of
/// the current element, reading `w:val`-style attributes and collecting text. Pure Swift; the
/// libxml2 calls stay in XMLStreamReader.swift.
extension XMLStreamReader {
    /// Visits each child element of the current start element, in order. `visit` is called with the
    /// reader on the child's start tag; it returns true when it consumed the child (the reader is
    /// left on the child's end tag, or on the child itself when it only read attributes) and false
    /// to have the child skipped. Afterwards the reader sits on the parent's end tag.
    func forEachChild(_ visit: (XMLStreamReader) throws(RegridError) -> Bool) throws(RegridError) {
        guard kind == .startElement, !isEmptyElement else { return }
        let parentDepth = depth
        while try next() {
            if kind == .endElement && depth == parentDepth { return }
            guard kind == .startElement, depth == parentDepth + 1 else { continue }
            let childDepth = depth
            if try !visit(self) {
                try skipElement()
            } else if kind == .startElement && depth == childDepth && !isEmptyElement {
                try skipElement()   // the visitor only looked at the attributes
            }
        }
    }

    /// The text content of the current element (its text nodes, at any depth), consuming it.
    func collectText() throws(RegridError) -> String {
        guard kind == .startElement, !isEmptyElement else { return "" }
        let start = depth
        var out = ""
        while try next() {
            if kind == .endElement && depth == start { break }
            if kind == .text { out += text }
        }
        return out
    }

    /// True when the current element is `w:name` (Transitional or Strict namespace).
    func isWord(_ name: String) -> Bool {
        namespace == .wordprocessingML && localName == name
    }

    /// The WordprocessingML attribute `name` of the current element (`w:val`, …); an unqualified
    /// attribute of the same name is accepted too, as some producers write them.
    func wordAttribute(_ name: String) -> String? {
        var qualified: String?
        var unqualified: String?
        attributes(named: name) { namespace, value in
            if namespace == .wordprocessingML { qualified = value(); return false }
            if namespace == .none { unqualified = value() }
            return true
        }
        return qualified ?? unqualified
    }

    /// `w:val` read as an integer, or nil when absent or not a number.
    func wordInteger(_ name: String = "val") -> Int? {
        guard let raw = wordAttribute(name) else { return nil }
        return Int(raw.trimmed(where: { $0 == " " || $0 == "\t" }))
    }

    /// `w:val` read as an OOXML on/off value: absent means on.
    func wordOnOff() -> Bool {
        guard let raw = wordAttribute("val") else { return true }
        switch raw.lowercased() {
        case "false", "0", "off", "none": return false
        default: return true
        }
    }
}

extension String {
    /// The string without leading and trailing characters matching `predicate`.
    func trimmed(where predicate: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !predicate($0) }),
              let last = lastIndex(where: { !predicate($0) }) else { return "" }
        return String(self[first...last])
    }

    /// The string without leading and trailing Unicode whitespace (spaces, tabs, line breaks,
    /// no-break and ideographic spaces).
    var trimmedForCell: String {
        // The usual paragraph needs no trimming, which is decided here from its first and last
        // scalars without breaking it into characters: a character's whitespace-ness is that of
        // its first scalar, and the last scalars accepted here always begin the last character
        // (nothing joins them to what precedes but a Prepend mark, which is not whitespace).
        // The scalars `beginsItsCharacter` accepts are none of them whitespace, so the usual
        // first scalar needs no property lookup either.
        if let first = unicodeScalars.first, let last = unicodeScalars.last,
           String.beginsItsCharacter(first) || !first.properties.isWhitespace, String.beginsItsCharacter(last) {
            return self
        }
        return trimmed(where: { $0.isWhitespace })
    }

    /// True for printable ASCII, CJK ideographs, CJK punctuation (、 to 】) and full-width forms:
    /// non-whitespace scalars that are never the extending part of a longer character.
    private static func beginsItsCharacter(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x21...0x7E, 0x3001...0x3011, 0x4E00...0x9FFF, 0xFF01...0xFF5E: return true
        default: return false
        }
    }
}
