import Foundation
import Testing
import RegridKit
import RegridFixtures

/// The issue's own yardstick: report-like tables. Generated 政府信息公开 reports (both layouts,
/// wording variants, an unknown extra table in some) are read from DOCX, flattened the Tika DOM
/// way (cell per line) and the SAX way (row per line) by ``FlatTextWriter``, and read back by the
/// flat-text reader with its *general* reconstruction only (no layout templates are applied by
/// `Regrid.read`). Scored with TEDS and exact equality against the DOCX tables, next to a naive
/// reading (cells left to right, no spans) of the same text.
@Suite struct ReportLikeScoringTests {
    static let reports: [DisclosureReportGenerator.Options] = (0..<12).map { (i: Int) -> DisclosureReportGenerator.Options in
        let layout = i % 2 == 0 ? "2019" : "2021"
        let seed = UInt64(7000 + i)
        return DisclosureReportGenerator.Options(layout: layout, seed: seed, variants: i % 4 != 1, unknownTable: i % 3 == 0)
    }

    /// Cells left to right, each 1 × 1, rows padded to the widest: what a reader without span inference gives.
    static func naive(_ table: Table) -> Table {
        var raw = RawTable()
        for r in 0..<table.rows {
            // What the flattened text holds for this row: the cells that start in it, plus an
            // empty cell for every vertical continuation (Tika writes those as empty cells).
            let starting = table.cells.filter { $0.row == r || ($0.row < r && r < $0.row + $0.rowSpan) }
                .sorted { $0.column < $1.column }
            raw.rows.append(RawRow(cells: starting.map { RawCell(text: $0.row == r ? $0.text : "") }))
        }
        return (try? GridAssembler().assemble(raw, id: table.id)) ?? table
    }

    static func sketch(_ t: Table) -> String {
        t.cells.map { "[\($0.row),\($0.column) \($0.rowSpan)x\($0.colSpan)] \($0.text.prefix(14).replacingOccurrences(of: "\n", with: "⏎"))" }
            .chunked(by: t).joined(separator: "\n")
    }

    @Test func generalReconstructionOnReportLikeTables() throws {
        var scores: [String: CorpusScoring.Score] = [:]
        for options in Self.reports {
            let generated = DisclosureReportGenerator(options).generate()
            let reference = try Regrid.read(bytes: generated.docx(), name: "r.docx")
            for (name, layout) in [("cell per line", FlatTextWriter.Layout.cellPerLine), ("row per line", .rowPerLine)] {
                let text = FlatTextWriter(layout: layout).write(reference)
                let read = try Regrid.read(bytes: Array(text.utf8), name: "r.txt")
                try read.validate()
                #expect(read.tables.allSatisfy { $0.layout == nil }, "Regrid.read must not apply layouts")
                let score = CorpusScoring.score(reference: reference.tables, candidate: read.tables)
                scores[name, default: .init()].add(score)
                if ProcessInfo.processInfo.environment["REGRID_REPORT_DIAG"] != nil {
                    for (i, ok) in score.exact.enumerated() where !ok && i < read.tables.count {
                        print("== \(name) seed \(options.seed) layout \(options.layout) table \(i + 1) TEDS \(score.teds[i])")
                        print(Self.sketch(reference.tables[i]) + "\n--\n" + Self.sketch(read.tables[i]))
                    }
                }
                scores["naive " + name, default: .init()].add(
                    CorpusScoring.score(reference: reference.tables, candidate: read.tables.map(Self.naive)))
            }
        }
        for key in scores.keys.sorted() {
            let s = scores[key] ?? .init()
            print(String(format: "report-like, %@: %d tables, mean TEDS %.4f, exact %.1f%%", key, s.teds.count, s.mean, 100 * s.exactShare))
        }
        let cell = try #require(scores["cell per line"]), row = try #require(scores["row per line"])
        let naiveCell = try #require(scores["naive cell per line"])
        #expect(cell.mean > naiveCell.mean + 0.1, "the reconstruction must beat a naive reading clearly")
        // Measured 0.9911 / 92.5 % (cell per line) and 0.9911 / 92.5 % (row per line).
        #expect(cell.mean >= 0.99 && cell.exactShare >= 0.9)
        #expect(row.mean >= 0.99 && row.exactShare >= 0.9)
    }
}

private extension Array where Element == String {
    /// One line per table row.
    func chunked(by table: Table) -> [String] {
        var lines: [String] = []
        var current = -1
        for (cell, text) in zip(table.cells, self) {
            if cell.row != current { lines.append(""); current = cell.row }
            lines[lines.count - 1] += text + "  "
        }
        return lines
    }
}
