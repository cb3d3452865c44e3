/// Writes the canonical JSON of `spec/document-json.md`: keys in the spec's order, one cell or
/// diagnostic per line, byte-identical output for the same document.
///
/// Layout: the document and each table (and each cell holding nested blocks) are objects with
/// one member per line; blocks, cells and diagnostics are arrays with one item per line; every
/// other object is written on one line (`{"a": 1, "b": 2}`). The text is written straight into
/// one buffer (``JSONBuffer``).
public struct JSONWriter: Sendable {
    public init() {}

    /// The document as JSON text, ending in a newline.
    public func write(_ document: Document) -> String {
        String(decoding: utf8(document), as: UTF8.self)
    }

    /// A close upper estimate of the JSON size of `blocks`: text plus the fixed keys per cell.
    static func estimatedSize(of blocks: [Block]) -> Int {
        var total = 0
        for block in blocks {
            switch block {
            case .heading(let h): total += h.text.utf8.count + 64
            case .paragraph(let p): total += p.text.utf8.count + 48
            case .table(let t):
                total += 256 + t.diagnostics.count * 160
                for cell in t.cells {
                    total += cell.text.utf8.count + 96
                    if let nested = cell.blocks { total += estimatedSize(of: nested) }
                }
            }
        }
        return total
    }

    /// The document as UTF-8 JSON text, ending in a newline (the bytes of ``write(_:)``).
    public func utf8(_ document: Document) -> [UInt8] {
        // Sized up front: growing a buffer of tens of megabytes by doubling would hold two copies.
        var out = JSONBuffer(capacity: Self.estimatedSize(of: document.blocks) + 4_096)
        var o = Members(pretty: 0)
        out.append("{")
        o.key("format", &out); out.quoted(document.format)
        o.key("version", &out); out.int(document.version)
        o.key("source", &out); source(document.source, &out)
        o.key("blocks", &out); blocks(document.blocks, indent: 2, &out)
        o.key("diagnostics", &out); diagnostics(document.diagnostics, indent: 2, &out)
        o.close(&out)
        out.append("\n")
        return out.takeBytes()
    }

    /// One diagnostic as a compact JSON object.
    public func diagnostic(_ d: Diagnostic) -> String {
        var out = JSONBuffer()
        diagnostic(d, &out)
        return out.string
    }

    // MARK: - Objects and arrays

    /// Writes the members of one object: `pretty` objects put each member on its own line,
    /// indented by `indent + 2`; others separate them with `, `.
    private struct Members {
        let indent: Int?
        var count = 0
        init(pretty indent: Int) { self.indent = indent }
        init() { indent = nil }

        /// Writes the separator and `"key": ` (keys are plain ASCII).
        mutating func key(_ key: StaticString, _ out: inout JSONBuffer) {
            if let indent {
                out.append(count == 0 ? "\n" : ",\n")
                out.spaces(indent + 2)
            } else if count > 0 {
                out.append(", ")
            }
            count += 1
            out.append("\"")
            out.append(key)
            out.append("\": ")
        }

        func close(_ out: inout JSONBuffer) {
            if let indent, count > 0 {
                out.append("\n")
                out.spaces(indent)
            }
            out.append("}")
        }
    }

    /// `[]`, or one item per line indented by `indent + 2`, closed at `indent`.
    private func array<T>(_ items: [T], indent: Int, _ out: inout JSONBuffer, _ item: (T, inout JSONBuffer) -> Void) {
        guard !items.isEmpty else { out.append("[]"); return }
        out.append("[")
        for (i, element) in items.enumerated() {
            out.append(i == 0 ? "\n" : ",\n")
            out.spaces(indent + 2)
            item(element, &out)
        }
        out.append("\n")
        out.spaces(indent)
        out.append("]")
    }

    // MARK: - Parts

    private func source(_ s: Source, _ out: inout JSONBuffer) {
        var o = Members()
        out.append("{")
        o.key("name", &out); out.quoted(s.name)
        o.key("kind", &out); out.quoted(s.kind.rawValue)
        if let sha256 = s.sha256 { o.key("sha256", &out); out.quoted(sha256) }
        if let encoding = s.encoding { o.key("encoding", &out); out.quoted(encoding) }
        o.close(&out)
    }

    private func blocks(_ blocks: [Block], indent: Int, _ out: inout JSONBuffer) {
        array(blocks, indent: indent, &out) { b, out in block(b, indent: indent + 2, &out) }
    }

    private func diagnostics(_ list: [Diagnostic], indent: Int, _ out: inout JSONBuffer) {
        array(list, indent: indent, &out) { d, out in diagnostic(d, &out) }
    }

    private func block(_ b: Block, indent: Int, _ out: inout JSONBuffer) {
        switch b {
        case .heading(let h):
            var o = Members()
            out.append("{")
            o.key("type", &out); out.append("\"heading\"")
            o.key("level", &out); out.int(h.level)
            o.key("text", &out); out.quoted(h.text)
            o.close(&out)
        case .paragraph(let p):
            var o = Members()
            out.append("{")
            o.key("type", &out); out.append("\"paragraph\"")
            o.key("text", &out); out.quoted(p.text)
            o.close(&out)
        case .table(let t):
            var o = Members(pretty: indent)
            out.append("{")
            o.key("type", &out); out.append("\"table\"")
            o.key("id", &out); out.quoted(t.id)
            o.key("rows", &out); out.int(t.rows)
            o.key("columns", &out); out.int(t.columns)
            o.key("headerRows", &out); out.int(t.headerRows)
            o.key("headerColumns", &out); out.int(t.headerColumns)
            o.key("cells", &out)
            array(t.cells, indent: indent, &out) { c, out in cell(c, indent: indent + 2, &out) }
            if let layout = t.layout {
                o.key("layout", &out)
                var l = Members()
                out.append("{")
                l.key("template", &out); out.quoted(layout.template)
                l.key("confidence", &out); out.append(raw: JSONText.number(layout.confidence))
                l.close(&out)
            }
            o.key("diagnostics", &out); diagnostics(t.diagnostics, indent: indent, &out)
            o.close(&out)
        }
    }

    private func cell(_ c: Cell, indent: Int, _ out: inout JSONBuffer) {
        guard let nested = c.blocks else {
            // The usual cell, on one line: the same text as through `Members`, written with one
            // append per key (a table of 100 000 rows has over half a million cells).
            out.append("{\"row\": "); out.int(c.row)
            out.append(", \"column\": "); out.int(c.column)
            out.append(", \"rowSpan\": "); out.int(c.rowSpan)
            out.append(", \"colSpan\": "); out.int(c.colSpan)
            out.append(", \"text\": "); out.quoted(c.text)
            if c.isSynthetic { out.append(", \"synthetic\": true") }
            out.append("}")
            return
        }
        var o = Members(pretty: indent)
        out.append("{")
        o.key("row", &out); out.int(c.row)
        o.key("column", &out); out.int(c.column)
        o.key("rowSpan", &out); out.int(c.rowSpan)
        o.key("colSpan", &out); out.int(c.colSpan)
        o.key("text", &out); out.quoted(c.text)
        if c.isSynthetic { o.key("synthetic", &out); out.append("true") }
        o.key("blocks", &out); blocks(nested, indent: indent + 2, &out)
        o.close(&out)
    }

    private func diagnostic(_ d: Diagnostic, _ out: inout JSONBuffer) {
        var o = Members()
        out.append("{")
        o.key("severity", &out); out.quoted(d.severity.rawValue)
        o.key("code", &out); out.quoted(d.code)
        o.key("message", &out); out.quoted(d.message)
        if let cell = d.cell {
            o.key("cell", &out)
            out.append("[")
            for (i, n) in cell.enumerated() {
                if i > 0 { out.append(", ") }
                out.int(n)
            }
            out.append("]")
        }
        if let line = d.line { o.key("line", &out); out.int(line) }
        if let part = d.part { o.key("part", &out); out.quoted(part) }
        o.close(&out)
    }
}
