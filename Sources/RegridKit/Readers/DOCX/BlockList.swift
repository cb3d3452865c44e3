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
}
