/// Gives tables their ids once a document is read: `t1`, `t2`, … for top-level tables in
/// document order; a table nested in cell (r, c) of table `t1` is `t1.r<r>c<c>.t1`, `…t2`, …
/// (counted per cell, addressed by the cell's top-left slot). Stable for a given input.
enum TableNumbering {
    static func number(_ blocks: inout [Block], prefix: String? = nil) {
        var count = 0
        for index in blocks.indices {
            guard case .table(var table) = blocks[index] else { continue }
            count += 1
            table.id = prefix.map { "\($0).t\(count)" } ?? "t\(count)"
            for c in table.cells.indices {
                guard var inner = table.cells[c].blocks else { continue }
                number(&inner, prefix: "\(table.id).r\(table.cells[c].row)c\(table.cells[c].column)")
                table.cells[c].blocks = inner
            }
            blocks[index] = .table(table)
        }
    }
}
