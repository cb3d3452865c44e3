import Foundation
@testable import RegridKit

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
        /// No table of the text was matched with it, and the text does not hold the table as
        /// ``FlatTextWriter`` writes it (the extractor did not write it as a table).
        case unmatched
        /// No table of the text was matched with it although the text holds it as the writer
        /// writes it: the reader lost it.
        case unmatchedOurs = "unmatched by our fault"
        /// The non-empty cell texts differ: the extractor dropped or changed text (content
        /// controls, `w:caps`, nested tables, checkbox states) or the reader split or joined cells.
        case textDiffers = "text differs"
        /// Same texts, and both grids flatten to the same text: the text cannot tell them apart
        /// (a short row's merge at another cell, an empty cell vs a vertical merge, …). For a
        /// table no reading matched: the text holds it and the reader's table over its lines
        /// alike (``unmatchedLoss(_:candidates:input:)``).
        case indistinguishable
        /// Same texts, and the reader's grid would flatten to other text than the reference's
        /// and to other text than its input: a reading that could not have produced the input.
        /// (Where the reader's grid does flatten to a run of the input, the input is not what
        /// the reference flattens to — empty paragraphs the model does not keep — and the pair
        /// counts as *text differs*.)
        case readerError = "reader error"
    }

    /// A line trimmed, its inline text normalized, and a TAB kept in front when it began with
    /// one: a line that opens a cell is not the same as a body paragraph of the same text.
    /// (Without the TAB, a 1×1 table in a text box, which Tika 2.9.2 writes as bare paragraphs,
    /// counted as held by the text and so as lost by the reader.)
    static func normalizedLine(_ line: Substring) -> String {
        let text = FlatInlineText.normalize(String(line).trimmingWhitespace())
        return line.first == "\t" ? "\t" + text : text
    }

    /// The lines of a text normalized (``normalizedLine(_:)``), joined by NL, with a NL on each
    /// side (for run search).
    static func normalizedLines(_ text: String) -> String {
        "\n" + text.split(separator: "\n", omittingEmptySubsequences: false).map(normalizedLine).joined(separator: "\n") + "\n"
    }

    /// True when `table`, flattened in `layout`, is a run of whole lines of `input` (normalized),
    /// allowing blank lines after any text line and between a cell's TAB and its text: the empty
    /// paragraphs a cell may hold, which the model does not keep. A cell must start on a TAB line.
    /// So: could this table have produced this part of the input?
    static func input(_ input: String, holds table: Table, layout: FlatTextWriter.Layout) -> Bool {
        var lines = flattened(table, layout: layout).map { normalizedLine(Substring($0)) }
        // The writer ends with the table's blank line; the input may end right after the row.
        while lines.last == "" { lines.removeLast() }
        // A cell line `→X` may be `→` and X after empty first paragraphs; a text line may be
        // followed by empty paragraphs.
        let escaped = { (line: String) -> String in
            guard line.first == "\t", line.count > 1 else { return NSRegularExpression.escapedPattern(for: line) }
            return "\t\n*" + NSRegularExpression.escapedPattern(for: String(line.dropFirst()))
        }
        let pattern = "\n" + lines.map { $0.isEmpty ? "\n" : escaped($0) + "\n\n*" }.joined()
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return false }
        let text = normalizedLines(input)
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// The lines Tika writes for `table`: ``FlatTextWriter``'s, except that in cell-per-line text a
    /// cell holding a nested table is written as Tika's DOM path writes it (the cell's TAB, then
    /// the nested table in the same grammar from the same line, `→→X`, then the paragraphs after
    /// it), where the writer writes only the cell's text. (Without this, no table with a nested
    /// table could be found in its own input: `complex_tables` t1 counted as a reader error.)
    static func flattened(_ table: Table, layout: FlatTextWriter.Layout) -> [String] {
        let nested = { (cell: Cell) in cell.blocks?.contains { if case .table = $0 { true } else { false } } ?? false }
        guard layout == .cellPerLine, table.cells.contains(where: nested) else {
            return FlatTextWriter(layout: layout).write(table).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        var lines: [String] = []
        for row in FlatTextWriter.wordCells(table) {
            for (cell, _) in row {
                var cellLines: [String] = []
                if nested(cell), let blocks = cell.blocks {
                    for block in blocks {
                        switch block {
                        case .table(let inner): cellLines += flattened(inner, layout: layout)
                        case .paragraph(let p): cellLines.append(p.text)
                        case .heading(let h): cellLines.append(h.text)
                        }
                    }
                } else {
                    cellLines = cell.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                }
                lines.append("\t" + (cellLines.first ?? ""))
                lines += cellLines.dropFirst()
            }
            lines.append("")
        }
        return lines + [""]
    }

    /// Classifies a non-exact pair (see ``Loss``).
    static func loss(reference: Table, candidate: Table, input: (text: String, layout: FlatTextWriter.Layout)? = nil) -> Loss {
        let texts = { (t: Table) in t.cells.filter { !$0.isSynthetic }.map(\.text).filter { !$0.isEmpty }.sorted() }
        guard texts(reference) == texts(candidate) else { return .textDiffers }
        let writer = FlatTextWriter(layout: .cellPerLine)
        if writer.write(reference) == writer.write(candidate) { return .indistinguishable }
        guard let input else { return .readerError }
        return Self.input(input.text, holds: candidate, layout: input.layout) ? .textDiffers : .readerError
    }

    /// Why no table read matched `reference`: the extractor did not write it as a table
    /// (`.unmatched`); or the text holds it, and so does the table read over its lines (the one
    /// sharing most of its cell texts, at least half): both are readings the input could have
    /// produced, and which one is right is not in the text (`.indistinguishable`, as for matched
    /// tables whose readings flatten alike); or the text holds it and the reader's table over
    /// its lines could not have produced the input (`.unmatchedOurs`).
    static func unmatchedLoss(_ reference: Table, candidates: [Table],
                              input: (text: String, layout: FlatTextWriter.Layout)?) -> Loss {
        guard let input, Self.input(input.text, holds: reference, layout: input.layout) else { return .unmatched }
        let texts = { (t: Table) in t.cells.filter { !$0.isSynthetic }.map(\.text).filter { !$0.isEmpty } }
        let wanted = texts(reference)
        let shared = { (t: Table) -> Int in
            var pool = Dictionary(texts(t).map { ($0, 1) }, uniquingKeysWith: +)
            return wanted.filter { text in
                guard let n = pool[text], n > 0 else { return false }
                pool[text] = n - 1
                return true
            }.count
        }
        guard let over = candidates.max(by: { shared($0) < shared($1) }), shared(over) * 2 >= max(1, wanted.count),
              Self.input(input.text, holds: over, layout: input.layout) else { return .unmatchedOurs }
        return .indistinguishable
    }

    /// Matches reference and candidate tables in order (an alignment that may skip tables on
    /// either side, e.g. where Tika drops or splits one), maximizing the summed TEDS; pairs more
    /// than 4 places apart in order are not considered.
    ///
    /// Both sides are compared on their minimal grids (``Table/withMinimalGrid()``): Word often
    /// declares grid columns that no cell boundary needs, which text cannot carry and which are
    /// not structure.
    static func score(reference rawReference: [Table], candidate rawCandidate: [Table],
                      input: (text: String, layout: FlatTextWriter.Layout)? = nil) -> Score {
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
                score.losses.append(score.exact.last == true ? nil : loss(reference: reference[i], candidate: candidate[j], input: input))
                i += 1; j += 1
            } else if j < m && best[i][j] == best[i][j + 1] {
                j += 1
            } else {
                score.teds.append(0); score.exact.append(false); score.matches.append(nil)
                score.losses.append(unmatchedLoss(reference[i], candidates: candidate, input: input))
                i += 1
            }
        }
        return score
    }
}
