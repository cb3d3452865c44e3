/// Tables: `w:tbl` → ``RawTable`` → ``GridAssembler``. Merge semantics live in the assembler; this
/// file only reads what the XML states: `w:tblGrid`, `w:gridSpan`, `w:vMerge`, `w:hMerge`,
/// `w:gridBefore`/`w:gridAfter`, `w:tblHeader`, and each cell's content (nested tables included).
extension BodyParser {
    /// Reads the current `w:tbl` and appends it (with its text lines) to `list`.
    /// - Parameter nesting: 1 for a body table, 2 for a table in one of its cells, …
    /// - Throws: ``RegridError/limitExceeded(what:limit:)`` beyond ``ReaderLimits/maxTableNesting``
    ///   or the assembler's grid limits.
    func parseTable(into list: inout BlockList, nesting: Int) throws(RegridError) {
        guard nesting <= limits.maxTableNesting else {
            throw .limitExceeded(what: "nested tables in \(part)", limit: limits.maxTableNesting)
        }
        var raw = RawTable()
        var lines: [String] = []
        try walk { x throws(RegridError) in
            guard x.namespace == .wordprocessingML else { return false }
            switch x.localName {
            case "tblGrid":
                var columns = 0
                try x.forEachChild { g throws(RegridError) in
                    if g.isWord("gridCol") { columns += 1 }
                    return false
                }
                raw.declaredColumns = columns
            case "tr":
                guard raw.rows.count < self.limits.maxTableRows else {
                    throw .limitExceeded(what: "table rows", limit: self.limits.maxTableRows)
                }
                if let row = try self.parseRow(lines: &lines, nesting: nesting) { raw.rows.append(row) }
            default:
                return false
            }
            return true
        }
        guard !raw.rows.isEmpty else {
            counts.emptyTables += 1
            return
        }
        let table = try GridAssembler(limits: limits).assemble(raw, id: "")
        list.blocks.append(.table(table))
        list.lines.append(contentsOf: lines)
        list.hasTable = true
    }

    /// Reads the current `w:tr`; nil when the row is a tracked deletion.
    private func parseRow(lines: inout [String], nesting: Int) throws(RegridError) -> RawRow? {
        var row = RawRow()
        var rowLines: [String] = []
        var deleted = false
        try walk { x throws(RegridError) in
            guard x.namespace == .wordprocessingML else { return false }
            switch x.localName {
            case "trPr":
                try x.forEachChild { p throws(RegridError) in
                    guard p.namespace == .wordprocessingML else { return false }
                    switch p.localName {
                    case "gridBefore": row.gridBefore = p.wordInteger() ?? 0
                    case "gridAfter": row.gridAfter = p.wordInteger() ?? 0
                    case "tblHeader": row.isHeader = p.wordOnOff()
                    case "del": deleted = true
                    default: return false
                    }
                    return true
                }
            case "tc":
                row.cells.append(try self.parseCell(lines: &rowLines, nesting: nesting))
            default:
                return false
            }
            return true
        }
        if deleted {
            counts.deletedRows += 1
            return nil
        }
        lines.append(contentsOf: rowLines)
        return row
    }

    /// Reads the current `w:tc`: its merge properties and its content. The cell's text is the
    /// trimmed text of every non-empty paragraph in it, nested tables and text boxes included, in
    /// document order, joined by `"\n"`; when it holds a nested table its blocks are kept too.
    private func parseCell(lines: inout [String], nesting: Int) throws(RegridError) -> RawCell {
        var cell = RawCell(text: "")
        let outerFields = fields
        fields = FieldState()
        let content = try parseBlocks(nesting: nesting) { x throws(RegridError) in
            guard x.isWord("tcPr") else { return false }
            try x.forEachChild { p throws(RegridError) in
                guard p.namespace == .wordprocessingML else { return false }
                switch p.localName {
                case "gridSpan": cell.colSpan = p.wordInteger() ?? 1
                case "vMerge": cell.vMerge = BodyParser.mergeMark(p.wordAttribute("val"))
                case "hMerge": cell.hMerge = BodyParser.mergeMark(p.wordAttribute("val"))
                default: return false
                }
                return true
            }
            return true
        }
        counts.unclosedFields += fields.reset() + fields.unbalanced
        fields = outerFields
        cell.text = content.lines.joined(separator: "\n")
        if content.hasTable { cell.blocks = content.blocks }
        lines.append(contentsOf: content.lines)
        return cell
    }

    /// `w:vMerge`/`w:hMerge` value: `restart` starts a merge; `continue` or no value continues one.
    static func mergeMark(_ value: String?) -> MergeMark {
        value?.lowercased() == "restart" ? .restart : .continue
    }
}
