/// The content read from a block container (the body, a table cell, a text box): its blocks in
/// order, and the trimmed text lines of every non-empty paragraph in it at any depth (nested
/// tables and text boxes included), in document order, which become a cell's text.
struct BlockList {
    var blocks: [Block] = []
    var lines: [String] = []
    var hasTable = false

    mutating func append(_ other: BlockList) {
        blocks.append(contentsOf: other.blocks)
        lines.append(contentsOf: other.lines)
        hasTable = hasTable || other.hasTable
    }

    /// The text lines of `blocks` as a cell shows them: every non-empty paragraph and heading,
    /// and the lines of every cell of a table (the `lines` a ``BlockList`` keeps).
    static func lines(of blocks: [Block]) -> [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case .heading(let h): return [h.text]
            case .paragraph(let p): return [p.text]
            case .table(let t): return t.cells.flatMap { $0.text.split(separator: "\n").map(String.init) }
            }
        }.filter { !$0.isEmpty }
    }
}
