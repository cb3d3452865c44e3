/// The paragraph styles of `word/styles.xml`, reduced to what decides headings: each style's name,
/// the style it is based on and its outline level.
struct StyleSheet {
    struct Style: Equatable {
        var name: String?
        var basedOn: String?
        /// `w:pPr/w:outlineLvl` of the style itself (0–8 = heading levels 1–9, 9 = body text).
        var outlineLevel: Int?
    }

    /// Paragraph styles by style id.
    var styles: [String: Style] = [:]
    /// The paragraph style used where a paragraph names none (`w:default="1"`).
    var defaultStyle: String?

    /// Longest `basedOn` chain followed (cycles are cut as well).
    static let maxChain = 32

    init(styles: [String: Style] = [:], defaultStyle: String? = nil) {
        self.styles = styles
        self.defaultStyle = defaultStyle
    }

    /// Parses a styles part streamed by `xml`.
    init(reading xml: XMLStreamReader) throws(RegridError) {
        while try xml.next() {
            guard xml.kind == .startElement else { continue }
            if xml.depth == 0 {
                guard xml.isWord("styles") else { return }
                continue
            }
            guard xml.depth == 1, xml.isWord("style") else { continue }
            let type = xml.wordAttribute("type") ?? "paragraph"
            let id = xml.wordAttribute("styleId")
            let isDefault = xml.wordAttribute("default").map { $0 == "1" || $0 == "true" || $0 == "on" } ?? false
            var style = Style()
            try xml.forEachChild { x throws(RegridError) in
                guard x.namespace == .wordprocessingML else { return false }
                switch x.localName {
                case "name": style.name = x.wordAttribute("val")
                case "basedOn": style.basedOn = x.wordAttribute("val")
                case "pPr":
                    try x.forEachChild { p throws(RegridError) in
                        if p.isWord("outlineLvl") { style.outlineLevel = p.wordInteger() }
                        return false
                    }
                default: return false
                }
                return true
            }
            guard type == "paragraph", let id else { continue }
            if styles[id] == nil { styles[id] = style }
            if isDefault && defaultStyle == nil { defaultStyle = id }
        }
    }

    /// The heading level (1…9) of a paragraph, or nil for body text.
    ///
    /// Direct formatting wins: an `outlineLvl` in the paragraph's own `w:pPr` decides alone (9 =
    /// body). Otherwise the style chain is followed through `basedOn` (starting from the default
    /// paragraph style when the paragraph names none); the first style that has an `outlineLvl` or
    /// a heading name ("heading N", "Title", "标题 N", "标题N", "标题") decides. A style id that
    /// styles.xml does not define is matched by the same name rules (e.g. `Heading2`).
    func headingLevel(styleId: String?, directOutlineLevel: Int?) -> Int? {
        if let level = directOutlineLevel { return StyleSheet.level(outline: level) }
        var current = styleId ?? defaultStyle
        var seen: Set<String> = []
        while let id = current, seen.count < StyleSheet.maxChain, seen.insert(id).inserted {
            guard let style = styles[id] else { return StyleSheet.level(styleName: id) }
            if let outline = style.outlineLevel { return StyleSheet.level(outline: outline) }
            if let name = style.name, let level = StyleSheet.level(styleName: name) { return level }
            current = style.basedOn
        }
        return nil
    }

    /// Outline level 0–8 → heading 1–9; 9 and anything else → body text.
    static func level(outline: Int) -> Int? {
        (0...8).contains(outline) ? outline + 1 : nil
    }

    /// The heading level a style name implies: "heading 1"/"Heading1" → 1, "Title" → 1,
    /// "标题 2"/"标题2" → 2, "标题" (the Chinese name of Title) → 1.
    static func level(styleName: String) -> Int? {
        let compact = String(styleName.lowercased().filter { !$0.isWhitespace })
        if compact == "title" || compact == "标题" { return 1 }
        for prefix in ["heading", "标题"] where compact.hasPrefix(prefix) {
            let digits = compact.dropFirst(prefix.count)
            if digits.count == 1, let n = Int(digits), (1...9).contains(n) { return n }
        }
        return nil
    }
}
