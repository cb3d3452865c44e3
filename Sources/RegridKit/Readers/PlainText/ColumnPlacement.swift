/// Places `k` figures into `n ≥ k` columns by horizontal position (`pdftotext -layout` text):
/// the order kept, each figure in a column whose extent (from the full rows of the same page)
/// it touches, found by a small dynamic program over (figure, column). Refused when a figure
/// touches no column, or the columns' extents overlap (no clear gutters).
enum ColumnPlacement {
    /// A horizontal extent in characters, `end` exclusive.
    struct Extent: Equatable, Sendable {
        var start: Int
        var end: Int
        init(_ start: Int, _ end: Int) { self.start = start; self.end = end }

        /// Characters between the two extents (0 when they touch or overlap).
        func distance(to other: Extent) -> Int { max(0, max(other.start - end, start - other.end)) }
    }

    /// Each column's extent over the full rows (`count` figures each), or nil when there are none
    /// or two columns overlap.
    static func columns(_ full: [[Extent]], count: Int) -> [Extent]? {
        guard !full.isEmpty, full.allSatisfy({ $0.count == count }) else { return nil }
        let columns = (0..<count).map { c in
            Extent(full.map { $0[c].start }.min() ?? 0, full.map { $0[c].end }.max() ?? 0)
        }
        for (left, right) in zip(columns, columns.dropFirst()) where left.end >= right.start { return nil }
        return columns
    }

    /// The column of each figure, or nil.
    static func place(_ figures: [Extent], columns: [Extent]) -> [Int]? {
        let k = figures.count, n = columns.count
        guard k > 0, k <= n else { return nil }
        let impossible = Int.max / 4
        // cost[i][j]: figures 0...i placed, figure i in column j; a figure must touch its column
        // (one character of slack), and nearer centres cost less.
        func cost(_ i: Int, _ j: Int) -> Int {
            let f = figures[i], c = columns[j]
            guard f.distance(to: c) <= 1 else { return impossible }
            return abs((f.start + f.end) - (c.start + c.end))
        }
        var best = [[Int]](repeating: [Int](repeating: impossible, count: n), count: k)
        var from = [[Int]](repeating: [Int](repeating: -1, count: n), count: k)
        for j in 0..<n { best[0][j] = cost(0, j) }
        for i in 1..<k {
            var running = impossible, runningJ = -1
            for j in 0..<n {
                if j > 0 && best[i - 1][j - 1] < running { running = best[i - 1][j - 1]; runningJ = j - 1 }
                let here = cost(i, j)
                if running < impossible && here < impossible {
                    best[i][j] = running + here
                    from[i][j] = runningJ
                }
            }
        }
        guard var j = (0..<n).min(by: { best[k - 1][$0] < best[k - 1][$1] }), best[k - 1][j] < impossible else { return nil }
        var slots = [Int](repeating: 0, count: k)
        for i in stride(from: k - 1, through: 0, by: -1) {
            slots[i] = j
            if i > 0 { j = from[i][j] }
        }
        return slots
    }
}
