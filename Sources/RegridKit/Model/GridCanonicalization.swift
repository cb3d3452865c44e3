extension Table {
    /// The same table on its smallest grid: grid columns (rows) that no cell boundary separates
    /// are merged, so a cell that spanned them spans one. Word often declares more grid columns
    /// than the table's structure needs (cell widths that do not line up); two tables with the same
    /// structure then have different grids. Text, order and header counts are kept; header counts
    /// are remapped to the new grid.
    ///
    /// Used to compare tables structurally (``TEDS``), and by writers that want the cleanest grid.
    public func withMinimalGrid() -> Table {
        guard rows > 0, columns > 0 else { return self }
        let columnMap = Table.boundaryMap(count: columns, cells.map { ($0.column, $0.column + $0.colSpan) })
        let rowMap = Table.boundaryMap(count: rows, cells.map { ($0.row, $0.row + $0.rowSpan) })
        guard columnMap.last != columns || rowMap.last != rows else { return self }
        var copy = self
        copy.columns = columnMap[columns]
        copy.rows = rowMap[rows]
        copy.headerRows = rowMap[min(headerRows, rows)]
        copy.headerColumns = columnMap[min(headerColumns, columns)]
        copy.cells = cells.map { cell in
            var c = cell
            c.row = rowMap[cell.row]
            c.column = columnMap[cell.column]
            c.rowSpan = rowMap[cell.row + cell.rowSpan] - c.row
            c.colSpan = columnMap[cell.column + cell.colSpan] - c.column
            return c
        }
        return copy
    }

    /// For grid lines 0…count, the index of each line on the reduced grid that keeps only the
    /// lines some cell starts or ends on (lines 0 and `count` always stay).
    private static func boundaryMap(count: Int, _ extents: [(Int, Int)]) -> [Int] {
        var used = Array(repeating: false, count: count + 1)
        used[0] = true
        used[count] = true
        for (start, end) in extents where start >= 0 && end <= count && start <= end {
            used[start] = true
            used[end] = true
        }
        // A kept line's new index is its rank among kept lines; a dropped line (only header
        // counts can name one) maps to the kept line before it.
        var map = Array(repeating: 0, count: count + 1)
        var rank = -1
        for line in 0...count {
            if used[line] { rank += 1 }
            map[line] = rank
        }
        return map
    }
}
