import RegridKit

/// Scores the tables read from flattened text against the tables read from the DOCX.
enum CorpusScoring {
    struct Score {
        /// One entry per reference table: TEDS of its matched table (0 when unmatched).
        var teds: [Double] = []
        var exact: [Bool] = []
        /// For each reference table, the index of the candidate table it was matched with.
        var matches: [Int?] = []
        var mean: Double { teds.isEmpty ? 1 : teds.reduce(0, +) / Double(teds.count) }
        var exactShare: Double { exact.isEmpty ? 1 : Double(exact.filter { $0 }.count) / Double(exact.count) }
        mutating func add(_ other: Score) { teds += other.teds; exact += other.exact; matches += other.matches }
    }

    /// Matches reference and candidate tables in order (an alignment that may skip tables on
    /// either side, e.g. where Tika drops or splits one), maximizing the summed TEDS; pairs more
    /// than 4 places apart in order are not considered.
    ///
    /// Both sides are compared on their minimal grids (``Table/withMinimalGrid()``): Word often
    /// declares grid columns that no cell boundary needs, which text cannot carry and which are
    /// not structure.
    static func score(reference rawReference: [Table], candidate rawCandidate: [Table]) -> Score {
        let reference = rawReference.map { $0.withMinimalGrid() }
        let candidate = rawCandidate.map { $0.withMinimalGrid() }
        let n = reference.count, m = candidate.count
        var sim = Array(repeating: Array(repeating: 0.0, count: m), count: n)
        for i in 0..<n {
            for j in 0..<m where abs(i - j) <= 4 { sim[i][j] = TEDS.similarity(reference[i], candidate[j]) }
        }
        var best = Array(repeating: Array(repeating: 0.0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                best[i][j] = max(best[i + 1][j], best[i][j + 1], sim[i][j] + best[i + 1][j + 1])
            }
        }
        var score = Score()
        var i = 0, j = 0
        while i < n {
            if j < m && best[i][j] == sim[i][j] + best[i + 1][j + 1] && sim[i][j] > 0 {
                score.teds.append(sim[i][j])
                score.exact.append(TEDS.exactlyEqual(reference[i], candidate[j]))
                score.matches.append(j)
                i += 1; j += 1
            } else if j < m && best[i][j] == best[i][j + 1] {
                j += 1
            } else {
                score.teds.append(0); score.exact.append(false); score.matches.append(nil)
                i += 1
            }
        }
        return score
    }
}
