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
        /// Which cell of a short row real tables widen when nothing else tells.
        var priors: FlatPriors = .learnt
    }

    let texts: [String]
    let kinds: [CellContentKind]
    let width: Int
    let context: Context

    /// Widest grid for which the dynamic program runs; wider rows let the last cell extend.
    static let maxProgramWidth = 64

    // Everything the cost of a slot range needs, looked up by column so that the dynamic
    // program's inner loop does no hashing, trimming or allocation.
    /// Per boundary column 0...width: penalty for a boundary the neighbours do not have.
    private let penalty: [Double]
    /// Per boundary column: a boundary of the row below where a cell that continues downwards
    /// meets one that does not.
    private let structureBoundary: [Bool]
    /// Per start column: end of the adjacent above row's cell starting there, else -1.
    private let aboveEnd: [Int]
    /// Per start column: end of the adjacent below row's empty cell starting there, else -1.
    private let belowEmptyEnd: [Int]
    /// Per start column: end of the header-above row's cell starting there, else -1.
    private let headerEnd: [Int]
    /// Prefix counts of columns that are not numeric.
    private let nonNumericBefore: [Int]
    /// Per cell: the range its label text is anchored at elsewhere in the table.
    private let anchor: [Range<Int>?]
    /// The adjacent below row's cell ranges and trimmed texts (for repeated child runs).
    private let down: (ranges: [Range<Int>], texts: [String])?
    /// The label (non-numeric cell) that extends right when nothing else tells: the first or the
    /// deepest (last), as ``FlatPriors`` says real rows of this kind (with or without numbers) do.
    private let extender: Int
    private let hasNumeric: Bool

    init(texts: [String], kinds: [CellContentKind], width: Int, context: Context) {
        self.texts = texts
        self.kinds = kinds
        self.width = width
        self.context = context
        func boundaryFlags(_ n: Neighbour?) -> [Bool]? {
            guard let n else { return nil }
            var flags = Array(repeating: false, count: width + 1)
            for r in n.ranges where r.lowerBound > 0 && r.lowerBound <= width { flags[r.lowerBound] = true }
            return flags
        }
        let above = boundaryFlags(context.above), below = boundaryFlags(context.below)
        penalty = (0...width).map { x in
            var p = 0.0
            if let below, !below[x] { p += 1.0 }
            if let above, !above[x] { p += 0.7 }
            return p
        }
        func ends(_ n: Neighbour?, where keep: (String) -> Bool = { _ in true }) -> [Int] {
            var out = Array(repeating: -1, count: width + 1)
            guard let n else { return out }
            for (i, r) in n.ranges.enumerated() where !r.isEmpty && r.lowerBound >= 0 && r.lowerBound <= width && keep(n.texts[i]) {
                out[r.lowerBound] = r.upperBound
            }
            return out
        }
        let adjacentAbove = context.above.flatMap { $0.adjacent ? $0 : nil }
        let adjacentBelow = context.below.flatMap { $0.adjacent ? $0 : nil }
        aboveEnd = ends(adjacentAbove)
        belowEmptyEnd = ends(adjacentBelow) { $0.trimmingWhitespace().isEmpty }
        headerEnd = ends(context.headerAbove)
        var structure = Array(repeating: false, count: width + 1)
        if let downRow = adjacentBelow, let bb = context.belowBelow {
            let ranges = downRow.ranges
            var emptyBelow: Set<Range<Int>> = []
            var col = 0
            for (i, s) in bb.spans.enumerated() {
                if bb.texts[i].trimmingWhitespace().isEmpty { emptyBelow.insert(col..<(col + s)) }
                col += s
            }
            for i in 1..<max(1, ranges.count) where emptyBelow.contains(ranges[i - 1]) != emptyBelow.contains(ranges[i]) {
                if ranges[i].lowerBound >= 0 && ranges[i].lowerBound <= width { structure[ranges[i].lowerBound] = true }
            }
        }
        structureBoundary = structure
        var before = [0]
        for col in 0..<width { before.append(before[col] + (context.columnNumeric[col] ? 0 : 1)) }
        nonNumericBefore = before
        anchor = texts.indices.map { kinds[$0] == .text ? context.anchors.range(of: texts[$0]) : nil }
        down = adjacentBelow.map { ($0.ranges, $0.texts.map { $0.trimmingWhitespace() }) }
        let numeric = kinds.contains(.numeric)
        let widened = numeric ? context.priors.widenedDataRows : context.priors.widenedTextRows
        extender = (widened.prefersFirst ? kinds.firstIndex { $0 != .numeric } : kinds.lastIndex { $0 != .numeric }) ?? -1
        hasNumeric = numeric
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
        var repeats = RepeatCache(width: width)
        for j in 0..<n {
            let remaining = n - j - 1
            for a in 0...(width - remaining - 1) where cost[j][a] < inf {
                let lastB = width - remaining
                let firstB = j == n - 1 ? width : a + 1
                guard firstB <= lastB else { continue }
                for b in firstB...lastB {
                    let c = cost[j][a] + cellCost(j, a..<b, repeats: &repeats)
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
            if a > 0 && j - 1 > 0 && penalty[a] > 0 { misaligned = true }
            b = a
        }
        return (spans, misaligned)
    }

    /// Whether a range repeats its child cells, computed once per range.
    private struct RepeatCache {
        let width: Int
        var values: [Int8]
        init(width: Int) {
            self.width = width
            values = Array(repeating: -1, count: (width + 1) * (width + 1))
        }
    }

    private func cellCost(_ j: Int, _ range: Range<Int>, repeats: inout RepeatCache) -> Double {
        var c = 0.0
        let w = range.count
        let lo = range.lowerBound, hi = range.upperBound
        if j > 0 {
            c += penalty[lo]
            if structureBoundary[lo] { c -= 0.3 }
        }
        switch kinds[j] {
        case .numeric:
            c += Double(nonNumericBefore[hi] - nonNumericBefore[lo])
            c += 0.3 * Double(w - 1)
            if headerEnd[lo] == hi { c -= 1.2 }
        case .empty:
            if aboveEnd[lo] == hi { c -= 1.5 }
        case .text:
            if anchor[j] == range { c -= 2.0 }
        }
        // One label extends right (``extender``): in data rows clearly, elsewhere only to break ties.
        if kinds[j] != .numeric && j != extender { c += (hasNumeric ? 0.1 : 0.01) * Double(w - 1) }
        if belowEmptyEnd[lo] == hi { c -= 1.0 }
        if w > 1, let down {
            let key = lo * (width + 1) + hi
            if repeats.values[key] < 0 { repeats.values[key] = repeatsChildren(range, in: down) ? 1 : 0 }
            if repeats.values[key] == 1 { c -= 0.5 }
        }
        return c
    }

    /// True when the child cells under `range` repeat right after it or right before it.
    private func repeatsChildren(_ range: Range<Int>, in down: (ranges: [Range<Int>], texts: [String])) -> Bool {
        func children(_ r: Range<Int>) -> [String]? {
            guard r.lowerBound >= 0, r.upperBound <= width else { return nil }
            var out: [String] = []
            var covered = 0
            for (i, cr) in down.ranges.enumerated() where cr.lowerBound >= r.lowerBound && cr.upperBound <= r.upperBound {
                out.append(down.texts[i])
                covered += cr.count
            }
            return covered == r.count && out.count >= 2 ? out : nil
        }
        guard let mine = children(range), mine.contains(where: { !$0.isEmpty }) else { return false }
        let w = range.count
        if let right = children((range.upperBound)..<(range.upperBound + w)), right == mine { return true }
        if let left = children((range.lowerBound - w)..<range.lowerBound), left == mine { return true }
        return false
    }
}
