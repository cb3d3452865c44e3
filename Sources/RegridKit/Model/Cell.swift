/// One cell of a ``Table``, listed at its top-left slot.
public struct Cell: Codable, Equatable, Sendable {
    /// Row of the cell's top-left slot (0-based).
    public var row: Int
    /// Column of the cell's top-left slot (0-based).
    public var column: Int
    /// Grid rows the cell covers (at least 1).
    public var rowSpan: Int
    /// Grid columns the cell covers (at least 1).
    public var colSpan: Int
    /// The cell's paragraphs joined by `"\n"`, each paragraph trimmed at both ends.
    public var text: String
    /// True for a cell that fills a slot the source left empty (gridBefore/gridAfter, ragged row).
    public var synthetic: Bool?
    /// The cell's full content when it holds a nested table.
    public var blocks: [Block]?

    /// A cell at (`row`, `column`) covering `rowSpan` × `colSpan` slots.
    public init(row: Int, column: Int, rowSpan: Int = 1, colSpan: Int = 1, text: String,
                synthetic: Bool? = nil, blocks: [Block]? = nil) {
        self.row = row
        self.column = column
        self.rowSpan = rowSpan
        self.colSpan = colSpan
        self.text = text
        self.synthetic = synthetic
        self.blocks = blocks
    }

    /// True when the cell is synthetic.
    public var isSynthetic: Bool { synthetic ?? false }
}
