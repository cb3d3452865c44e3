/// Streams the main document part (`w:document`) into blocks, one pull-parser event at a time;
/// no tree of the part is ever built. Table structure is read in TableParser.swift, run text in
/// RunParser.swift.
///
/// Reading rules (decided here, documented in README):
/// - Wrappers are transparent at every level: content controls (`w:sdt`/`w:sdtContent`),
///   `w:customXml`, `w:smartTag`, `w:ins`/`w:moveTo` (insertions kept), `w:hyperlink`,
///   `w:fldSimple`, `w:dir`/`w:bdo`, ruby base text. Tracked deletions (`w:del`, `w:moveFrom`,
///   rows marked deleted) are dropped.
/// - `mc:AlternateContent`: every `mc:Choice` is skipped and the first `mc:Fallback` read, so
///   content is never read twice.
/// - Paragraph text is trimmed at both ends; paragraphs that are then empty are not emitted (in
///   the body and in cells alike).
/// - Text boxes (`w:txbxContent`) become their own blocks right after the paragraph that anchors them.
/// - An imported chunk (`w:altChunk`) is read in its place by ``altChunks`` (HTML, a Word package, text).
final class BodyParser {
    typealias Visitor = (XMLStreamReader) throws(RegridError) -> Bool

    let xml: XMLStreamReader
    let styles: StyleSheet
    let limits: ReaderLimits
    /// The part being read, for diagnostics.
    let part: String
    /// Reads the parts `w:altChunk` elements import (nil: they are counted and skipped).
    var altChunks: AltChunkReader?
    /// Complex-field state of the story being read.
    var fields = FieldState()
    /// Counts of what was dropped or moved, reported once per document.
    var counts = Counts()
    /// Heading levels by paragraph style id (NUL for none), see ``headingLevel(styleId:directOutlineLevel:)``.
    private var headingLevels: [String: Int?] = [:]
    /// The last style id looked up and its level: paragraphs in a row mostly share their style,
    /// and comparing two ids costs less than hashing one.
    private var lastHeadingLevel: (key: String, level: Int?)?

    struct Counts {
        var deletions = 0
        var deletedRows = 0
        var choicesWithoutFallback = 0
        var unclosedFields = 0
        var emptyTables = 0
        var textBoxes = 0
    }

    init(xml: XMLStreamReader, styles: StyleSheet, limits: ReaderLimits, part: String) {
        self.xml = xml
        self.styles = styles
        self.limits = limits
        self.part = part
    }

    /// Reads the whole part: checks the root is `w:document`, reads `w:body`, numbers the tables.
    /// - Returns: the blocks and the document-level diagnostics.
    /// - Throws: ``RegridError/notWordDocument(_:)`` when the root is something else; parse,
    ///   limit and zip errors.
    func parseDocument() throws(RegridError) -> (blocks: [Block], diagnostics: [Diagnostic]) {
        repeat {
            guard try xml.next() else { throw .notWordDocument("the main part \(part) has no root element") }
        } while xml.kind != .startElement
        guard xml.isWord("document") else {
            throw .notWordDocument("the main part \(part) holds a <\(xml.localName)> element, not a Word <w:document>")
        }
        var diagnostics: [Diagnostic] = []
        var blocks: [Block] = []
        var bodyRead = false
        try xml.forEachChild { x throws(RegridError) in
            guard x.isWord("body"), !bodyRead else { return false }
            blocks = try self.parseBlocks(nesting: 0).blocks
            bodyRead = true
            return true
        }
        while try xml.next() {}   // the epilogue: comments or processing instructions at most
        if !bodyRead {
            diagnostics.append(Diagnostic(.warning, "no-body", "\(part) has no w:body; the document is empty", part: part))
        }
        TableNumbering.number(&blocks)
        diagnostics += countDiagnostics()
        return (blocks, diagnostics)
    }

    // MARK: - Traversal

    /// Visits the children of the current element, entering wrappers transparently (see the type's notes).
    func walk(_ visit: Visitor) throws(RegridError) {
        try xml.forEachChild { x throws(RegridError) in
            if try visit(x) { return true }
            return try self.enterWrapper(visit)
        }
    }

    private static let transparent: Set<String> = [
        "sdt", "sdtContent", "customXml", "smartTag", "ins", "moveTo", "hyperlink", "fldSimple",
        "dir", "bdo", "ruby", "rubyBase",
    ]
    private static let dropped: Set<String> = ["del", "moveFrom"]

    /// Handles the element the reader sits on when it is a wrapper; returns false for anything else (to be skipped).
    private func enterWrapper(_ visit: Visitor) throws(RegridError) -> Bool {
        switch xml.namespace {
        case .wordprocessingML:
            if BodyParser.transparent.contains(xml.localName) {
                try walk(visit)
                return true
            }
            if BodyParser.dropped.contains(xml.localName) { counts.deletions += 1 }
            return false
        case .markupCompatibility where xml.localName == "AlternateContent":
            var tookFallback = false
            try xml.forEachChild { x throws(RegridError) in
                guard x.namespace == .markupCompatibility, x.localName == "Fallback", !tookFallback else { return false }
                tookFallback = true
                try self.walk(visit)
                return true
            }
            if !tookFallback { counts.choicesWithoutFallback += 1 }
            return true
        default:
            return false
        }
    }

    // MARK: - Blocks

    /// Reads the block content of the current element (body, cell, text box): paragraphs and tables.
    /// - Parameter extra: sees each child first (a cell's `w:tcPr`); returns true when it consumed it.
    func parseBlocks(nesting: Int, extra: Visitor? = nil) throws(RegridError) -> BlockList {
        var list = BlockList()
        try walk { x throws(RegridError) in
            if let extra, try extra(x) { return true }
            guard x.namespace == .wordprocessingML else { return false }
            switch x.localName {
            case "p": try self.parseParagraph(into: &list, nesting: nesting)
            case "tbl": try self.parseTable(into: &list, nesting: nesting + 1)
            case "altChunk": list.append(self.importedChunk(id: x.attribute("id", in: .relationships)))
            default: return false
            }
            return true
        }
        return list
    }

    /// The blocks of the chunk a `w:altChunk` imports, as content of the container it sits in.
    private func importedChunk(id: String?) -> BlockList {
        guard let altChunks else { return BlockList() }
        let blocks = altChunks.blocks(relationship: id)
        return BlockList(blocks: blocks, lines: BlockList.lines(of: blocks),
                         hasTable: blocks.contains { if case .table = $0 { true } else { false } })
    }

    /// Reads one `w:p`: its style, its runs' visible text, and any text boxes anchored in it.
    private func parseParagraph(into list: inout BlockList, nesting: Int) throws(RegridError) {
        var text = ""
        var styleId: String?
        var outline: Int?
        var attached = BlockList()
        try walk { x throws(RegridError) in
            guard x.namespace == .wordprocessingML else { return false }
            switch x.localName {
            case "pPr":
                try x.forEachChild { p throws(RegridError) in
                    guard p.namespace == .wordprocessingML else { return false }
                    switch p.localName {
                    case "pStyle": styleId = p.wordAttribute("val")
                    case "outlineLvl": outline = p.wordInteger()
                    default: return false
                    }
                    return true
                }
            case "r":
                try self.parseRun(into: &text, attached: &attached, nesting: nesting)
            default:
                return false
            }
            return true
        }
        let trimmed = text.trimmedForCell
        if !trimmed.isEmpty {
            if let level = headingLevel(styleId: styleId, directOutlineLevel: outline) {
                list.blocks.append(.heading(Heading(level: level, text: trimmed)))
            } else {
                list.blocks.append(.paragraph(Paragraph(text: trimmed)))
            }
            list.lines.append(trimmed)
        }
        list.append(attached)
    }

    /// ``StyleSheet/headingLevel(styleId:directOutlineLevel:)``, each style's answer worked out once
    /// per document (a paragraph's style chain and name rules cost more than its text).
    func headingLevel(styleId: String?, directOutlineLevel: Int?) -> Int? {
        if let directOutlineLevel { return StyleSheet.level(outline: directOutlineLevel) }
        let key = styleId ?? "\u{0}"   // no style id holds NUL (XML cannot)
        if let last = lastHeadingLevel, last.key == key { return last.level }
        let level: Int?
        if let known = headingLevels[key] {
            level = known
        } else {
            level = styles.headingLevel(styleId: styleId, directOutlineLevel: nil)
            headingLevels[key] = level
        }
        lastHeadingLevel = (key, level)
        return level
    }

    /// Searches a drawing, picture or embedded object for text boxes (skipping `mc:Choice`, so a
    /// box that has both a DrawingML and a VML copy is read once).
    func findTextBoxes(into list: inout BlockList, nesting: Int) throws(RegridError) {
        try xml.forEachChild { x throws(RegridError) in
            if x.namespace == .markupCompatibility && x.localName == "Choice" { return false }
            if x.isWord("txbxContent") {
                self.counts.textBoxes += 1
                list.append(try self.parseBlocks(nesting: nesting))
            } else {
                try self.findTextBoxes(into: &list, nesting: nesting)
            }
            return true
        }
    }

    // MARK: - Diagnostics

    private func countDiagnostics() -> [Diagnostic] {
        var out: [Diagnostic] = []
        counts.unclosedFields += fields.reset()
        func add(_ severity: Diagnostic.Severity, _ code: String, _ n: Int, _ message: String) {
            if n > 0 { out.append(Diagnostic(severity, code, "\(n) \(message)", part: part)) }
        }
        add(.info, "tracked-deletion-dropped", counts.deletions,
            "tracked deletion(s) (w:del, w:moveFrom) dropped; tracked insertions are kept")
        add(.info, "deleted-row-dropped", counts.deletedRows, "table row(s) marked as deleted (tracked changes) dropped")
        add(.warning, "alternate-content-no-fallback", counts.choicesWithoutFallback,
            "mc:AlternateContent element(s) without mc:Fallback; their mc:Choice content was skipped")
        add(.warning, "field-unbalanced", counts.unclosedFields + fields.unbalanced,
            "complex-field mark(s) without a matching begin/end; text visibility reset at the cell or document end")
        add(.info, "empty-table-dropped", counts.emptyTables, "table(s) without rows dropped")
        add(.info, "text-box-inlined", counts.textBoxes,
            "text box(es) read; their paragraphs follow the paragraph that anchors them")
        return out
    }
}
