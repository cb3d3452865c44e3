/// HTML tables: `<table>` → ``RawTable`` → the one ``GridAssembler``, as for DOCX.
///
/// HTML states spans by the cell that starts them (`rowspan`, `colspan`), DOCX by a continuation
/// cell in every row the merge covers. Here the HTML table model (rows in their row groups,
/// slots taken by cells from above skipped) is turned into the DOCX form: a `vMerge` continuation
/// cell is put wherever a rowspan from above covers the row, so that the assembler decides the
/// merges as it does for Word. Malformed spans follow the HTML rules: `colspan` 0 or junk is 1,
/// `colspan` over 1000 is 1000, `rowspan` 0 runs to the end of its row group, a `rowspan` past
/// its row group stops there, a cell whose span would run into a cell from above is narrowed.
///
/// A *layout table* — `role="presentation"`, one column wide around a nested table, or holding
/// the page (a cell with a nested table together with a heading or three or more other blocks) — is not data: its
/// cells' content is read as page flow, and data tables nested in it become tables of the page.
extension HTMLFlowBuilder {
    /// One row as read, before rowspans are resolved.
    private struct HTMLRow {
        var cells: [(element: HTMLElement, content: BlockList)]
        var inHead: Bool
        var groupRowsLeft: Int
    }

    /// Reads `table`: a data table as one table block, a layout table as its content.
    /// - Parameter nesting: 1 for a table of the page, 2 for one in a cell of it, …
    /// - Throws: ``RegridError/limitExceeded(what:limit:)`` for nesting past
    ///   ``ReaderLimits/maxTableNesting``, rows past ``ReaderLimits/maxTableRows``, a grid past
    ///   ``ReaderLimits/maxGridSlots`` or ``ReaderLimits/maxColumns``.
    mutating func readTable(_ table: HTMLElement, nesting: Int) throws(RegridError) -> BlockList {
        guard nesting <= limits.maxTableNesting else {
            throw .limitExceeded(what: "nested HTML tables", limit: limits.maxTableNesting)
        }
        var before = BlockList()
        var rows: [HTMLRow] = []
        try collectRows(of: table, into: &rows, before: &before, nesting: nesting)

        var result = before
        guard !rows.isEmpty else { return result }
        if isLayout(table, rows: rows) {
            layoutTables += 1
            for row in rows { for cell in row.cells { result.append(cell.content) } }
            return result
        }
        let (raw, spanDiagnostics) = try rawTable(rows)
        var assembled = try GridAssembler(limits: limits).assemble(raw, id: "")
        assembled.diagnostics = spanDiagnostics + assembled.diagnostics
        result.blocks.append(.table(assembled))
        for row in rows { for cell in row.cells { result.lines.append(contentsOf: cell.content.lines) } }
        result.hasTable = true
        return result
    }

    /// Rows in document order, grouped (`thead`, `tbody`, `tfoot`, or runs of bare `tr`), each
    /// cell's content read. Captions and stray content between rows go to `before` (a browser
    /// shows them above the table).
    private mutating func collectRows(of table: HTMLElement, into rows: inout [HTMLRow], before: inout BlockList,
                                      nesting: Int) throws(RegridError) {
        var group: [HTMLElement] = []
        var groupIsHead = false
        func flush(_ rows: inout [HTMLRow], _ builder: inout HTMLFlowBuilder) throws(RegridError) {
            var read: [HTMLRow] = []
            for tr in group {
                guard rows.count + read.count < builder.limits.maxTableRows else {
                    throw .limitExceeded(what: "HTML table rows", limit: builder.limits.maxTableRows)
                }
                if tr.isHidden { builder.hiddenElements += 1; continue }
                var cells: [(element: HTMLElement, content: BlockList)] = []
                for case .element(let cell) in tr.children where cell.name == "td" || cell.name == "th" {
                    if cell.isHidden { builder.hiddenElements += 1; continue }
                    cells.append((cell, try builder.container(cell, nesting: nesting)))
                }
                // Word's spacer row (`<tr height=0>` of empty cells, for misaligned columns).
                if tr.attribute("height") == "0", cells.allSatisfy({ $0.content.lines.isEmpty }) { continue }
                read.append(HTMLRow(cells: cells, inHead: groupIsHead, groupRowsLeft: 0))
            }
            for i in read.indices { read[i].groupRowsLeft = read.count - i }
            rows += read
            group.removeAll()
        }
        func rowsOf(_ element: HTMLElement) -> [HTMLElement] {
            var found: [HTMLElement] = []
            for case .element(let child) in element.children {
                if child.name == "tr" { found.append(child) }
                else if child.name != "table", !HTMLFlowBuilder.skipped.contains(child.name) { found += rowsOf(child) }
            }
            return found
        }
        var bareCells: [HTMLNode] = []
        for child in table.children {
            guard case .element(let element) = child else { continue }
            if element.isHidden { hiddenElements += 1; continue }
            switch element.name {
            case "tr":
                if groupIsHead { try flush(&rows, &self); groupIsHead = false }
                group.append(element)
            case "thead", "tbody", "tfoot":
                try flush(&rows, &self)
                groupIsHead = element.name == "thead"
                group = rowsOf(element)
                try flush(&rows, &self)
                groupIsHead = false
            case "td", "th":
                bareCells.append(child)   // cells with no row: one row of their own
            case "caption":
                before.append(try container(element, nesting: nesting))
            case "colgroup", "col":
                break
            default:
                if HTMLFlowBuilder.skipped.contains(element.name) { continue }
                let nestedRows = rowsOf(element)   // rows wrapped in a <form> or the like
                if nestedRows.isEmpty {
                    before.append(try container(element, nesting: nesting))
                } else {
                    group += nestedRows
                }
            }
        }
        if !bareCells.isEmpty {
            let row = HTMLElement(name: "tr", attributes: [])
            row.children = bareCells
            group.append(row)
        }
        try flush(&rows, &self)
    }

    /// Layout, not data: `role="presentation"`/`"none"`, or a table wrapping other tables — one
    /// column wide with a nested table in it, or with a cell holding a nested table together with
    /// a heading or three or more other blocks (the page's content). A one-column table of text
    /// alone stays a table, as the DOCX reader keeps Word's boxed paragraphs.
    private func isLayout(_ table: HTMLElement, rows: [HTMLRow]) -> Bool {
        if let role = table.attribute("role")?.lowercased(), role == "presentation" || role == "none" { return true }
        let oneColumn = rows.allSatisfy { row in
            row.cells.count <= 1 && row.cells.allSatisfy { Self.parseSpan($0.element.attribute("colspan"), fallback: 1) <= 1 }
        }
        return rows.contains { row in
            row.cells.contains { cell in
                guard cell.content.hasTable else { return false }
                if oneColumn { return true }
                var headings = 0, others = 0
                for block in cell.content.blocks {
                    switch block {
                    case .heading: headings += 1
                    case .paragraph: others += 1
                    case .table: break
                    }
                }
                return headings > 0 || others >= 3
            }
        }
    }

    /// A vertical merge from a row above: the column it starts at, its width, the rows it still covers.
    private struct OpenSpan {
        var start: Int
        var width: Int
        var rowsLeft: Int
    }

    /// The rows with a continuation cell wherever a rowspan from above covers them. Open spans are
    /// kept sorted by column and walked once per row, so the work is linear in the grid's slots.
    private func rawTable(_ rows: [HTMLRow]) throws(RegridError) -> (RawTable, [Diagnostic]) {
        var raw = RawTable()
        var open: [OpenSpan] = []
        var widest = 0
        var narrowed = 0, clamped = 0, gaps = 0
        for (r, row) in rows.enumerated() {
            var cells: [RawCell] = []
            var started: [OpenSpan] = []
            var kept: [OpenSpan] = []
            var p = 0
            var col = 0
            var allHeaderCells = !row.cells.isEmpty
            func cover(_ span: OpenSpan) {
                if span.start > col { cells.append(RawCell(text: "", colSpan: span.start - col)); gaps += 1 }
                cells.append(RawCell(text: "", colSpan: span.width, vMerge: .continue))
                col = span.start + span.width
                if span.rowsLeft > 1 { kept.append(OpenSpan(start: span.start, width: span.width, rowsLeft: span.rowsLeft - 1)) }
            }
            for (element, content) in row.cells {
                while p < open.count && open[p].start <= col {
                    if open[p].start == col { cover(open[p]) }   // one that starts before col was overrun: it ends
                    p += 1
                }
                var colSpan = Self.parseSpan(element.attribute("colspan"), fallback: 1)
                if colSpan > 1000 { colSpan = 1000; clamped += 1 }
                if p < open.count && open[p].start < col + colSpan {
                    colSpan = open[p].start - col
                    narrowed += 1
                }
                var rowSpan = Self.parseSpan(element.attribute("rowspan"), fallback: 1, zeroMeansRest: true)
                if rowSpan == 0 || rowSpan > row.groupRowsLeft {
                    if rowSpan > row.groupRowsLeft { clamped += 1 }
                    rowSpan = row.groupRowsLeft
                }
                cells.append(RawCell(text: content.lines.joined(separator: "\n"), colSpan: colSpan,
                                     vMerge: rowSpan > 1 ? .restart : .none,
                                     blocks: content.hasTable ? content.blocks : nil))
                if rowSpan > 1 { started.append(OpenSpan(start: col, width: colSpan, rowsLeft: rowSpan - 1)) }
                if element.name != "th" { allHeaderCells = false }
                col += colSpan
                guard col <= limits.maxColumns else {
                    throw .limitExceeded(what: "HTML table columns", limit: limits.maxColumns)
                }
            }
            while p < open.count {
                if open[p].start >= col { cover(open[p]) }
                p += 1
            }
            guard col <= limits.maxColumns else {
                throw .limitExceeded(what: "HTML table columns", limit: limits.maxColumns)
            }
            open = Self.merged(kept, started)
            widest = max(widest, col)
            let slots = (r + 1).multipliedReportingOverflow(by: widest)
            guard !slots.overflow, slots.partialValue <= limits.maxGridSlots else {
                throw .limitExceeded(what: "HTML table grid slots (rows × columns, spans included)", limit: limits.maxGridSlots)
            }
            raw.rows.append(RawRow(cells: cells, isHeader: row.inHead || allHeaderCells))
        }
        var diagnostics: [Diagnostic] = []
        if narrowed > 0 {
            diagnostics.append(Diagnostic(.warning, "span-overlap",
                "\(narrowed) cell(s) whose colspan runs into a cell spanning down from above narrowed to fit"))
        }
        if clamped > 0 {
            diagnostics.append(Diagnostic(.warning, "span-clamped",
                "\(clamped) span(s) past the end of their row group or over 1000 columns clamped, as browsers do"))
        }
        if gaps > 0 {
            diagnostics.append(Diagnostic(.info, "row-gap-filled",
                "\(gaps) gap(s) before a cell spanning down from above filled with an empty cell"))
        }
        return (raw, diagnostics)
    }

    /// Two lists of spans sorted by start column, merged.
    private static func merged(_ a: [OpenSpan], _ b: [OpenSpan]) -> [OpenSpan] {
        var out: [OpenSpan] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j >= b.count || (i < a.count && a[i].start < b[j].start) { out.append(a[i]); i += 1 }
            else { out.append(b[j]); j += 1 }
        }
        return out
    }

    /// HTML's rules for a span attribute: leading digits after white space; missing, junk or 0
    /// give `fallback` (for rowspan 0 with `zeroMeansRest`, 0: to the end of the row group);
    /// values above 65534 are 65534.
    static func parseSpan(_ value: String?, fallback: Int, zeroMeansRest: Bool = false) -> Int {
        guard let value else { return fallback }
        let digits = value.drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return fallback }
        let number = digits.count > 6 ? 65534 : min(Int(digits) ?? fallback, 65534)
        if number == 0 { return zeroMeansRest ? 0 : fallback }
        return number
    }
}
