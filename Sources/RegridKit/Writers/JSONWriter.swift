/// Writes the canonical JSON of `spec/document-json.md`: keys in the spec's order, one cell or
/// diagnostic per line, byte-identical output for the same document.
public struct JSONWriter: Sendable {
    public init() {}

    /// The document as JSON text, ending in a newline.
    public func write(_ document: Document) -> String {
        var o = JSONObject()
        o.string("format", document.format)
        o.int("version", document.version)
        o.raw("source", source(document.source))
        o.raw("blocks", blocks(document.blocks, indent: 2))
        o.raw("diagnostics", jsonArray(document.diagnostics.map(diagnostic), indent: 2))
        return o.pretty(indent: 0) + "\n"
    }

    private func source(_ s: Source) -> String {
        var o = JSONObject()
        o.string("name", s.name)
        o.string("kind", s.kind.rawValue)
        o.string("sha256", s.sha256)
        o.string("encoding", s.encoding)
        return o.compact()
    }

    private func blocks(_ blocks: [Block], indent: Int) -> String {
        jsonArray(blocks.map { block($0, indent: indent + 2) }, indent: indent)
    }

    private func block(_ b: Block, indent: Int) -> String {
        var o = JSONObject()
        switch b {
        case .heading(let h):
            o.string("type", "heading")
            o.int("level", h.level)
            o.string("text", h.text)
            return o.compact()
        case .paragraph(let p):
            o.string("type", "paragraph")
            o.string("text", p.text)
            return o.compact()
        case .table(let t):
            o.string("type", "table")
            o.string("id", t.id)
            o.int("rows", t.rows)
            o.int("columns", t.columns)
            o.int("headerRows", t.headerRows)
            o.int("headerColumns", t.headerColumns)
            o.raw("cells", jsonArray(t.cells.map { cell($0, indent: indent + 2) }, indent: indent))
            if let layout = t.layout {
                var l = JSONObject()
                l.string("template", layout.template)
                l.number("confidence", layout.confidence)
                o.raw("layout", l.compact())
            }
            o.raw("diagnostics", jsonArray(t.diagnostics.map(diagnostic), indent: indent))
            return o.pretty(indent: indent)
        }
    }

    private func cell(_ c: Cell, indent: Int) -> String {
        var o = JSONObject()
        o.int("row", c.row)
        o.int("column", c.column)
        o.int("rowSpan", c.rowSpan)
        o.int("colSpan", c.colSpan)
        o.string("text", c.text)
        if c.isSynthetic { o.bool("synthetic", true) }
        if let nested = c.blocks {
            o.raw("blocks", blocks(nested, indent: indent + 2))
            return o.pretty(indent: indent)
        }
        return o.compact()
    }

    /// One diagnostic as a compact JSON object.
    public func diagnostic(_ d: Diagnostic) -> String {
        var o = JSONObject()
        o.string("severity", d.severity.rawValue)
        o.string("code", d.code)
        o.string("message", d.message)
        if let cell = d.cell { o.raw("cell", "[" + cell.map(String.init).joined(separator: ", ") + "]") }
        o.int("line", d.line)
        o.string("part", d.part)
        return o.compact()
    }
}
