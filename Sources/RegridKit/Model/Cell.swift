/// One cell of a ``Table``, listed at its top-left slot.
public struct Cell: Codable, Equatable, Sendable {
    public var row: Int
    public var column: Int
    public var rowSpan: Int
    public var colSpan: Int
    /// The cell's paragraphs joined by `"\n"`, each paragraph trimmed at both ends.
    public var text: String
    /// True for a cell that fills a slot the source left empty (gridBefore/gridAfter, ragged row).
    public var synthetic: Bool?
    /// The cell's full content when it holds a nested table.
    public var blocks: [Block]?

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
