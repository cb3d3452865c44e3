import Foundation
import Testing
@testable import RegridKit

/// Generic tables from the gutters of `pdftotext -layout` text, on small texts written here.
@Suite struct LayoutTextColumnsTests {
    static func read(_ text: String) throws -> Document {
        let document = try Regrid.read(bytes: Array(text.utf8), name: "t.txt")
        try document.validate()
        return document
    }

    static func rows(_ table: Table) -> [[String]] {
        (0..<table.rows).map { r in table.cells.filter { $0.row == r }.map { $0.colSpan > 1 ? "\($0.text)|\($0.colSpan)" : $0.text } }
    }

    static let sales = """
        Table 1. Sales by region, in units sold during the year.

                             Sales                   Returns
        Region          2019       2020          2019       2020
        North            120        130             4          5
        South            200        210             6          7
        Far east and      80         90             1          2
        other areas
        Total            400        430            11         14

        This paragraph is prose after the table and it goes on for a while.
        """

    @Test func columnsWrappedLabelsAndCentredHeaderSpans() throws {
        let document = try Self.read(Self.sales)
        #expect(document.source.kind == .plainText)
        #expect(document.tables.count == 1)
        let table = try #require(document.tables.first)
        #expect(Self.rows(table) == [
            ["", "Sales|2", "Returns|2"],
            ["Region", "2019", "2020", "2019", "2020"],
            ["North", "120", "130", "4", "5"],
            ["South", "200", "210", "6", "7"],
            ["Far east and other areas", "80", "90", "1", "2"],
            ["Total", "400", "430", "11", "14"],
        ])
        #expect(table.headerRows == 1)
        #expect(table.layout == nil)
        #expect(table.diagnostics.first?.code == "table-from-gutters")
        #expect(table.diagnostics.filter { $0.code == "span-inferred" }.count == 2)
        // Text outside the table stays paragraphs, in order.
        guard case .paragraph(let caption) = document.blocks.first else { Issue.record("no caption paragraph"); return }
        #expect(caption.text.hasPrefix("Table 1."))
        guard case .paragraph(let after) = document.blocks.last else { Issue.record("no paragraph after the table"); return }
        #expect(after.text.hasPrefix("This paragraph"))
    }

    /// CJK characters are two columns wide; a caption apart above the table is not a row; a
    /// label wrapped upwards (its figures on its last line) joins its figures' row.
    @Test func cjkDisplayWidthCaptionAndLabelWrappedUpwards() throws {
        let text = """
            附表  收支情况

                                本年                  上年
            项目          收入      支出        收入      支出
            一般公共
            预算            120        80         110        70
            政府性基金       40        30          35        25
            合计            160       110         145        95
            """
        let document = try Self.read(text)
        let table = try #require(document.tables.first)
        #expect(Self.rows(table) == [
            ["", "本年|2", "上年|2"],
            ["项目", "收入", "支出", "收入", "支出"],
            ["一般公共预算", "120", "80", "110", "70"],
            ["政府性基金", "40", "30", "35", "25"],
            ["合计", "160", "110", "145", "95"],
        ])
        #expect(table.headerRows == 2)
        guard case .paragraph(let caption) = document.blocks.first else { Issue.record("no caption paragraph"); return }
        #expect(caption.text == "附表  收支情况")
    }

    /// Two-column prose and an aligned list are not tables.
    @Test func proseAndListsAreNotTables() throws {
        let text = """
            The committee met on Tuesday and          the budget was approved after a long
            discussed the proposals at length,        debate about the new library and the
            with several members raising points       park; the vote was seven to two.
            about the cost of the new building.       Members thanked the staff for work.

            Shopping list:
              1.  apples          for the pie
              2.  flour           two bags
              3.  butter          unsalted
              4.  eggs            a dozen
            """
        #expect(try Self.read(text).tables.isEmpty)
        #expect(try PlainTextReader().recover(bytes: Array(text.utf8), name: "t.txt") == nil)
    }

    @Test func displayWidthAndGutters() {
        let line = LayoutTextLine("项目  收入 支出    a b   12")
        #expect(line.segments.map(\.text) == ["项目", "收入", "支出", "a b", "12"])
        #expect(line.segments.map(\.start) == [0, 6, 11, 19, 25])
        #expect(line.width == 27)
    }

    /// A region the known layouts took is not read again: in our reports' `-layout` text every
    /// known table keeps its layout, and the generic tables lie outside them.
    @Test func knownLayoutsKeepPriority() throws {
        let url = PDFTextFixtureTests.folder.appendingPathComponent("pdf-2019-d.layout.txt")
        let bytes = Array(try Data(contentsOf: url))
        let both = try #require(try PlainTextReader().recover(bytes: bytes, name: "r.txt"))
        let knownOnly = try #require(try PlainTextReader(genericTables: false).recover(bytes: bytes, name: "r.txt"))
        let known = both.tables.filter { $0.layout != nil }
        #expect(known.count == knownOnly.tables.count)
        for (a, b) in zip(known, knownOnly.tables) {
            #expect(a.cells == b.cells && a.layout == b.layout && a.diagnostics == b.diagnostics)
        }
        for table in both.tables where table.layout == nil {
            #expect(table.diagnostics.first?.code == "table-from-gutters")
        }
    }
}
