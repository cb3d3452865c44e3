/// A table as a reader sees it, before it becomes a grid: rows of cells with their stated
/// horizontal spans and vertical-merge marks (DOCX `w:gridSpan`/`w:vMerge`, or the spans that the
/// flattened-text reconstruction inferred). ``GridAssembler`` turns it into a valid ``Table``.
public struct RawTable: Equatable, Sendable {
    public var rows: [RawRow]
    /// Column count the source declares (DOCX `w:tblGrid`), or nil.
    public var declaredColumns: Int?
    public init(rows: [RawRow] = [], declaredColumns: Int? = nil) {
        self.rows = rows
        self.declaredColumns = declaredColumns
    }
}

/// One row of a ``RawTable``.
public struct RawRow: Equatable, Sendable {
    /// Grid columns skipped before the first cell (`w:gridBefore`).
    public var gridBefore: Int
    public var cells: [RawCell]
    /// Grid columns left empty after the last cell (`w:gridAfter`).
    public var gridAfter: Int
    /// The row repeats as a header (`w:tblHeader`).
    public var isHeader: Bool
    public init(cells: [RawCell] = [], gridBefore: Int = 0, gridAfter: Int = 0, isHeader: Bool = false) {
        self.cells = cells
        self.gridBefore = gridBefore
        self.gridAfter = gridAfter
        self.isHeader = isHeader
    }
}

/// How a raw cell takes part in a merge.
public enum MergeMark: Equatable, Sendable {
    /// Not merged in this direction.
    case none
    /// Starts a merge (`w:vMerge w:val="restart"`, `w:hMerge w:val="restart"`).
    case restart
    /// Continues the merge of the cell before it (`w:vMerge` with no value or `continue`).
    case `continue`
}

/// One cell of a ``RawRow``.
public struct RawCell: Equatable, Sendable {
    public var text: String
    /// Stated horizontal span in grid columns (may be absurd; the assembler clamps it).
    public var colSpan: Int
    public var vMerge: MergeMark
    /// Legacy horizontal merge (`w:hMerge`).
    public var hMerge: MergeMark
    /// Full content when the cell holds a nested table.
    public var blocks: [Block]?
    /// Where the cell came from, for diagnostics (1-based input line of flattened text).
    public var line: Int?
    public init(text: String, colSpan: Int = 1, vMerge: MergeMark = .none, hMerge: MergeMark = .none,
                blocks: [Block]? = nil, line: Int? = nil) {
        self.text = text
        self.colSpan = colSpan
        self.vMerge = vMerge
        self.hMerge = hMerge
        self.blocks = blocks
        self.line = line
    }
}
