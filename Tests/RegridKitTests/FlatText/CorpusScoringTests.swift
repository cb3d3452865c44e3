import Testing
@testable import RegridKit

/// The loss classes of ``CorpusScoring`` on small inputs whose answer is known.
@Suite struct CorpusScoringTests {
    /// A cell holding a nested table is found in its input as Tika writes it (`→→x1`, the nested
    /// rows, its blank lines), and not where the nested cells differ.
    @Test func aTableWithANestedTableIsFoundInItsInput() throws {
        let input = "\tName\n\tValue\n\n\t\tx1\n\tx2\n\n\ty1\n\ty2\n\n\n\n\tEnd\n\n\n"
        let doc = try FlatTextReader().read(bytes: Array(input.utf8), name: "nested.txt")
        let table = try #require(doc.tables.first)
        #expect(table.cells.contains { $0.blocks != nil }, "the nested table was not read as one")
        #expect(CorpusScoring.input(input, holds: table, layout: .cellPerLine))
        let other = input.replacingOccurrences(of: "\ty1\n", with: "\tq1\n")
        #expect(!CorpusScoring.input(other, holds: table, layout: .cellPerLine))
    }

    /// A table no reading matched is the reader's fault only when the text holds it and the
    /// reader's table over its lines could not have produced the input; when both readings fit
    /// the text, it is indistinguishable; when the text does not hold it, unmatched.
    @Test func anUnmatchedTableIsOursOnlyWhenTheReadingCouldNotProduceTheInput() throws {
        let input = "\ta\n\tb\n\n\tc\n\td\n\n\te\n\tf\n\n\n"
        let build = { (rows: [[String]]) in try FlatTableReconstruction().table(rows: rows, id: "t") }
        let reference = try build([["a", "b"], ["c", "d"]])
        let longer = try build([["a", "b"], ["c", "d"], ["e", "f"]])
        // One row of six cells fits too (b and d ending in an empty paragraph); cells out of
        // their order do not.
        let joined = try build([["a", "b", "c", "d", "e", "f"]])
        let reordered = try build([["a", "c"], ["b", "d"], ["e", "f"]])
        let text = (input, FlatTextWriter.Layout.cellPerLine)
        #expect(CorpusScoring.unmatchedLoss(reference, candidates: [longer], input: text) == .indistinguishable)
        #expect(CorpusScoring.unmatchedLoss(reference, candidates: [joined], input: text) == .indistinguishable)
        #expect(CorpusScoring.unmatchedLoss(reference, candidates: [reordered], input: text) == .unmatchedOurs)
        let absent = try build([["x", "y"], ["c", "d"]])
        #expect(CorpusScoring.unmatchedLoss(absent, candidates: [longer], input: text) == .unmatched)
    }
}
