/// What flattened text cannot say, decided by how often real Word tables do it: counts learnt
/// from the DOCX corpus (`../shared/corpus/docx`), where the DOCX reader gives the truth. Each
/// table there is flattened the Tika way (``FlatTextWriter``) and every ambiguous spot of the
/// text is counted with the answer the DOCX has. ``learnt`` is the committed table of those
/// counts; `FlatPriorsTests` recomputes it from the corpus and fails when it differs (printing
/// the new table). ``FlatTableReconstruction`` follows the majority of each count.
struct FlatPriors: Equatable, Sendable {
    /// Short rows (fewer cells than the grid has columns) with exactly one cell wider than a
    /// column, that cell a label (not a number) and the row with two labels or more: whether it
    /// is the first label of the row, the last, or one between.
    struct Widened: Equatable, Sendable {
        var first = 0, last = 0, middle = 0
        /// True when the first cell is widened more often than the last.
        var prefersFirst: Bool { first > last }
    }

    /// Empty cells of the text right under a non-empty text cell with the same columns, in a row
    /// that is not all empty: how many were vertical merges of the cell above, and how many real
    /// empty cells.
    struct EmptyUnderText: Equatable, Sendable {
        var merged = 0, empty = 0
        /// True when the vertical merge is the majority.
        var prefersMerge: Bool { merged > empty }
        /// The share of vertical merges (0 when nothing was counted).
        var mergeRate: Double { merged + empty == 0 ? 0 : Double(merged) / Double(merged + empty) }
    }

    /// Short rows without a number in them (headers, label rows).
    var widenedTextRows = Widened()
    /// Short rows with numbers (data rows).
    var widenedDataRows = Widened()
    /// Both rows above the table's first data row (header rows).
    var emptyUnderHeader = EmptyUnderText()
    /// Below the header, every cell left of the empty one empty too and some cell right of it
    /// not (a label chain).
    var emptyUnderLabel = EmptyUnderText()
    /// Below the header, with a non-empty cell to its left, one column wide.
    var emptyUnderOther = EmptyUnderText()
    /// Below the header, with a non-empty cell to its left, wider than a column.
    var emptyUnderWide = EmptyUnderText()

    /// The counts on the 131 tables of `../shared/corpus/docx` (35 files), recomputed by `FlatPriorsTests`.
    static let learnt = FlatPriors(
        widenedTextRows: Widened(first: 63, last: 27, middle: 28),
        widenedDataRows: Widened(first: 0, last: 0, middle: 2),
        emptyUnderHeader: EmptyUnderText(merged: 10, empty: 0),
        emptyUnderLabel: EmptyUnderText(merged: 120, empty: 6),
        emptyUnderOther: EmptyUnderText(merged: 22, empty: 238),
        emptyUnderWide: EmptyUnderText(merged: 6, empty: 9))

    /// Whether an empty cell right under a text cell with the same columns continues it: the
    /// majority of the learnt counts for its place (`header`: both rows above the first data row;
    /// `leftEmpty`: every cell left of it empty; `wide`: wider than a column).
    func continuesAbove(header: Bool, leftEmpty: Bool, wide: Bool) -> Bool {
        if header { return emptyUnderHeader.prefersMerge }
        if leftEmpty { return emptyUnderLabel.prefersMerge }
        return wide ? emptyUnderWide.prefersMerge : emptyUnderOther.prefersMerge
    }

    /// Adds the ambiguous spots of one table (as read from DOCX: the truth) to the counts.
    mutating func count(_ table: Table) {
        let rows = FlatTextWriter.wordCells(table)
        let kinds = rows.map { $0.map { CellContentKind($0.cell.text) } }
        let headerCount = FlatTableReconstruction.headerRowCount(kinds: kinds)
        // Per start column: the cell above with its columns, kind of the text it shows, and row.
        var above: [Int: (end: Int, kind: CellContentKind, row: Int)] = [:]
        for (r, row) in rows.enumerated() {
            // Among the labels (non-numeric cells) of a short row, the one that is widened.
            let labels = row.indices.filter { kinds[r][$0] != .numeric }
            if row.count > 1 && row.count < table.columns && labels.count > 1 {
                let wide = row.indices.filter { row[$0].cell.colSpan > 1 }
                if wide.count == 1, let i = wide.first, let at = labels.firstIndex(of: i) {
                    let data = kinds[r].contains(.numeric)
                    if at == 0 { data ? (widenedDataRows.first += 1) : (widenedTextRows.first += 1) }
                    else if at == labels.count - 1 { data ? (widenedDataRows.last += 1) : (widenedTextRows.last += 1) }
                    else { data ? (widenedDataRows.middle += 1) : (widenedTextRows.middle += 1) }
                }
            }
            var here: [Int: (end: Int, kind: CellContentKind, row: Int)] = [:]
            var leftEmpty = true
            let allEmpty = kinds[r].allSatisfy { $0 == .empty }
            for (c, word) in row.enumerated() {
                let start = word.cell.column, end = start + word.cell.colSpan
                var origin = (end: end, kind: kinds[r][c], row: r)
                if kinds[r][c] == .empty, !allEmpty, let up = above[start], up.end == end, up.kind == .text {
                    origin = up
                    let merged = word.isContinuation
                    if r < headerCount && up.row < headerCount {
                        merged ? (emptyUnderHeader.merged += 1) : (emptyUnderHeader.empty += 1)
                    } else if r >= headerCount && up.row >= headerCount && leftEmpty {
                        merged ? (emptyUnderLabel.merged += 1) : (emptyUnderLabel.empty += 1)
                    } else if r >= headerCount && up.row >= headerCount && end - start > 1 {
                        merged ? (emptyUnderWide.merged += 1) : (emptyUnderWide.empty += 1)
                    } else if r >= headerCount && up.row >= headerCount {
                        merged ? (emptyUnderOther.merged += 1) : (emptyUnderOther.empty += 1)
                    }
                }
                here[start] = origin
                if kinds[r][c] != .empty { leftEmpty = false }
            }
            above = here
        }
    }
}
