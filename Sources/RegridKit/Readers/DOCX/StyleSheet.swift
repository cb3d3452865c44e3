/// The paragraph styles of `word/styles.xml`, reduced to what decides headings: each style's name,
/// the style it is based on and its outline level.
struct StyleSheet: Equatable {
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

    /// Parses a styles part supplied by `feed` in one SAX pass that builds only the paragraph
    /// styles: everything else (latent styles, document defaults, run and table properties, the
    /// other style types) costs libxml2's parsing and nothing more.
    /// - Throws: what ``XMLSAXParser/parse(part:limits:handler:feed:)`` throws.
    init(part: String, limits: ReaderLimits, feed: XMLStreamReader.Feed) throws(RegridError) {
        let builder = StyleSheetBuilder()
        try XMLSAXParser.parse(part: part, limits: limits, handler: builder, feed: feed)
        self = builder.sheet
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

/// Collects the paragraph styles of a `w:styles` root: each `w:style` child's type, id and
/// default flag, its `w:name`, `w:basedOn` and `w:pPr/w:outlineLvl` (the last of each wins, as
/// Word reads them); the first definition of an id and the first default style are kept.
private final class StyleSheetBuilder: XMLSAXHandler {
    var sheet = StyleSheet()
    private var current: (id: String?, isParagraph: Bool, isDefault: Bool, style: StyleSheet.Style)?
    private var inParagraphProperties = false

    func startElement(_ tag: XMLStartTag) -> Bool {
        switch tag.depth {
        case 0:
            return tag.isWord("styles")
        case 1:
            guard tag.isWord("style") else { return true }
            let isDefault = tag.wordAttribute("default").map { $0 == "1" || $0 == "true" || $0 == "on" } ?? false
            current = (tag.wordAttribute("styleId"), (tag.wordAttribute("type") ?? "paragraph") == "paragraph",
                       isDefault, StyleSheet.Style())
        case 2:
            guard current != nil else { return true }
            if tag.isWord("name") {
                current?.style.name = tag.wordAttribute("val")
            } else if tag.isWord("basedOn") {
                current?.style.basedOn = tag.wordAttribute("val")
            } else if tag.isWord("pPr") {
                inParagraphProperties = true
            }
        case 3:
            if inParagraphProperties && tag.isWord("outlineLvl") {
                current?.style.outlineLevel = tag.wordInteger()
            }
        default:
            break
        }
        return true
    }

    func endElement(depth: Int) {
        if depth == 2 {
            inParagraphProperties = false
        } else if depth == 1, let style = current {
            current = nil
            guard style.isParagraph, let id = style.id else { return }
            if sheet.styles[id] == nil { sheet.styles[id] = style.style }
            if style.isDefault && sheet.defaultStyle == nil { sheet.defaultStyle = id }
        }
    }
}
