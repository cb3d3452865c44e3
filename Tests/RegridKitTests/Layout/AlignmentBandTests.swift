import Testing
@testable import RegridKit
import RegridFixtures

/// ``LayoutMatcher`` works its alignment table out only within a band of diagonals
/// (``AlignmentBand``), widened until it surely holds the optimum: these tests hold it to the
/// whole-table alignment on generated report tables damaged in the ways readers damage them
/// (cells lost, extra text and empty cells, a run of cells shifted), from well matched to far off.
@Suite struct AlignmentBandTests {
    /// A small seeded generator (SplitMix64), so that every run tries the same damage.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// `table` with `edits` random edits of its cell sequence.
    static func damaged(_ table: Table, edits: Int, rng: inout Seeded) -> Table {
        var cells = table.cells
        for _ in 0..<edits where !cells.isEmpty {
            let at = Int.random(in: 0..<cells.count, using: &rng)
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: cells.remove(at: at)
            case 1: cells.insert(Cell(row: 0, column: 0, text: ""), at: at)
            case 2: cells.insert(Cell(row: 0, column: 0, text: "另行说明的事项"), at: at)
            case 3: cells[at].text = String(Int.random(in: 0..<500, using: &rng))
            default:
                // A run of cells moved elsewhere (a row read out of place).
                let run = min(cells.count - at, Int.random(in: 1...12, using: &rng))
                let moved = Array(cells[at..<(at + run)])
                cells.removeSubrange(at..<(at + run))
                cells.insert(contentsOf: moved, at: Int.random(in: 0...cells.count, using: &rng))
            }
        }
        var result = table
        result.cells = cells
        return result
    }

    static func same(_ a: LayoutCandidate?, _ b: LayoutCandidate?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return a.template.id == b.template.id && a.confidence == b.confidence && a.labelShare == b.labelShare
            && a.assignment == b.assignment && a.droppedEmpty == b.droppedEmpty && a.unplacedText == b.unplacedText
            && a.notes == b.notes
    }

    @Test(arguments: ["2019", "2021"])
    func theBandedAlignmentIsTheWholeTableAlignment(layout: String) throws {
        let templates = try LayoutLibrary.builtIn()
        let matchers = templates.map { LayoutMatcher(template: $0) }
        var rng = Seeded(state: layout == "2019" ? 19 : 21)
        var compared = 0
        var confidences: [Double] = []
        for seed in 0..<4 {
            let document = try DisclosureReportGenerator(.init(layout: layout, seed: UInt64(seed)))
                .generate().word.modelDocument(name: "g.docx")
            for table in document.tables {
                for edits in [0, 1, 3, 8, 20, 60] {
                    let damaged = Self.damaged(table, edits: edits, rng: &rng)
                    for matcher in matchers {
                        let banded = matcher.match(damaged, prepared: PreparedTable(damaged))
                        let whole = matcher.match(damaged, prepared: PreparedTable(damaged), bandMargin: .max)
                        #expect(Self.same(banded, whole), "\(matcher.template.id), table \(table.id), \(edits) edits")
                        if let whole { compared += 1; confidences.append(whole.confidence) }
                        // Margins that need one or more widenings give the same too.
                        let narrow = matcher.match(damaged, prepared: PreparedTable(damaged), bandMargin: 0)
                        #expect(Self.same(narrow, whole), "\(matcher.template.id), table \(table.id), \(edits) edits, margin 0")
                    }
                }
            }
        }
        // The cases span exact matches to alignments far off the diagonal.
        #expect(compared > 100)
        #expect(confidences.contains(1))
        #expect(confidences.contains { $0 < 0.6 })
    }

    @Test func theBandHoldsEveryAlignmentAsCheapAsTheCost() {
        // 10 template cells, 14 source cells: the ends are diagonals 0 and 4.
        let band = AlignmentBand.holding(cost: 0, templateCells: 10, sourceCells: 14, templateSkip: 100, cheapestSourceSkip: 1)
        #expect(band.lowest <= 0 && band.highest >= 4)
        // Reaching diagonal 4 + k takes k template skips (100 each) and 4 + k source skips (1 or more).
        let wide = AlignmentBand.holding(cost: 5 * 100 + 9, templateCells: 10, sourceCells: 14, templateSkip: 100, cheapestSourceSkip: 1)
        #expect(wide.highest >= 9)
        // Going below diagonal 0 by k takes k template skips and 4 + k source skips.
        #expect(wide.lowest <= -5)
        // Never past the table.
        let all = AlignmentBand.holding(cost: 1_000_000, templateCells: 10, sourceCells: 14, templateSkip: 100, cheapestSourceSkip: 1)
        #expect(all == AlignmentBand(lowest: -10, highest: 14))
    }
}
