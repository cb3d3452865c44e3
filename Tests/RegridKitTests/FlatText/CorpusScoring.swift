import RegridKit

/// Scores the tables read from flattened text against the tables read from the DOCX.
enum CorpusScoring {
    struct Score {
        /// One entry per reference table: TEDS of its matched table (0 when unmatched).
        var teds: [Double] = []
        var exact: [Bool] = []
        /// For each reference table, the index of the candidate table it was matched with.
        var matches: [Int?] = []
        /// For each reference table, why it is not exactly equal (nil when it is).
        var losses: [Loss?] = []
        var mean: Double { teds.isEmpty ? 1 : teds.reduce(0, +) / Double(teds.count) }
        var exactShare: Double { exact.isEmpty ? 1 : Double(exact.filter { $0 }.count) / Double(exact.count) }
        mutating func add(_ other: Score) {
            teds += other.teds; exact += other.exact; matches += other.matches; losses += other.losses
        }
        func count(_ loss: Loss) -> Int { losses.filter { $0 == loss }.count }
        /// Mean TEDS counting every table whose loss is `.indistinguishable` as exact: the best
        /// any reader of this text can be sure to reach without outside knowledge.
        var meanIfAmbiguitiesResolved: Double {
            guard !teds.isEmpty else { return 1 }
            return zip(teds, losses).map { $1 == .indistinguishable ? 1 : $0 }.reduce(0, +) / Double(teds.count)
        }
    }

    /// Why a reference table and the table read from its text differ.
    enum Loss: String, CaseIterable {
        /// No table of the text was matched with it (the extractor did not write it as a table).
        case unmatched
        /// The non-empty cell texts differ: the extractor dropped or changed text (content
        /// controls, `w:caps`, nested tables, checkbox states) or the reader split or joined cells.
        case textDiffers = "text differs"
        /// Same texts, and both grids flatten to the same text: the text cannot tell them apart
        /// (a short row's merge at another cell, an empty cell vs a vertical merge, …).
        case indistinguishable
        /// Same texts, but the reader's grid would flatten to other text than the reference's:
        /// the reconstruction is wrong where the text had the answer.
        case readerError = "reader error"
    }

    /// Classifies a non-exact pair (see ``Loss``).
    static func loss(reference: Table, candidate: Table) -> Loss {
        let texts = { (t: Table) in t.cells.filter { !$0.isSynthetic }.map(\.text).filter { !$0.isEmpty }.sorted() }
        guard texts(reference) == texts(candidate) else { return .textDiffers }
        let writer = FlatTextWriter(layout: .cellPerLine)
        return writer.write(reference) == writer.write(candidate) ? .indistinguishable : .readerError
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
                score.losses.append(score.exact.last == true ? nil : loss(reference: reference[i], candidate: candidate[j]))
                i += 1; j += 1
            } else if j < m && best[i][j] == best[i][j + 1] {
                j += 1
            } else {
                score.teds.append(0); score.exact.append(false); score.matches.append(nil); score.losses.append(.unmatched)
                i += 1
            }
        }
        return score
    }
}
