/// Column positions from a table's own header cells in text laid out on a character grid
/// (`pdftotext -layout`, a PDF's words): for a row with blank cells on a page where no row has
/// all its figures (table 四 has one figure row).
///
/// A header cell's label stands over its column: on one line, or broken over several lines in
/// the same place (vertical text in a narrow column, one character a line). The header lines are
/// cut into *stacks*: words on consecutive lines that overlap each other and nothing else on the
/// line above or below (a label spanning several columns overlaps several words below it, so it
/// ends its stack). A stack reading a column's leaf label (the lowest header cell over exactly
/// that column) — or the end of it, when the header is cut by a page break just above — anchors
/// that column, and only when the stacks map onto the columns in exactly one left-to-right way.
/// Positions are compared on one page only: `pdftotext -layout` lays each page out on its own grid.
enum HeaderColumns {
    /// A stack of header words: its text read top to bottom, its extent, and whether it starts on
    /// the first line of a page that continues a header begun on an earlier page.
    struct Stack: Equatable {
        var text: String
        var extent: ColumnPlacement.Extent
        var continuesFromPreviousPage: Bool
    }

    /// The leaf label of each figure column of `row` (normalized), nil where the column has no
    /// header cell of its own.
    static func leafLabels(_ layout: LayoutRows, row: LayoutRows.Row) -> [String?] {
        let template = layout.template
        return row.figures.map { figure in
            let leaf = template.cells
                .filter { $0.row < template.headerRows && $0.column == figure.column && $0.colSpan == 1
                    && $0.label != nil && $0.anyText != true }
                .max { $0.row < $1.row }
            return leaf?.label.map(layout.normalizer.normalize).flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    /// The stacks of the header `lines` (only their words on `page`), left to right. Linear in
    /// the words: each pair of consecutive lines is merged once, as two sorted lists.
    static func stacks(_ words: TextWords, lines: Range<Int>, page: Int, normalizer: LabelNormalizer) -> [Stack] {
        let all = words.words
        var parts: [[Int]] = []          // word indices of each stack, top to bottom
        var previous: [(word: Int, stack: Int)] = []
        var previousLine = -2
        // The first line with words on `page`, and whether the header began on an earlier page.
        var firstLineOnPage: Int? = nil
        var begunEarlier = false
        for line in lines where line >= 0 && line < words.lines.count {
            let onLine = words.words(ofLine: line)
            if firstLineOnPage == nil && onLine.contains(where: { all[$0].page < page }) { begunEarlier = true }
            let current = Array(onLine.filter { all[$0].page == page })
            guard !current.isEmpty else { previous = []; continue }
            if firstLineOnPage == nil { firstLineOnPage = line }
            var below = [Int](repeating: 0, count: previous.count)   // words of this line each previous word overlaps
            var above = [Int](repeating: 0, count: current.count)    // previous words each word of this line overlaps
            var pairs: [(Int, Int)] = []
            if previousLine == line - 1 {
                var i = 0, j = 0
                while i < previous.count && j < current.count {
                    let a = all[previous[i].word], b = all[current[j]]
                    if a.start < b.end && b.start < a.end {
                        below[i] += 1; above[j] += 1
                        pairs.append((i, j))
                    }
                    if a.end <= b.end { i += 1 } else { j += 1 }
                }
            }
            var joined = [Int?](repeating: nil, count: current.count)
            for (i, j) in pairs where below[i] == 1 && above[j] == 1 { joined[j] = previous[i].stack }
            var next: [(word: Int, stack: Int)] = []
            for (j, word) in current.enumerated() {
                if let stack = joined[j] {
                    parts[stack].append(word)
                    next.append((word, stack))
                } else {
                    parts.append([word])
                    next.append((word, parts.count - 1))
                }
            }
            previous = next
            previousLine = line
        }
        return parts.compactMap { indices -> Stack? in
            guard let first = indices.first else { return nil }
            let text = normalizer.normalize(indices.map { all[$0].text }.joined())
            let start = indices.map { all[$0].start }.min() ?? 0, end = indices.map { all[$0].end }.max() ?? 0
            let continues = begunEarlier && all[first].line == firstLineOnPage
            return text.isEmpty ? nil : Stack(text: text, extent: ColumnPlacement.Extent(start, end), continuesFromPreviousPage: continues)
        }.sorted { $0.extent.start < $1.extent.start }
    }

    /// Each column's anchor (the extent of the stack reading its label), nil for columns no stack
    /// reads; nil altogether when the stacks that read labels do not map onto the columns in
    /// exactly one left-to-right way, or their extents overlap.
    static func anchors(stacks: [Stack], labels: [String?]) -> [ColumnPlacement.Extent?]? {
        func reads(_ stack: Stack, _ label: String?) -> Bool {
            guard let label else { return false }
            return stack.text == label || (stack.continuesFromPreviousPage && label.hasSuffix(stack.text))
        }
        let reading = stacks.filter { stack in labels.contains { reads(stack, $0) } }
        let m = reading.count, n = labels.count
        guard m > 0, m <= n else { return nil }
        // ways[i][j]: the ways (0, 1 or 2 = several) to map stacks i... onto columns j... in order.
        var ways = [[UInt8]](repeating: [UInt8](repeating: 0, count: n + 1), count: m + 1)
        for j in 0...n { ways[m][j] = 1 }
        for i in stride(from: m - 1, through: 0, by: -1) {
            for j in stride(from: n - 1, through: 0, by: -1) {
                let take = reads(reading[i], labels[j]) ? ways[i + 1][j + 1] : 0
                ways[i][j] = min(2, ways[i][j + 1] + take)
            }
        }
        guard ways[0][0] == 1 else { return nil }
        var result = [ColumnPlacement.Extent?](repeating: nil, count: n)
        var i = 0, j = 0
        while i < m && j < n {
            if reads(reading[i], labels[j]) && ways[i + 1][j + 1] == 1 && ways[i][j + 1] == 0 {
                result[j] = reading[i].extent
                i += 1
            }
            j += 1
        }
        let anchored = result.compactMap { $0 }
        for (left, right) in zip(anchored, anchored.dropFirst()) where left.end > right.start { return nil }
        return result
    }

    /// The column of each figure under the anchors, or nil when any figure is not unambiguously
    /// under one column: it overlaps one anchor (its centre within a character of it), or stands
    /// between two anchored columns (or beyond the last) with exactly one column without an
    /// anchor there; the columns must come in the figures' order.
    static func place(_ figures: [ColumnPlacement.Extent], anchors: [ColumnPlacement.Extent?]) -> [Int]? {
        guard !figures.isEmpty, figures.count <= anchors.count else { return nil }
        var slots: [Int] = []
        for figure in figures {
            let over = anchors.indices.filter { anchors[$0].map { $0.start < figure.end && figure.start < $0.end } ?? false }
            let slot: Int
            if over.count == 1, let column = over.first, let anchor = anchors[column] {
                let centre = figure.start + figure.end
                guard centre >= 2 * anchor.start - 2 && centre <= 2 * anchor.end + 2 else { return nil }
                slot = column
            } else if over.isEmpty {
                let left = anchors.indices.last { anchors[$0].map { $0.end <= figure.start } ?? false } ?? -1
                let right = anchors.indices.first { anchors[$0].map { $0.start >= figure.end } ?? false } ?? anchors.count
                let free = ((left + 1)..<max(left + 1, right)).filter { anchors[$0] == nil }
                guard free.count == 1, let column = free.first else { return nil }
                slot = column
            } else {
                return nil
            }
            if let last = slots.last, slot <= last { return nil }
            slots.append(slot)
        }
        return slots
    }
}
