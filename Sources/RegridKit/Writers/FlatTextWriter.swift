/// Flattens a document the way Apache Tika's text output does (`spec/flat-text.md`), the
/// inverse of ``FlatTextReader``: for round trips and to make test inputs from known tables.
///
/// Headings and paragraphs are one line each. Tables:
/// - ``Layout/cellPerLine`` (Tika ≤ 3.3.1 DOM): per grid row, one cell per Word `w:tc`, i.e. a
///   cell for every cell that starts in the row and an empty cell for every vertically merged
///   cell that covers the row from above (at its column, as wide as it is); each cell is `TAB`
///   + its first paragraph + NL, further paragraphs follow as bare lines; NL ends the row, a
///   second NL the table.
/// - ``Layout/rowPerLine`` (Tika ≥ 3.3.2 SAX): the same cells, `TAB` + first paragraph on the
///   row's line, each further paragraph as NL + paragraph + NL; NL ends the row and the table.
///
/// Synthetic cells (slots the source left without a cell) are not written, as Tika never sees them.
public struct FlatTextWriter: Sendable {
    public enum Layout: Sendable { case cellPerLine, rowPerLine }
    public var layout: Layout
    public init(layout: Layout = .cellPerLine) { self.layout = layout }

    /// The document as flattened text.
    public func write(_ document: Document) -> String {
        var out = ""
        for block in document.blocks {
            switch block {
            case .heading(let h): out += h.text + "\n"
            case .paragraph(let p): out += p.text + "\n"
            case .table(let t): out += write(t)
            }
        }
        return out
    }

    /// One table as flattened text, ending with its row and table line ends.
    public func write(_ table: Table) -> String {
        var out = ""
        for row in rowCells(table) {
            for cell in row {
                let paragraphs = cell.text.split(separator: "\n", omittingEmptySubsequences: false)
                switch layout {
                case .cellPerLine:
                    out += "\t" + paragraphs.joined(separator: "\n") + "\n"
                case .rowPerLine:
                    out += "\t" + (paragraphs.first.map(String.init) ?? "")
                    for p in paragraphs.dropFirst() { out += "\n" + p + "\n" }
                }
            }
            out += "\n"
        }
        return out + "\n"
    }

    /// Per grid row, the Word cells in it: cells starting there, and empty stand-ins for
    /// vertically merged cells reaching down into it.
    private func rowCells(_ table: Table) -> [[Cell]] {
        Self.wordCells(table).map { $0.map(\.cell) }
    }

    /// Per grid row, the Word cells in it, left to right: cells starting there, and empty
    /// stand-ins (`isContinuation`) for vertically merged cells reaching down into it.
    static func wordCells(_ table: Table) -> [[(cell: Cell, isContinuation: Bool)]] {
        var rows = Array(repeating: [(cell: Cell, isContinuation: Bool)](), count: table.rows)
        for cell in table.cells where !cell.isSynthetic {
            guard cell.row >= 0, cell.row < table.rows else { continue }
            rows[cell.row].append((cell, false))
            for r in (cell.row + 1)..<min(table.rows, cell.row + max(1, cell.rowSpan)) {
                rows[r].append((Cell(row: r, column: cell.column, colSpan: cell.colSpan, text: ""), true))
            }
        }
        return rows.map { $0.sorted { $0.cell.column < $1.cell.column } }
    }
}
