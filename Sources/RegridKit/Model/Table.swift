/// A table: a `rows` × `columns` grid covered exactly once by ``Cell``s with spans.
///
/// Build tables through ``GridAssembler`` (readers) or ``Table/init(id:rows:columns:cells:headerRows:headerColumns:layout:diagnostics:)``
/// followed by ``validate()``; the invariants live in ``validate()`` and nowhere else.
public struct Table: Codable, Equatable, Sendable {
    /// Stable id within the document: `t1`, `t2`, … in document order (nested: `t1.r0c2.t1`).
    public var id: String
    /// Grid rows.
    public var rows: Int
    /// Grid columns.
    public var columns: Int
    /// Leading rows that are headings, not data (0 where unknown).
    public var headerRows: Int
    /// Leading columns that are headings, not data (0 where unknown).
    public var headerColumns: Int
    /// Every cell once, at its top-left slot, in row-major order of that slot.
    public var cells: [Cell]
    /// Present when a known layout settled the spans.
    public var layout: LayoutMatch?
    /// What was inferred, repaired or dropped while building this table.
    public var diagnostics: [Diagnostic]

    /// A table as given; call ``validate()`` to check it.
    public init(id: String, rows: Int, columns: Int, cells: [Cell], headerRows: Int = 0,
                headerColumns: Int = 0, layout: LayoutMatch? = nil, diagnostics: [Diagnostic] = []) {
        self.id = id
        self.rows = rows
        self.columns = columns
        self.headerRows = headerRows
        self.headerColumns = headerColumns
        self.cells = cells
        self.layout = layout
        self.diagnostics = diagnostics
    }

    private enum CodingKeys: String, CodingKey {
        case id, rows, columns, headerRows, headerColumns, cells, layout, diagnostics
    }

    /// Reads a table; `headerRows`, `headerColumns` and `diagnostics` may be absent.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        rows = try c.decode(Int.self, forKey: .rows)
        columns = try c.decode(Int.self, forKey: .columns)
        headerRows = try c.decodeIfPresent(Int.self, forKey: .headerRows) ?? 0
        headerColumns = try c.decodeIfPresent(Int.self, forKey: .headerColumns) ?? 0
        cells = try c.decode([Cell].self, forKey: .cells)
        layout = try c.decodeIfPresent(LayoutMatch.self, forKey: .layout)
        diagnostics = try c.decodeIfPresent([Diagnostic].self, forKey: .diagnostics) ?? []
    }

    /// The cell whose area covers slot (`row`, `column`), if any.
    public func cell(coveringRow row: Int, column: Int) -> Cell? {
        cells.first { $0.row <= row && row < $0.row + $0.rowSpan && $0.column <= column && column < $0.column + $0.colSpan }
    }

    /// A `rows` × `columns` matrix of indexes into ``cells`` (every slot names the cell covering it).
    /// Returns nil when the table breaks the grid invariant.
    public func slotMap() -> [[Int]]? {
        guard rows >= 0, columns >= 0 else { return nil }
        var map = Array(repeating: Array(repeating: -1, count: columns), count: rows)
        for (index, cell) in cells.enumerated() {
            guard cell.rowSpan >= 1, cell.colSpan >= 1, cell.row >= 0, cell.column >= 0,
                  cell.row + cell.rowSpan <= rows, cell.column + cell.colSpan <= columns else { return nil }
            for r in cell.row..<(cell.row + cell.rowSpan) {
                for c in cell.column..<(cell.column + cell.colSpan) {
                    if map[r][c] != -1 { return nil }
                    map[r][c] = index
                }
            }
        }
        return map
    }

    /// Checks the grid invariants of `spec/document-json.md`: spans ≥ 1, cells inside the grid,
    /// every slot covered exactly once, cells listed in row-major order of their top-left slot,
    /// header counts within the grid; then the same for every nested table.
    /// - Throws: ``ModelError`` saying which rule failed where.
    public func validate() throws(ModelError) {
        guard rows >= 0, columns >= 0 else {
            throw .invalidTable(id: id, reason: "negative size \(rows) × \(columns)")
        }
        var covered = Array(repeating: Array(repeating: false, count: columns), count: rows)
        var previous: (Int, Int)? = nil
        for cell in cells {
            guard cell.rowSpan >= 1, cell.colSpan >= 1 else {
                throw .invalidTable(id: id, reason: "cell at [\(cell.row), \(cell.column)] has span \(cell.rowSpan) × \(cell.colSpan)")
            }
            guard cell.row >= 0, cell.column >= 0, cell.row + cell.rowSpan <= rows, cell.column + cell.colSpan <= columns else {
                throw .invalidTable(id: id, reason: "cell at [\(cell.row), \(cell.column)] with span \(cell.rowSpan) × \(cell.colSpan) leaves the \(rows) × \(columns) grid")
            }
            if let (pr, pc) = previous, (cell.row, cell.column) <= (pr, pc) {
                throw .invalidTable(id: id, reason: "cell at [\(cell.row), \(cell.column)] is out of row-major order")
            }
            previous = (cell.row, cell.column)
            for r in cell.row..<(cell.row + cell.rowSpan) {
                for c in cell.column..<(cell.column + cell.colSpan) {
                    if covered[r][c] {
                        throw .invalidTable(id: id, reason: "slot [\(r), \(c)] is covered twice")
                    }
                    covered[r][c] = true
                }
            }
            for block in cell.blocks ?? [] { try block.validate() }
        }
        for r in 0..<rows {
            for c in 0..<columns where !covered[r][c] {
                throw .invalidTable(id: id, reason: "slot [\(r), \(c)] is not covered by any cell")
            }
        }
        guard (0...rows).contains(headerRows), (0...columns).contains(headerColumns) else {
            throw .invalidTable(id: id, reason: "header rows/columns \(headerRows)/\(headerColumns) outside the grid")
        }
    }
}

/// Which known layout settled a table's spans, and how sure the match is.
public struct LayoutMatch: Codable, Equatable, Sendable {
    /// Template id, e.g. `cn-gov-disclosure-2019/applications`.
    public var template: String
    /// In [0, 1].
    public var confidence: Double
    /// A match; `confidence` is clamped to [0, 1].
    public init(template: String, confidence: Double) {
        self.template = template
        self.confidence = min(1, max(0, confidence))
    }
}
