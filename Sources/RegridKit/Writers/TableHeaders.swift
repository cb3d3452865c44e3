/// Header rows/columns of a table and the header paths of its data cells, for writers that
/// unpivot a table (tidy CSV) or need to know where the headings end.
///
/// When the model states `headerRows` / `headerColumns` (non-zero) they are used as they are.
/// When it says 0 (unknown), they are inferred:
/// - header rows: the first row, grown while a cell starting inside the header block reaches
///   below it (a heading merged downwards) or the block's last row holds a cell spanning several
///   columns (a group heading, so the sub-headings below belong to the header too); at least one
///   row is always left for data, and a one-row table has no header row;
/// - header columns: the first column when most non-empty data cells in it are not numbers
///   (row labels), grown like the rows (labels merged sideways, or a label spanning several rows
///   that groups the labels beside it); at least one column is left for data.
public struct TableHeaders: Equatable, Sendable {
    /// Leading rows that are headings.
    public var rows: Int
    /// Leading columns that are headings.
    public var columns: Int
    /// True when either count was inferred rather than stated by the model.
    public var inferred: Bool

    /// The table's header block, stated or inferred.
    public init(_ table: Table) {
        var inferred = false
        var headerRows = table.headerRows
        if headerRows == 0 {
            headerRows = TableHeaders.inferRows(table)
            inferred = true
        }
        var headerColumns = table.headerColumns
        if headerColumns == 0 {
            headerColumns = TableHeaders.inferColumns(table, headerRows: headerRows)
            inferred = true
        }
        self.rows = headerRows
        self.columns = headerColumns
        self.inferred = inferred
    }

    /// The column header path of a data cell: texts (as ``label(_:)``) of the cells in the header rows whose
    /// columns contain all of `cell`'s columns (those overlapping them when none contains them
    /// all), top to bottom, each header cell once, empty texts left out.
    public func columnPath(for cell: Cell, in table: Table) -> [String] {
        let headers = table.cells.filter { $0.row < rows && $0.column + $0.colSpan > columns }
        return TableHeaders.path(headers, from: cell.column, span: cell.colSpan,
                                 start: \.column, length: \.colSpan, order: \.row)
    }

    /// (A header cell counts when it reaches over a data column, even if it starts over the
    /// header columns, like a title row spanning the whole table.)
    ///
    /// The row header path of a data cell: texts of the cells in the header columns whose rows
    /// contain all of `cell`'s rows (or overlap them), left to right, each once, empty left out.
    public func rowPath(for cell: Cell, in table: Table) -> [String] {
        let headers = table.cells.filter { $0.column < columns && $0.row + $0.rowSpan > rows }
        return TableHeaders.path(headers, from: cell.row, span: cell.rowSpan,
                                 start: \.row, length: \.rowSpan, order: \.column)
    }

    /// The data cells (those starting right of the header columns and below the header rows),
    /// in row-major order.
    public func dataCells(of table: Table) -> [Cell] {
        table.cells.filter { $0.row >= rows && $0.column >= columns }
    }

    private static func path(_ headers: [Cell], from first: Int, span: Int,
                             start: KeyPath<Cell, Int>, length: KeyPath<Cell, Int>,
                             order: KeyPath<Cell, Int>) -> [String] {
        let last = first + span
        var chosen = headers.filter { $0[keyPath: start] <= first && last <= $0[keyPath: start] + $0[keyPath: length] }
        if chosen.isEmpty {
            chosen = headers.filter { $0[keyPath: start] < last && first < $0[keyPath: start] + $0[keyPath: length] }
        }
        return chosen.sorted { ($0[keyPath: order], $0[keyPath: start]) < ($1[keyPath: order], $1[keyPath: start]) }
            .map { label($0.text) }.filter { !$0.isEmpty }
    }

    /// A header text on one line, as a path part: a line break between two CJK characters
    /// (a heading wrapped in a narrow column, `商业\n企业`) is dropped, any other becomes a space.
    public static func label(_ text: String) -> String {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        var out = ""
        for line in lines {
            if let last = out.last, let first = line.first, !(isCJK(last) && isCJK(first)) { out += " " }
            out += line
        }
        return out
    }

    private static func isCJK(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x2E80...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFFEF).contains(v)
            || (0xAC00...0xD7AF).contains(v) || (0x20000...0x2FA1F).contains(v)
    }

    private static func inferRows(_ table: Table) -> Int {
        guard table.rows > 1 else { return 0 }
        var k = 1
        while k < table.rows - 1 {
            let reach = table.cells.filter { $0.row < k }.map { $0.row + $0.rowSpan }.max() ?? k
            let groups = table.cells.contains { $0.row == k - 1 && $0.colSpan > 1 && $0.colSpan < table.columns }
                && mostlyText(table.cells.filter { $0.row == k })
            let next = max(reach, groups ? k + 1 : k)
            if next == k { break }
            k = min(next, table.rows - 1)
        }
        return k
    }

    private static func inferColumns(_ table: Table, headerRows: Int) -> Int {
        guard table.columns > 1 else { return 0 }
        guard mostlyText(table.cells.filter { $0.column == 0 && $0.row >= headerRows }) else { return 0 }
        var k = 1
        while k < table.columns - 1 {
            let body = table.cells.filter { $0.row >= headerRows && $0.column < k }
            let reach = body.map { $0.column + $0.colSpan }.max() ?? k
            let groups = body.contains { $0.column == k - 1 && $0.rowSpan > 1 }
                && mostlyText(table.cells.filter { $0.row >= headerRows && $0.column == k })
            let next = max(reach, groups ? k + 1 : k)
            if next == k { break }
            k = min(next, table.columns - 1)
        }
        return k
    }

    /// True when most non-empty cells of `cells` are not numbers (labels rather than values).
    private static func mostlyText(_ cells: [Cell]) -> Bool {
        let filled = cells.filter { !$0.text.isEmpty }
        let numeric = filled.filter { NumberText($0.text) != nil }.count
        return !filled.isEmpty && numeric * 2 < filled.count
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
