/// Cells to highlight in a written report, with the reason: the hook through which layout
/// checks (failed rules of a known layout) reach the HTML writer without the writer knowing
/// about layouts.
///
/// ```swift
/// var notes = Annotations()
/// notes.mark(table: "t1", row: 2, column: 3, "合计 ≠ 自然人 + 法人 (15 ≠ 12 + 4)")
/// let html = HTMLWriter(annotations: notes).write(document)
/// ```
public struct Annotations: Equatable, Sendable {
    /// Marks by table id.
    public var marks: [String: [CellMark]]

    public init(_ marks: [String: [CellMark]] = [:]) { self.marks = marks }

    /// Adds a mark on the cell that covers slot (`row`, `column`) of table `table`.
    public mutating func mark(table: String, row: Int, column: Int, _ message: String,
                              severity: Diagnostic.Severity = .error) {
        marks[table, default: []].append(CellMark(row: row, column: column, message: message, severity: severity))
    }

    /// The marks of one table, in the order they were added.
    public func marks(for table: String) -> [CellMark] { marks[table] ?? [] }

    /// True when no table has a mark.
    public var isEmpty: Bool { marks.values.allSatisfy(\.isEmpty) }
}

/// One highlighted slot of a table: the cell covering (`row`, `column`) is highlighted and the
/// message shown beside the table.
public struct CellMark: Equatable, Sendable {
    public var row: Int
    public var column: Int
    public var message: String
    public var severity: Diagnostic.Severity

    public init(row: Int, column: Int, message: String, severity: Diagnostic.Severity = .error) {
        self.row = row
        self.column = column
        self.message = message
        self.severity = severity
    }
}
