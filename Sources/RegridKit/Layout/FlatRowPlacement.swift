/// Places the cells of one short row of a flattened table onto the grid's columns: a dynamic
/// program over column boundaries (O(cells × width²)), scoring each cell's slot range against
/// the already placed neighbour rows. Used by ``FlatTableReconstruction``.
struct FlatRowPlacement {
    /// A placed row near the one being placed.
    struct Neighbour {
        var spans: [Int]
        var texts: [String]
        /// True when it is the row directly above/below.
        var adjacent: Bool

        /// Slot ranges of its cells.
        var ranges: [Range<Int>] {
            var out: [Range<Int>] = []
            var col = 0
            for s in spans { out.append(col..<(col + s)); col += s }
            return out
        }
    }

    struct Context {
        var above: Neighbour?
        var below: Neighbour?
        /// The row two below, when placed (to see which cells of `below` continue downwards).
        var belowBelow: (spans: [Int], texts: [String])?
        var columnNumeric: [Bool]
        /// Column ranges of label texts already placed elsewhere in the table (a repeated label,
        /// such as a block's 信息内容 header, keeps the extent it has there).
        var anchors: FlatLabelAnchors = FlatLabelAnchors()
        /// The nearest header row above (text, no numbers): numbers sit under its cells.
        var headerAbove: Neighbour? = nil
    }

    let texts: [String]
    let kinds: [CellContentKind]
    let width: Int
    let context: Context

    /// Widest grid for which the dynamic program runs; wider rows let the last cell extend.
    static let maxProgramWidth = 64

    private let aboveBoundaries: Set<Int>?
    private let belowBoundaries: Set<Int>?
    private let aboveRanges: [Range<Int>: String]
    private let belowRanges: [Range<Int>: String]
    /// Boundaries of the row below where a cell that continues downwards meets one that does not.
    private let structureBoundaries: Set<Int>
    private let headerRanges: Set<Range<Int>>
    private let lastLabel: Int
    private let hasNumeric: Bool

    init(texts: [String], kinds: [CellContentKind], width: Int, context: Context) {
        self.texts = texts
        self.kinds = kinds
        self.width = width
        self.context = context
        func boundaries(_ n: Neighbour?) -> Set<Int>? {
            guard let n else { return nil }
            return Set(n.ranges.map(\.lowerBound).filter { $0 > 0 })
        }
        aboveBoundaries = boundaries(context.above)
        belowBoundaries = boundaries(context.below)
        var a: [Range<Int>: String] = [:]
        if let up = context.above, up.adjacent { for (i, r) in up.ranges.enumerated() { a[r] = up.texts[i] } }
        aboveRanges = a
        var b: [Range<Int>: String] = [:]
        var structure: Set<Int> = []
        if let down = context.below, down.adjacent {
            let ranges = down.ranges
            for (i, r) in ranges.enumerated() { b[r] = down.texts[i] }
            if let bb = context.belowBelow {
                var emptyBelow: Set<Range<Int>> = []
                var col = 0
                for (i, s) in bb.spans.enumerated() {
                    if bb.texts[i].trimmingWhitespace().isEmpty { emptyBelow.insert(col..<(col + s)) }
                    col += s
                }
                for i in 1..<max(1, ranges.count) where emptyBelow.contains(ranges[i - 1]) != emptyBelow.contains(ranges[i]) {
                    structure.insert(ranges[i].lowerBound)
                }
            }
        }
        belowRanges = b
        structureBoundaries = structure
        headerRanges = Set(context.headerAbove?.ranges ?? [])
        lastLabel = kinds.lastIndex { $0 != .numeric } ?? -1
        hasNumeric = kinds.contains(.numeric)
    }

    /// The best spans, and whether some boundary matched no neighbour.
    func best() -> (spans: [Int], misaligned: Bool) {
        let n = texts.count
        guard n > 1, n < width else { return (Array(repeating: 1, count: n), false) }
        guard width <= Self.maxProgramWidth else {
            return (Array(repeating: 1, count: n - 1) + [width - n + 1], true)
        }
        let inf = Double.infinity
        var cost = Array(repeating: Array(repeating: inf, count: width + 1), count: n + 1)
        var from = Array(repeating: Array(repeating: -1, count: width + 1), count: n + 1)
        cost[0][0] = 0
        for j in 0..<n {
            let remaining = n - j - 1
            for a in 0...(width - remaining - 1) where cost[j][a] < inf {
                let lastB = width - remaining
                let firstB = j == n - 1 ? width : a + 1
                guard firstB <= lastB else { continue }
                for b in firstB...lastB {
                    let c = cost[j][a] + cellCost(j, a..<b)
                    if c < cost[j + 1][b] - 1e-9 {
                        cost[j + 1][b] = c
                        from[j + 1][b] = a
                    }
                }
            }
        }
        var spans = Array(repeating: 1, count: n)
        var b = width
        var misaligned = false
        for j in stride(from: n, to: 0, by: -1) {
            let a = from[j][b]
            guard a >= 0 else { return (Array(repeating: 1, count: n - 1) + [width - n + 1], true) }
            spans[j - 1] = b - a
            if a > 0 && j - 1 > 0 && boundaryPenalty(a) > 0 { misaligned = true }
            b = a
        }
        return (spans, misaligned)
    }

    private func boundaryPenalty(_ x: Int) -> Double {
        var p = 0.0
        if let below = belowBoundaries, !below.contains(x) { p += 1.0 }
        if let above = aboveBoundaries, !above.contains(x) { p += 0.7 }
        return p
    }

    private func cellCost(_ j: Int, _ range: Range<Int>) -> Double {
        var c = 0.0
        let w = range.count
        if j > 0 {
            c += boundaryPenalty(range.lowerBound)
            if structureBoundaries.contains(range.lowerBound) { c -= 0.3 }
        }
        switch kinds[j] {
        case .numeric:
            for col in range where !context.columnNumeric[col] { c += 1.0 }
            c += 0.3 * Double(w - 1)
            if headerRanges.contains(range) { c -= 1.2 }
        case .empty:
            if aboveRanges[range] != nil { c -= 1.5 }
        case .text:
            if context.anchors.range(of: texts[j]) == range { c -= 2.0 }
        }
        // The deepest label extends right: in data rows clearly, elsewhere only to break ties.
        if kinds[j] != .numeric && j != lastLabel { c += (hasNumeric ? 0.1 : 0.01) * Double(w - 1) }
        if let t = belowRanges[range], t.trimmingWhitespace().isEmpty { c -= 1.0 }
        if w > 1, let down = context.below, down.adjacent, repeatsChildren(range, in: down) { c -= 0.5 }
        return c
    }

    /// True when the child cells under `range` repeat right after it or right before it.
    private func repeatsChildren(_ range: Range<Int>, in down: Neighbour) -> Bool {
        let ranges = down.ranges
        func children(_ r: Range<Int>) -> [String]? {
            guard r.lowerBound >= 0, r.upperBound <= width else { return nil }
            var out: [String] = []
            for (i, cr) in ranges.enumerated() where cr.lowerBound >= r.lowerBound && cr.upperBound <= r.upperBound {
                out.append(down.texts[i].trimmingWhitespace())
            }
            let covered = ranges.filter { $0.lowerBound >= r.lowerBound && $0.upperBound <= r.upperBound }.reduce(0) { $0 + $1.count }
            return covered == r.count && out.count >= 2 ? out : nil
        }
        guard let mine = children(range), mine.contains(where: { !$0.isEmpty }) else { return false }
        let w = range.count
        if let right = children((range.upperBound)..<(range.upperBound + w)), right == mine { return true }
        if let left = children((range.lowerBound - w)..<range.lowerBound), left == mine { return true }
        return false
    }
}
