/// Turns the paragraphs of a binary Word document, in order, into blocks: body paragraphs and
/// headings, and tables rebuilt from cell marks, row-end marks and the rows' cell definitions.
///
/// Table rules ([MS-DOC] 2.4.3): a paragraph at table depth 1 whose mark is U+0007 ends a cell,
/// or, when it is a row-end (TTP) mark, the row; the row-end mark's `sprmTDefTable` gives each
/// cell's left and right boundary in twips. Columns are the union of the boundaries of every row
/// of the table (boundaries within 3 twips are one, as Word's own vertical-merge rule allows), so
/// a wider cell spans the columns it covers — binary Word writes horizontal merges this way —
/// and its `TC80` flags give the vertical (and legacy horizontal) merges. Everything then goes
/// through the one ``GridAssembler``. Tables nested in cells are read as tables inside their cells (`blocks`), their text also in the cell's text.
struct WordBinaryBlocks {
    /// What a cell holds so far: its text lines (nested tables' included, as a DOCX cell's
    /// text has them) and its blocks (kept when it holds a nested table).
    private struct CellContent {
        var lines: [String] = []
        var blocks: [Block] = []
        var hasTable = false
        var isEmpty: Bool { lines.isEmpty && blocks.isEmpty }
    }

    private struct PendingRow {
        var cells: [CellContent]
        var definition: TableRowDefinition?
        var header: Bool
    }

    /// One open table: depth 1 is a table in the body, depth 2 a table in one of its cells, ….
    private struct OpenTable {
        var rows: [PendingRow] = []
        var rowCells: [CellContent] = []
        var cell = CellContent()
    }

    let limits: ReaderLimits
    private(set) var blocks: [Block] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var open: [OpenTable] = []
    private var rowsWithoutDefinition = 0
    private var cutOffRows = 0

    init(limits: ReaderLimits) { self.limits = limits }

    /// One paragraph: its visible text, the mark that ends it (U+000D, U+0007 or U+000C) and its
    /// properties. At depth 1 a U+0007 mark ends a cell, or the row when it is a row-end (TTP)
    /// mark; deeper, the paragraph's inner-cell and inner-row-end properties say so.
    mutating func add(_ text: String, mark: UInt16, properties p: ParagraphProperties) throws(RegridError) {
        let trimmed = text.trimmedForCell
        let depth = min(p.tableDepth, limits.maxTableNesting)
        while open.count > depth { try closeTable() }
        while open.count < depth { open.append(OpenTable()) }
        guard depth > 0 else {
            guard !trimmed.isEmpty else { return }
            if let level = Self.headingLevel(p) {
                blocks.append(.heading(Heading(level: level, text: trimmed)))
            } else {
                blocks.append(.paragraph(Paragraph(text: trimmed)))
            }
            return
        }
        let top = open.count - 1
        let rowEnd = depth == 1 ? mark == 0x07 && p.rowEnd : p.innerRowEnd
        if rowEnd {
            if !open[top].cell.isEmpty { endCell(top) }
            open[top].rows.append(PendingRow(cells: open[top].rowCells, definition: p.row, header: p.header))
            open[top].rowCells = []
            guard open[top].rows.count <= limits.maxTableRows else {
                throw .limitExceeded(what: "table rows", limit: limits.maxTableRows)
            }
            return
        }
        if !trimmed.isEmpty {
            open[top].cell.lines.append(trimmed)
            open[top].cell.blocks.append(.paragraph(Paragraph(text: trimmed)))
        }
        if depth == 1 ? mark == 0x07 : p.innerCellEnd {
            endCell(top)
            guard open[top].rowCells.count <= limits.maxColumns else {
                throw .limitExceeded(what: "table columns", limit: limits.maxColumns)
            }
        }
    }

    private mutating func endCell(_ level: Int) {
        open[level].rowCells.append(open[level].cell)
        open[level].cell = CellContent()
    }

    /// Ends the document: open tables are closed, and what was repaired is said.
    mutating func finish() throws(RegridError) -> [Block] {
        while !open.isEmpty { try closeTable() }
        if cutOffRows > 0 {
            diagnostics.append(Diagnostic(.warning, "row-end-missing",
                "\(Wording.count(cutOffRows, "table row")) without a row-end mark (a cut-off table): kept as read"))
        }
        if rowsWithoutDefinition > 0 {
            diagnostics.append(Diagnostic(.warning, "row-definition-missing",
                "\(Wording.count(rowsWithoutDefinition, "table row")) without cell boundaries (sprmTDefTable): cells placed one column each"))
        }
        return blocks
    }

    /// Closes the innermost open table: into the body, or into the cell of the table around it.
    private mutating func closeTable() throws(RegridError) {
        guard var table = open.popLast() else { return }
        if !table.cell.isEmpty || !table.rowCells.isEmpty {
            // Cells after the last row-end mark: kept as a row of their own.
            if !table.cell.isEmpty { table.rowCells.append(table.cell) }
            table.rows.append(PendingRow(cells: table.rowCells, definition: nil, header: false))
            cutOffRows += 1
        }
        guard !table.rows.isEmpty else { return }
        let built = try GridAssembler(limits: limits).assemble(rawTable(table.rows), id: "")
        guard let outer = open.indices.last else {
            blocks.append(.table(built))
            return
        }
        open[outer].cell.blocks.append(.table(built))
        open[outer].cell.lines += BlockList.lines(of: [.table(built)])
        open[outer].cell.hasTable = true
    }

    /// The rows with spans from the union of their cell boundaries.
    private mutating func rawTable(_ rows: [PendingRow]) -> RawTable {
        let edges = Self.columnEdges(rows.compactMap(\.definition).flatMap(\.boundaries))
        func column(_ x: Int) -> Int {
            // The last edge at or before x + 3 (boundaries within 3 twips are one).
            var low = 0, high = edges.count
            while low < high {
                let mid = (low + high) / 2
                if edges[mid] <= x + 3 { low = mid + 1 } else { high = mid }
            }
            return max(0, low - 1)
        }
        let columns = max(0, edges.count - 1)
        var raw = RawTable(declaredColumns: columns > 0 ? columns : nil)
        for row in rows {
            guard let definition = row.definition else {
                rowsWithoutDefinition += 1
                raw.rows.append(RawRow(cells: row.cells.map(Self.rawCell), isHeader: row.header))
                continue
            }
            var cells: [RawCell] = []
            var used = 0
            let first = column(definition.boundaries[0])
            for (i, content) in row.cells.enumerated() {
                let text = content.lines.joined(separator: "\n")
                guard i < definition.cells.count else {
                    cells.append(Self.rawCell(content))   // more cells in the text than defined
                    used += 1
                    continue
                }
                let span = column(definition.boundaries[i + 1]) - column(definition.boundaries[i])
                let tc = definition.cells[i]
                if span <= 0 {
                    // A zero-width cell (a collapsed merge): its text, if any, joins the cell before.
                    if !text.isEmpty, let last = cells.indices.last {
                        cells[last].text += cells[last].text.isEmpty ? text : "\n" + text
                    }
                    continue
                }
                var cell = Self.rawCell(content)
                cell.colSpan = span
                cell.vMerge = tc.vMerge
                cell.hMerge = tc.hMerge
                cells.append(cell)
                used += span
            }
            raw.rows.append(RawRow(cells: cells, gridBefore: first, gridAfter: max(0, columns - first - used),
                                   isHeader: row.header || definition.isHeader))
        }
        return raw
    }

    private static func rawCell(_ content: CellContent) -> RawCell {
        RawCell(text: content.lines.joined(separator: "\n"), blocks: content.hasTable ? content.blocks : nil)
    }

    /// The sorted column edges of a table: every boundary, those within 3 twips of the one
    /// before taken as that one.
    static func columnEdges(_ boundaries: [Int]) -> [Int] {
        var edges: [Int] = []
        for x in boundaries.sorted() where edges.last.map({ x - $0 > 3 }) ?? true { edges.append(x) }
        return edges
    }

    /// A paragraph's heading level: its outline level (0–8; 9 is body text), else the built-in
    /// heading styles, whose style indexes are fixed at 1–9 in binary Word ([MS-DOC] 2.9.260).
    static func headingLevel(_ p: ParagraphProperties) -> Int? {
        if let outline = p.outlineLevel { return outline <= 8 ? outline + 1 : nil }
        return (1...9).contains(p.style) ? p.style : nil
    }
}
