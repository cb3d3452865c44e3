/// Tree-edit-distance similarity of two tables (TEDS, Zhong et al., "Image-based table
/// recognition", 2020), the measure table-recognition papers report.
///
/// Each table is a tree: the table node, one child per grid row, one child per cell that
/// starts in that row (its top-left slot), left to right. Inserting or deleting a node costs 1;
/// renaming a row into a row costs 0; renaming a cell into a cell costs 1 when their row or
/// column spans differ and otherwise the normalized Levenshtein distance of their texts (in
/// characters). The distance is computed exactly with the Zhang–Shasha algorithm, and
/// `TEDS = 1 − distance / max(nodes of either tree)`.
public enum TEDS {
    /// Similarity in [0, 1]; 1 for tables with the same rows, spans and texts.
    public static func similarity(_ a: Table, _ b: Table) -> Double {
        var alphabet = Alphabet()
        let ta = Tree(a, &alphabet), tb = Tree(b, &alphabet)
        let n = max(ta.count, tb.count)
        guard n > 0 else { return 1 }
        return max(0, 1 - distance(ta, tb) / Double(n))
    }

    /// The tree edit distance itself.
    public static func distance(_ a: Table, _ b: Table) -> Double {
        var alphabet = Alphabet()
        let ta = Tree(a, &alphabet), tb = Tree(b, &alphabet)
        return distance(ta, tb)
    }

    /// The characters of the two tables' texts numbered as they are first seen, so that the
    /// Levenshtein loop compares integers, not `Character`s (grapheme clusters, which compare
    /// through their strings): the same distances, without that cost.
    struct Alphabet {
        private var numbers: [Character: Int32] = [:]

        mutating func encode(_ text: String) -> [Int32] {
            text.map { character in
                if let known = numbers[character] { return known }
                let next = Int32(numbers.count)
                numbers[character] = next
                return next
            }
        }
    }

    /// True when both tables have the same grid size and the same cells at the same slots with
    /// the same spans and texts (ids, header counts, diagnostics, the `synthetic` flag and
    /// nested blocks are not compared).
    public static func exactlyEqual(_ a: Table, _ b: Table) -> Bool {
        guard a.rows == b.rows, a.columns == b.columns, a.cells.count == b.cells.count else { return false }
        for (x, y) in zip(a.cells, b.cells) {
            guard x.row == y.row, x.column == y.column, x.rowSpan == y.rowSpan,
                  x.colSpan == y.colSpan, x.text == y.text else { return false }
        }
        return true
    }

    /// A table tree in post-order: labels, leftmost-leaf indexes and key roots.
    struct Tree {
        enum Label { case table, row, cell(rowSpan: Int, colSpan: Int, text: [Int32]) }
        var labels: [Label] = []
        var leftmost: [Int] = []
        var keyRoots: [Int] = []
        var count: Int { labels.count }

        init(_ table: Table, _ alphabet: inout Alphabet) {
            var byRow = Array(repeating: [Cell](), count: max(0, table.rows))
            for cell in table.cells where cell.row >= 0 && cell.row < table.rows { byRow[cell.row].append(cell) }
            var firstChildOfParent: [Int] = []   // post-order index of each node's leftmost leaf
            var rowLeftmosts: [Int] = []
            for cells in byRow {
                var rowLeftmost: Int? = nil
                for cell in cells.sorted(by: { $0.column < $1.column }) {
                    let index = labels.count
                    labels.append(.cell(rowSpan: cell.rowSpan, colSpan: cell.colSpan, text: alphabet.encode(cell.text)))
                    leftmost.append(index)
                    if rowLeftmost == nil { rowLeftmost = index }
                }
                let index = labels.count
                labels.append(.row)
                leftmost.append(rowLeftmost ?? index)
                rowLeftmosts.append(rowLeftmost ?? index)
            }
            labels.append(.table)
            leftmost.append(rowLeftmosts.first ?? labels.count - 1)
            firstChildOfParent = leftmost
            // Key roots: for each distinct leftmost leaf, the highest node having it.
            var highest: [Int: Int] = [:]
            for i in 0..<labels.count { highest[firstChildOfParent[i]] = i }
            keyRoots = highest.values.sorted()
        }
    }

    private static func renameCost(_ a: Tree.Label, _ b: Tree.Label) -> Double {
        switch (a, b) {
        case (.table, .table), (.row, .row): return 0
        case let (.cell(ra, ca, ta), .cell(rb, cb, tb)):
            if ra != rb || ca != cb { return 1 }
            return normalizedLevenshtein(ta, tb)
        default: return 1
        }
    }

    /// The Levenshtein distance of two texts (in characters) over the longer one's length.
    static func normalizedLevenshtein(_ a: [Character], _ b: [Character]) -> Double {
        var alphabet = Alphabet()
        return normalizedLevenshtein(alphabet.encode(String(a)), alphabet.encode(String(b)))
    }

    static func normalizedLevenshtein(_ a: [Int32], _ b: [Int32]) -> Double {
        if a == b { return 0 }
        if a.isEmpty || b.isEmpty { return 1 }
        // A common prefix and suffix cost nothing: the quadratic table covers only the middle
        // (long cells that differ in a few characters are compared in linear time).
        var lo = 0
        while lo < a.count && lo < b.count && a[lo] == b[lo] { lo += 1 }
        var endA = a.count, endB = b.count
        while endA > lo && endB > lo && a[endA - 1] == b[endB - 1] { endA -= 1; endB -= 1 }
        let x = a[lo..<endA], y = b[lo..<endB]
        let longest = Double(max(a.count, b.count))
        if x.isEmpty || y.isEmpty { return Double(max(x.count, y.count)) / longest }
        let columns = Array(y)
        var previous = Array(0...columns.count)
        var current = Array(repeating: 0, count: columns.count + 1)
        previous.withUnsafeMutableBufferPointer { first in
            current.withUnsafeMutableBufferPointer { second in
                columns.withUnsafeBufferPointer { cb in
                    var above = first, here = second   // rows alternate between the two buffers
                    var i = 0
                    for ca in x {
                        i += 1
                        here[0] = i
                        var left = i
                        var diagonal = above[0]
                        for j in 0..<cb.count {
                            let up = above[j + 1]
                            let best = min(min(up, left) + 1, diagonal + (ca == cb[j] ? 0 : 1))
                            here[j + 1] = best
                            left = best
                            diagonal = up
                        }
                        swap(&above, &here)
                    }
                }
            }
        }
        // The last row written is in `previous` after an even number of rows, else in `current`.
        return Double(x.count % 2 == 0 ? previous[columns.count] : current[columns.count]) / longest
    }

    /// Zhang–Shasha tree edit distance.
    static func distance(_ a: Tree, _ b: Tree) -> Double {
        let n = a.count, m = b.count
        if n == 0 { return Double(m) }
        if m == 0 { return Double(n) }
        var treeDist = Array(repeating: 0.0, count: n * m)
        var forest = Array(repeating: 0.0, count: (n + 1) * (m + 1))
        let stride = m + 1
        for i in a.keyRoots {
            for j in b.keyRoots {
                let li = a.leftmost[i], lj = b.leftmost[j]
                let rows = i - li + 2, cols = j - lj + 2
                // forest[x][y]: distance between a[li..li+x-1] and b[lj..lj+y-1].
                forest[0] = 0
                for x in 1..<rows { forest[x * stride] = forest[(x - 1) * stride] + 1 }
                for y in 1..<cols { forest[y] = forest[y - 1] + 1 }
                for x in 1..<rows {
                    let ai = li + x - 1
                    for y in 1..<cols {
                        let bj = lj + y - 1
                        let delete = forest[(x - 1) * stride + y] + 1
                        let insert = forest[x * stride + y - 1] + 1
                        if a.leftmost[ai] == li && b.leftmost[bj] == lj {
                            let rename = forest[(x - 1) * stride + y - 1] + renameCost(a.labels[ai], b.labels[bj])
                            let d = min(delete, insert, rename)
                            forest[x * stride + y] = d
                            treeDist[ai * m + bj] = d
                        } else {
                            let px = a.leftmost[ai] - li, py = b.leftmost[bj] - lj
                            let subtree = forest[px * stride + py] + treeDist[ai * m + bj]
                            forest[x * stride + y] = min(delete, insert, subtree)
                        }
                    }
                }
            }
        }
        return treeDist[(n - 1) * m + (m - 1)]
    }
}
