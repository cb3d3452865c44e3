import Foundation
import Testing
@testable import RegridKit

/// Figures of a row with blank cells placed under the table's own header cells, where no row on
/// the page has all its figures (table 四 has one figure row): exactly, or not at all.
@Suite struct HeaderColumnsTests {
    static let folder = SharedCorpus.repositoryRoot.appendingPathComponent("Tests/RegridKitTests/Fixtures/pdf-text")

    static func tableFour(_ bytes: [UInt8], name: String) throws -> Table {
        let document = try Regrid.read(bytes: bytes, name: name)
        try document.validate()
        return try #require(document.tables.first { $0.layout?.template.hasSuffix("review_litigation") == true })
    }

    static func figureRow(_ table: Table) -> [String] {
        table.cells.filter { $0.row == 3 }.sorted { $0.column < $1.column }.map { $0.isSynthetic ? "∅" : $0.text }
    }

    static func fixture(_ file: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(file)))
    }

    /// The reports that leave zeros blank: vertical header labels (one character a line) over
    /// narrow columns; in flat-2021-a a page break cuts the header, so only the ends of the labels
    /// stand on the figures' page and the three 总计 columns are placed between their neighbours.
    @Test(arguments: [
        ("flat-2019-a.layout.txt", "1 2 3 0 6 3 0 _ 1 4 0 3 0 7 10"),
        ("flat-2019-b.layout.txt", "— _ 9 6 15 _ 0 5 _ 10 6 3 1 — 10"),
        ("flat-2021-a.layout.txt", "5 6 _ 0 11 0 4 7 9 24 _ 0 5 _ 5"),
    ] + (PDFReader.isAvailable ? [("flat-2021-a.pdf", "5 6 _ 0 11 0 4 7 9 24 _ 0 5 _ 5"),
                                  ("flat-2019-b.pdf", "— _ 9 6 15 _ 0 5 _ 10 6 3 1 — 10")] : []))
    func tableFourWithBlanksIsPlacedUnderItsHeader(_ file: String, _ expected: String) throws {
        let table = try Self.tableFour(try Self.fixture(file), name: file)
        #expect(Self.figureRow(table).map { $0.isEmpty ? "_" : $0 }.joined(separator: " ") == expected)
        #expect(table.diagnostics.contains { $0.code == "blanks-placed-by-position" && $0.message.contains("header's cells") })
        #expect(!table.diagnostics.contains { $0.code == "row-unplaced" })
    }

    /// A figure moved into the gutter between two columns' header labels belongs to neither: the
    /// whole row stays empty with its warning.
    @Test func aFigureInAGutterLeavesTheRowUnplaced() throws {
        let text = String(decoding: try Self.fixture("flat-2019-a.layout.txt"), as: UTF8.self)
        let row = "1  2  3  0 6  3  0     1        4    0  3    0    7        10"
        #expect(text.contains(row))
        let moved = text.replacingOccurrences(of: row, with: " 1 2  3  0 6  3  0     1        4    0  3    0    7        10")
        let table = try Self.tableFour(Array(moved.utf8), name: "moved.txt")
        #expect(Self.figureRow(table).allSatisfy { $0 == "∅" })
        #expect(table.diagnostics.contains { $0.code == "row-unplaced" && $0.message.contains("header's cells do not place them") })
    }

    /// Flowing text (one space between figures) keeps no positions, whatever its header says.
    @Test func flowingTextIsNotPlacedByPosition() throws {
        let text = String(decoding: try Self.fixture("flat-2019-a.layout.txt"), as: UTF8.self)
            .replacingOccurrences(of: "1  2  3  0 6  3  0     1        4    0  3    0    7        10", with: "1 2 3 0 6 3 0 1 4 0 3 0 7 10")
        let table = try Self.tableFour(Array(text.utf8), name: "flowing.txt")
        #expect(Self.figureRow(table).allSatisfy { $0 == "∅" })
        #expect(table.diagnostics.contains { $0.code == "row-unplaced" && $0.message.contains("keeps no column positions") })
    }

    @Test func stacksReadVerticalLabelsAndStopUnderSpanningOnes() {
        let text = """
            行政复议      总
            结  结      计
            果  果
            维  纠
            持  正
            """
        let words = TextWords(text)
        let stacks = HeaderColumns.stacks(words, lines: 0..<5, page: 0, normalizer: LabelNormalizer())
        // 行政复议 spans both columns below it: it stands alone, and each column reads its own label.
        #expect(stacks.map(\.text) == ["行政复议", "结果维持", "结果纠正", "总计"])
        #expect(stacks.map(\.extent.start) == [0, 0, 3, 10])
    }

    /// A header cut by a page break: on the figures' page a stack starting on the page's first
    /// line with words (a blank line after the form feed or not) continues a label begun above.
    @Test func stacksOnAPageThatContinuesTheHeader() {
        for text in ["结  总\n\u{0C}\n果  计\n维", "结  总\n\u{0C}果  计\n维"] {
            let words = TextWords(text)
            let stacks = HeaderColumns.stacks(words, lines: 0..<words.lines.count, page: 1, normalizer: LabelNormalizer())
            #expect(stacks.map(\.text) == ["果维", "计"])
            #expect(stacks.allSatisfy { $0.continuesFromPreviousPage })
        }
        let whole = HeaderColumns.stacks(TextWords("结  总\n果  计"), lines: 0..<2, page: 0, normalizer: LabelNormalizer())
        #expect(whole.map(\.text) == ["结果", "总计"])
        #expect(!whole.contains { $0.continuesFromPreviousPage })
    }

    @Test func anchorsNeedOneWayToMapTheLabels() {
        let a = HeaderColumns.Stack(text: "结果维持", extent: .init(0, 1), continuesFromPreviousPage: false)
        let b = HeaderColumns.Stack(text: "总计", extent: .init(5, 6), continuesFromPreviousPage: false)
        // Two columns read the same label and one stack reads it: which column is not known.
        #expect(HeaderColumns.anchors(stacks: [a], labels: ["结果维持", "结果维持"]) == nil)
        #expect(HeaderColumns.anchors(stacks: [a, b], labels: ["结果维持", "其他", "总计"]) == [.init(0, 1), nil, .init(5, 6)])
        // The end of a label only counts on a page that continues the header.
        let end = HeaderColumns.Stack(text: "计", extent: .init(5, 6), continuesFromPreviousPage: true)
        #expect(HeaderColumns.anchors(stacks: [end], labels: ["结果维持", "总计"]) == [nil, .init(5, 6)])
        #expect(HeaderColumns.anchors(stacks: [HeaderColumns.Stack(text: "计", extent: .init(5, 6), continuesFromPreviousPage: false)],
                                      labels: ["结果维持", "总计"]) == nil)
    }

    @Test func placementIsExactOrNothing() {
        let anchors: [ColumnPlacement.Extent?] = [.init(0, 1), nil, .init(8, 9), nil, nil, .init(20, 21)]
        // Under an anchor, or between two anchors with one free column between them.
        #expect(HeaderColumns.place([.init(0, 1), .init(4, 5), .init(8, 10), .init(20, 22)], anchors: anchors) == [0, 1, 2, 5])
        // Between two anchors with two free columns: ambiguous.
        #expect(HeaderColumns.place([.init(14, 15)], anchors: anchors) == nil)
        // Overlapping two anchors, or out of order: refused.
        #expect(HeaderColumns.place([.init(0, 9)], anchors: anchors) == nil)
        #expect(HeaderColumns.place([.init(8, 9), .init(0, 1)], anchors: anchors) == nil)
        // Beyond the last anchor with one free column after it.
        #expect(HeaderColumns.place([.init(30, 31)], anchors: [.init(0, 1), nil]) == [1])
    }
}
