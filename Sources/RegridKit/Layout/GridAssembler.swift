/// Turns a ``RawTable`` (cells with stated spans and merge marks) into a ``Table`` whose cells
/// cover the grid exactly once. Shared by every reader, so that merge semantics are decided in
/// one place:
///
/// - a cell starts at the column after the previous cell of its row (after `gridBefore` for the first);
/// - `hMerge` continue cells widen the cell before them (legacy Word);
/// - a `vMerge` continue cell extends the cell that ends in the row above at the same start column
///   and with the same width; a continuation with nothing above, or whose width differs, becomes a
///   cell of its own with a warning;
/// - spans wider than the declared grid or the column limit are clamped, with a warning;
/// - slots that no cell covers (gridBefore/gridAfter, short rows) get synthetic empty cells.
///
/// Every repair is reported in the table's diagnostics; no text is dropped (text found in a
/// continuation cell is appended to the merged cell, with a warning).
public struct GridAssembler: Sendable {
    public var limits: ReaderLimits

    public init(limits: ReaderLimits = .default) { self.limits = limits }

    private struct Placed {
        var row: Int
        var column: Int
        var rowSpan: Int
        var colSpan: Int
        var text: String
        var synthetic: Bool
        var blocks: [Block]?
    }

    /// Builds the table.
    /// - Parameters:
    ///   - raw: rows as read.
    ///   - id: the table id to give.
    /// - Throws: ``RegridError/limitExceeded(what:limit:)`` when the grid would pass the row,
    ///   column or cell limits.
    public func assemble(_ raw: RawTable, id: String) throws(RegridError) -> Table {
        var diagnostics: [Diagnostic] = []
        let declared = max(0, raw.declaredColumns ?? 0)
        guard raw.rows.count <= limits.maxTableRows else {
            throw .limitExceeded(what: "table rows", limit: limits.maxTableRows)
        }
        var placed: [Placed] = []
        placed.reserveCapacity(raw.rows.reduce(0) { $0 + $1.cells.count })
        // For each start column, the placed cell that currently reaches down to the previous row.
        // (By start column, -1 for none: arrays indexed by column, reused from row to row, with
        // the columns set in each so that only those are reset.)
        var openAbove = OpenCells(), openHere = OpenCells()
        var rowExtent: [Int] = []
        var widest = 0
        var cellCount = 0

        for (r, row) in raw.rows.enumerated() {
            var col = clampCount(row.gridBefore, what: "gridBefore", row: r, diagnostics: &diagnostics)
            var lastInRow: Int? = nil
            for rawCell in row.cells {
                cellCount += 1
                guard cellCount <= limits.maxCells else {
                    throw .limitExceeded(what: "table cells", limit: limits.maxCells)
                }
                var span = rawCell.colSpan
                if span < 1 {
                    diagnostics.append(Diagnostic(.warning, "span-invalid",
                        "column span \(span) is not positive; read as 1", cell: (r, col)))
                    span = 1
                }
                let bound = declared > 0 && span > declared ? declared : limits.maxColumns
                if col + span > bound && span > 1 {
                    let clamped = max(1, bound - col)
                    diagnostics.append(Diagnostic(.warning, "span-clamped",
                        "column span \(span) runs past the grid; clamped to \(clamped)", cell: (r, col)))
                    span = clamped
                }
                guard col + span <= limits.maxColumns else {
                    throw .limitExceeded(what: "table columns", limit: limits.maxColumns)
                }
                // Legacy horizontal merge: widen the previous cell of this row.
                if rawCell.hMerge == .continue, let last = lastInRow, placed[last].row == r {
                    placed[last].colSpan += span
                    appendText(rawCell.text, to: &placed[last], at: (r, col), diagnostics: &diagnostics)
                    col += span
                    continue
                }
                if rawCell.vMerge == .continue {
                    let above = openAbove[col]
                    if above >= 0, placed[above].colSpan == span {
                        placed[above].rowSpan += 1
                        appendText(rawCell.text, to: &placed[above], at: (r, col), diagnostics: &diagnostics)
                        if let blocks = rawCell.blocks, !blocks.isEmpty {
                            placed[above].blocks = (placed[above].blocks ?? []) + blocks
                        }
                        openHere[col] = above
                        lastInRow = above
                        col += span
                        continue
                    } else if above >= 0 {
                        diagnostics.append(Diagnostic(.warning, "vmerge-span-mismatch",
                            "vertical merge continues a cell \(placed[above].colSpan) columns wide with one \(span) wide; kept as a separate cell",
                            cell: (r, col)))
                    } else {
                        diagnostics.append(Diagnostic(.warning, "vmerge-orphan",
                            "vertical merge continuation with no cell above to continue; kept as a separate cell",
                            cell: (r, col)))
                    }
                }
                placed.append(Placed(row: r, column: col, rowSpan: 1, colSpan: span,
                                     text: rawCell.text, synthetic: false, blocks: rawCell.blocks))
                openHere[col] = placed.count - 1
                lastInRow = placed.count - 1
                col += span
            }
            col += clampCount(row.gridAfter, what: "gridAfter", row: r, diagnostics: &diagnostics)
            guard col <= limits.maxColumns else {
                throw .limitExceeded(what: "table columns", limit: limits.maxColumns)
            }
            rowExtent.append(col)
            widest = max(widest, col)
            swap(&openAbove, &openHere)
            openHere.reset()
        }

        let rows = raw.rows.count
        let columns = rows == 0 ? 0 : max(widest, declared > 0 && declared <= limits.maxColumns ? declared : 0)
        if declared > 0 && widest != declared && rows > 0 {
            diagnostics.append(Diagnostic(.info, "grid-width-differs",
                "the table declares \(declared) grid columns but its rows use \(widest); the grid has \(columns)"))
        }

        // Fill every uncovered slot with synthetic cells, one per horizontal run.
        var covered = Array(repeating: Array(repeating: false, count: columns), count: rows)
        for p in placed {
            for r in p.row..<(p.row + p.rowSpan) {
                for c in p.column..<(p.column + p.colSpan) { covered[r][c] = true }
            }
        }
        var synthetic = 0
        for r in 0..<rows {
            var c = 0
            while c < columns {
                guard !covered[r][c] else { c += 1; continue }
                var end = c
                while end < columns && !covered[r][end] { end += 1 }
                placed.append(Placed(row: r, column: c, rowSpan: 1, colSpan: end - c,
                                     text: "", synthetic: true, blocks: nil))
                synthetic += 1
                c = end
            }
        }
        if synthetic > 0 {
            diagnostics.append(Diagnostic(.info, "grid-filled",
                "\(synthetic) empty region(s) the source leaves without a cell (gridBefore/gridAfter or short rows) filled with synthetic cells"))
        }

        placed.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        var headerRows = 0
        for row in raw.rows { if row.isHeader { headerRows += 1 } else { break } }
        let cells = placed.map {
            Cell(row: $0.row, column: $0.column, rowSpan: $0.rowSpan, colSpan: $0.colSpan,
                 text: $0.text, synthetic: $0.synthetic ? true : nil, blocks: $0.blocks)
        }
        return Table(id: id, rows: rows, columns: columns, cells: cells,
                     headerRows: min(headerRows, rows), diagnostics: diagnostics)
    }

    /// The placed cell (index) open at each start column of one row; -1 for none.
    private struct OpenCells {
        private var cells: [Int] = []
        private var setColumns: [Int] = []

        subscript(column: Int) -> Int {
            get { column < cells.count ? cells[column] : -1 }
            set {
                if column >= cells.count { cells.append(contentsOf: repeatElement(-1, count: column + 1 - cells.count)) }
                if cells[column] < 0 { setColumns.append(column) }
                cells[column] = newValue
            }
        }

        /// Back to no open cell, resetting only the columns that were set.
        mutating func reset() {
            for column in setColumns { cells[column] = -1 }
            setColumns.removeAll(keepingCapacity: true)
        }
    }

    private func clampCount(_ n: Int, what: String, row: Int, diagnostics: inout [Diagnostic]) -> Int {
        if n < 0 {
            diagnostics.append(Diagnostic(.warning, "span-invalid", "\(what) \(n) is negative; read as 0", cell: (row, 0)))
            return 0
        }
        if n > limits.maxColumns {
            diagnostics.append(Diagnostic(.warning, "span-clamped", "\(what) \(n) exceeds the column limit; read as 0", cell: (row, 0)))
            return 0
        }
        return n
    }

    private func appendText(_ text: String, to cell: inout Placed, at slot: (Int, Int), diagnostics: inout [Diagnostic]) {
        guard !text.isEmpty else { return }
        cell.text = cell.text.isEmpty ? text : cell.text + "\n" + text
        diagnostics.append(Diagnostic(.warning, "merged-text-kept",
            "a merged-away cell holds text; appended to the merged cell", cell: slot))
    }
}
