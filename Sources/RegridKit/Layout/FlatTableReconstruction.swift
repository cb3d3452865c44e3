/// Rebuilds the grid of a table read from flattened text, where nothing says how wide a cell is
/// or whether an empty cell continues the one above. General rules, no template:
///
/// 1. Grid width = the most cells in a row; rows that full get span 1 everywhere, one-cell rows
///    span the full width.
/// 2. Every other row is placed by a small dynamic program over column boundaries
///    (``FlatRowPlacement``), most-cells-first and data rows before header rows (header rows
///    bottom-up), so that each row sees already placed neighbours. It prefers boundaries that
///    the neighbouring rows have, numeric cells on numeric columns (so trailing numbers align
///    right and the labels take the rest), an empty cell exactly under the cell it continues,
///    a header cell exactly over a run of children (repeated child runs split evenly), a label
///    that repeats one placed elsewhere in the table at that label's columns (``FlatLabelAnchors``),
///    and otherwise the cell real rows of its kind widen most (``FlatPriors``: the first cell,
///    with or without numbers in the row) extending right. A second pass re-places every
///    inferred row once all its neighbours have a place.
/// 3. An empty cell whose slot range equals that of a non-empty, non-numeric cell above is a
///    vertical-merge continuation where real tables mostly merge (``FlatPriors``, learnt from
///    the DOCX corpus): when both rows are header rows (above the first numeric data row), when
///    every cell left of it in its row is empty (label columns), or when it is wider than a
///    column. Other empty cells, fully empty rows, and empty cells of data rows under a header
///    cell (a figure left blank, not a header reaching into the data) stay real empty cells.
///
/// Every span inferred is reported as an `info` diagnostic `span-inferred`; a row that could not
/// be lined up with its neighbours gets a `warning` `span-uncertain`. Text is never dropped.
public struct FlatTableReconstruction: Sendable {
    public var limits: ReaderLimits
    /// The rates learnt from real tables that settle what the text cannot (``FlatPriors``).
    var priors: FlatPriors = .learnt
    public init(limits: ReaderLimits = .default) { self.limits = limits }

    /// Builds a valid table from rows of cell texts.
    /// - Parameters:
    ///   - rows: each row's cell texts, left to right.
    ///   - lines: optional 1-based input lines per cell (same shape as `rows`), for diagnostics.
    ///   - id: the table id to give.
    ///   - blocks: optional full content per cell (same shape as `rows`), for cells that hold
    ///     nested tables.
    /// - Throws: ``RegridError/limitExceeded(what:limit:)`` for grids past the reader limits.
    public func table(rows: [[String]], lines: [[Int]]? = nil, id: String,
                      blocks: [[[Block]?]]? = nil) throws(RegridError) -> Table {
        let width = rows.map(\.count).max() ?? 0
        guard width <= limits.maxColumns else { throw .limitExceeded(what: "table columns", limit: limits.maxColumns) }
        guard rows.count <= limits.maxTableRows else { throw .limitExceeded(what: "table rows", limit: limits.maxTableRows) }
        var diagnostics: [Diagnostic] = []
        let kinds = rows.map { $0.map(CellContentKind.init) }
        let headerCount = Self.headerRowCount(kinds: kinds)
        let spans = placeRows(rows: rows, kinds: kinds, width: width, headerCount: headerCount, diagnostics: &diagnostics)
        let continuation = vMergeMarks(rows: rows, kinds: kinds, spans: spans, headerCount: headerCount)
        if Set(rows.lazy.filter { !$0.isEmpty }.map(\.count)).count > 1 {
            diagnostics.append(Diagnostic(.info, "grid-from-fullest-row",
                "the rows have different numbers of cells: the grid is taken as wide as the fullest row (\(width)); columns that no row of the text shows (hidden grid columns) cannot be read from flattened text"))
        }
        // The re-flattening check: the grid read must flatten back to the rows it was read from
        // (the same cells, in the same rows and order). A reading that fails is replaced by one
        // with the vertical merges dropped, then by one with no span inferred but the last cell's.
        var table = try assemble(rows: rows, spans: spans, continuation: continuation, headerCount: headerCount,
                                 lines: lines, id: id, blocks: blocks)
        if !Self.flattensBack(table, to: rows) {
            let noMerges = rows.map { Array(repeating: false, count: $0.count) }
            var fallback = try assemble(rows: rows, spans: spans, continuation: noMerges, headerCount: headerCount,
                                        lines: lines, id: id, blocks: blocks)
            if !Self.flattensBack(fallback, to: rows) {
                let plain = rows.map { row in row.indices.map { $0 == row.count - 1 ? width - row.count + 1 : 1 } }
                fallback = try assemble(rows: rows, spans: plain, continuation: noMerges, headerCount: headerCount,
                                        lines: lines, id: id, blocks: blocks)
            }
            let passes = Self.flattensBack(fallback, to: rows)
            diagnostics.append(Diagnostic(.warning, "reading-rejected", passes
                ? "the spans inferred would flatten to other text than the table's rows; a simpler reading that does is kept"
                : "no reading of the table flattens back to its rows; the simplest is kept"))
            table = fallback
        }
        for cell in table.cells where !cell.isSynthetic && (cell.rowSpan > 1 || cell.colSpan > 1) {
            var what: [String] = []
            if cell.colSpan > 1 { what.append("column span \(cell.colSpan)") }
            if cell.rowSpan > 1 { what.append("row span \(cell.rowSpan)") }
            diagnostics.append(Diagnostic(.info, "span-inferred",
                "\(what.joined(separator: " and ")) inferred from the flattened rows", cell: (cell.row, cell.column)))
        }
        table.diagnostics = diagnostics + table.diagnostics
        return table
    }

    private func assemble(rows: [[String]], spans: [[Int]], continuation: [[Bool]], headerCount: Int,
                          lines: [[Int]]?, id: String, blocks: [[[Block]?]]?) throws(RegridError) -> Table {
        var raw = RawTable()
        for (r, row) in rows.enumerated() {
            var cells: [RawCell] = []
            for (c, text) in row.enumerated() {
                cells.append(RawCell(text: text, colSpan: spans[r][c], vMerge: continuation[r][c] ? .continue : .none,
                                     blocks: blocks?[r][c], line: lines?[r][c]))
            }
            raw.rows.append(RawRow(cells: cells, isHeader: r < headerCount))
        }
        return try GridAssembler(limits: limits).assemble(raw, id: id)
    }

    /// True when the table, flattened the way Tika writes it (``FlatTextWriter``: per row the cells
    /// starting there and an empty cell per vertical merge reaching into it), gives exactly
    /// `rows`: as many rows, the same number of cells in each, the same texts in order.
    static func flattensBack(_ table: Table, to rows: [[String]]) -> Bool {
        let written = FlatTextWriter.wordCells(table)
        let nonEmptyRows = rows.filter { !$0.isEmpty }
        let writtenRows = written.filter { !$0.isEmpty }
        guard writtenRows.count == nonEmptyRows.count else { return false }
        for (w, r) in zip(writtenRows, nonEmptyRows) {
            guard w.count == r.count else { return false }
            for (cell, text) in zip(w, r) where cell.cell.text.trimmingWhitespace() != text.trimmingWhitespace() { return false }
        }
        return true
    }

    /// The rows above the first data row (one whose non-empty cells are at least half numbers);
    /// 0 when no row is.
    static func headerRowCount(kinds: [[CellContentKind]]) -> Int {
        kinds.firstIndex { row in
            let numeric = row.filter { $0 == .numeric }.count
            let nonEmpty = row.filter { $0 != .empty }.count
            return numeric > 0 && numeric * 2 >= nonEmpty
        } ?? 0
    }

    /// Column spans for every cell of every row.
    private func placeRows(rows: [[String]], kinds: [[CellContentKind]], width: Int, headerCount: Int,
                           diagnostics: inout [Diagnostic]) -> [[Int]] {
        var spans: [[Int]?] = rows.map { row in
            if row.count == width { return Array(repeating: 1, count: row.count) }
            if row.count == 1 { return [width] }
            if row.isEmpty { return [] }
            return nil
        }
        let columnNumeric = Self.numericColumns(kinds: kinds, width: width)
        // Most cells first; data rows top-down, then header rows bottom-up.
        let isData = kinds.map { row in row.contains(.numeric) && row.filter { $0 == .numeric }.count * 2 >= row.filter { $0 != .empty }.count }
        let order = spans.indices.filter { spans[$0] == nil }.sorted { a, b in
            if rows[a].count != rows[b].count { return rows[a].count > rows[b].count }
            if isData[a] != isData[b] { return isData[a] }
            let ha = a < headerCount, hb = b < headerCount
            if ha != hb { return !ha }
            return ha ? a > b : a < b
        }
        // Labels of full rows are placed for certain: they anchor repeats of the same label.
        var anchors = FlatLabelAnchors()
        for r in spans.indices where rows[r].count == width && width > 1 {
            anchors.add(rows[r], spans: Array(repeating: 1, count: width), kinds: kinds[r])
        }
        // Three passes: the first sees the rows placed before each row; the later ones re-place
        // every inferred row once all its neighbours have a place, header rows first (top-down)
        // so that the values below them can line up under their headers.
        let refinement = order.sorted { a, b in isData[a] != isData[b] ? !isData[a] : a < b }
        var uncertain: Set<Int> = []
        for pass in 0..<3 {
            for r in pass == 0 ? order : refinement {
                let context = FlatRowPlacement.Context(
                    above: Self.neighbour(of: r, step: -1, spans: spans, rows: rows),
                    below: Self.neighbour(of: r, step: 1, spans: spans, rows: rows),
                    belowBelow: r + 2 < rows.count ? spans[r + 2].map { (spans: $0, texts: rows[r + 2]) } : nil,
                    columnNumeric: columnNumeric, anchors: anchors,
                    headerAbove: Self.headerRow(above: r, spans: spans, rows: rows, kinds: kinds),
                    priors: priors)
                let result = FlatRowPlacement(texts: rows[r], kinds: kinds[r], width: width, context: context).best()
                spans[r] = result.spans
                if pass == 2 && result.misaligned { uncertain.insert(r) }
            }
        }
        for r in uncertain.sorted() {
            diagnostics.append(Diagnostic(.warning, "span-uncertain",
                "row \(r) has \(rows[r].count) of \(width) cells and its column boundaries do not line up with the neighbouring rows; spans are a guess",
                cell: (r, 0)))
        }
        return spans.map { $0 ?? [] }
    }

    /// The nearest placed row in direction `step`, with whether it is the adjacent row.
    private static func neighbour(of r: Int, step: Int, spans: [[Int]?], rows: [[String]]) -> FlatRowPlacement.Neighbour? {
        var i = r + step
        while i >= 0 && i < spans.count {
            // One-cell rows (titles) say nothing about column boundaries.
            if let s = spans[i], s.count > 1 || spans.count <= 2 { return FlatRowPlacement.Neighbour(spans: s, texts: rows[i], adjacent: i == r + step) }
            i += step
        }
        return nil
    }

    /// The nearest placed row above `r` that reads as a header: more than one cell, text but no numbers.
    private static func headerRow(above r: Int, spans: [[Int]?], rows: [[String]], kinds: [[CellContentKind]]) -> FlatRowPlacement.Neighbour? {
        var i = r - 1
        while i >= 0 {
            if let s = spans[i], s.count > 1 {
                if !kinds[i].contains(.numeric) && kinds[i].contains(.text) {
                    return FlatRowPlacement.Neighbour(spans: s, texts: rows[i], adjacent: i == r - 1)
                }
                if kinds[i].contains(.text) == false { return nil }
            }
            i -= 1
        }
        return nil
    }

    /// Columns whose non-empty cells in full-width rows are mostly numeric.
    private static func numericColumns(kinds: [[CellContentKind]], width: Int) -> [Bool] {
        var numeric = Array(repeating: 0, count: width)
        var filled = Array(repeating: 0, count: width)
        for row in kinds where row.count == width {
            for (c, k) in row.enumerated() where k != .empty {
                filled[c] += 1
                if k == .numeric { numeric[c] += 1 }
            }
        }
        return (0..<width).map { filled[$0] > 0 && numeric[$0] * 2 > filled[$0] }
    }

    /// Which empty cells continue the cell above (vertical merge).
    private func vMergeMarks(rows: [[String]], kinds: [[CellContentKind]], spans: [[Int]], headerCount: Int) -> [[Bool]] {
        var marks = rows.map { Array(repeating: false, count: $0.count) }
        // For the previous row: start column → (width, origin text kind, origin row).
        var above: [Int: (width: Int, kind: CellContentKind, row: Int)] = [:]
        for r in rows.indices {
            var here: [Int: (width: Int, kind: CellContentKind, row: Int)] = [:]
            let allEmpty = kinds[r].allSatisfy { $0 == .empty }
            var col = 0
            var leftEmpty = true
            for c in rows[r].indices {
                let w = spans[r][c]
                let kind = kinds[r][c]
                var origin = (width: w, kind: kind, row: r)
                if kind == .empty, !allEmpty, let up = above[col], up.width == w,
                   up.kind == .text || (up.kind == .numeric && col == 0),
                   r < headerCount || up.row >= headerCount,
                   priors.continuesAbove(header: r < headerCount && up.row < headerCount, leftEmpty: leftEmpty, wide: w > 1) {
                    marks[r][c] = true
                    origin = up
                }
                here[col] = origin
                if kind != .empty { leftEmpty = false }
                col += w
            }
            above = here
        }
        return marks
    }
}
