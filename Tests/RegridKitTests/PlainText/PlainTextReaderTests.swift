import Foundation
import Testing
@testable import RegridKit

/// The pieces of the plain-text path on small texts written here.
@Suite struct PlainTextReaderTests {
    static let templates: [LayoutTemplate] = { (try? LayoutLibrary.builtIn()) ?? [] }()

    static func read(_ text: String) throws -> Document {
        try Regrid.read(bytes: Array(text.utf8), name: "t.txt")
    }

    static func figures(_ table: Table, row: Int) -> [String] {
        table.cells.filter { $0.row == row && $0.column >= 3 }.sorted { $0.column < $1.column }.map { $0.isSynthetic ? "∅" : $0.text }
    }

    /// The example of issue 15: a label broken over two lines, the row's figures one line further;
    /// the two （六） rows that only the 2021 layout has.
    static let applications2021 = """
        三、收到和处理政府信息公开申请情况
        （本列数据的勾稽关系
        为：第一项加第二项之
        和，等于第三项加第四项
        之和）
        申请人情况
        自然人 法人或其他组织 总计
        商业企
        业
        科研机
        构
        社会公
        益组织
        法律服
        务机构
        其他
        一、本年新收政府信息
        公开申请数量

        0 13 0 112 0 0 125
        二、上年结转政府信息公开申请数量 1 0 0 2 0 0 3
        三、本
        年度办
        理结果
        （一）予以公开 1 3 0 1 2 1 8
        （二）部分公开
        （区分处理的，
        只计这一情形，
        不计其他情形）

        13 0 4 0 0 3 20
        （三）
        不予公
        开
        1.属于
        国家秘
        密
        0 0 1 0 0 0 1
        （六）
        其他处
        理
        1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0
        2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0
        """

    @Test func labelsBrokenOverLinesPlaceTheirRows() throws {
        let document = try Self.read(Self.applications2021)
        #expect(document.source.kind == .plainText)
        let table = try #require(document.tables.first)
        #expect(table.layout?.template == "cn-gov-disclosure-2021/applications")
        #expect(Self.figures(table, row: 3) == ["0", "13", "0", "112", "0", "0", "125"])
        #expect(Self.figures(table, row: 4) == ["1", "0", "0", "2", "0", "0", "3"])
        #expect(Self.figures(table, row: 6) == ["13", "0", "4", "0", "0", "3", "20"])
        #expect(Self.figures(table, row: 7) == ["0", "0", "1", "0", "0", "0", "1"])
        // Rows the text does not have are left empty and named.
        #expect(Self.figures(table, row: 8) == Array(repeating: "∅", count: 7))
        #expect(table.diagnostics.contains { $0.code == "row-label-missing" && $0.message.contains("2.其他法律行政法规禁止公开") })
        // The heading before the table stays a block of its own.
        #expect(document.blocks.first?.plainText == "三、收到和处理政府信息公开申请情况")
    }

    @Test func aShortRowWithoutPositionsIsNamedNotGuessed() throws {
        let text = Self.applications2021.replacingOccurrences(of: "1 0 0 2 0 0 3", with: "1 2 3")
        let table = try #require(try Self.read(text).tables.first)
        #expect(Self.figures(table, row: 4) == Array(repeating: "∅", count: 7))
        #expect(table.diagnostics.contains {
            $0.code == "row-unplaced" && $0.message.contains("二、上年结转政府信息公开申请数量") && $0.message.contains("3 figures written for 7 columns")
        })
    }

    @Test func numbersBeforeTheirLabelsAreNotTrusted() throws {
        // pdftotext without -layout writes a table's columns as separate flows.
        let text = Self.applications2021.replacingOccurrences(of: "（一）予以公开 1 3 0 1 2 1 8", with: "1 3 0 1 2 1 8\n（一）予以公开")
        let table = try #require(try Self.read(text).tables.first)
        #expect(Self.figures(table, row: 5) == Array(repeating: "∅", count: 7))
        #expect(table.diagnostics.contains { $0.code == "row-unplaced" && $0.message.contains("stands before the row's label") })
    }

    @Test func blanksArePlacedByLayoutPositions() throws {
        let text = """
            一、本年新收政府信息公   168 15  17      33    29    30   291
            开申请数量
            二、上年结转政府信息公       3   3             0     3    9
            开申请数量
            三、本 （一）予以公开       1   3       1     2     1    8
            """
        let table = try #require(try Self.read(text).tables.first)
        #expect(Self.figures(table, row: 4) == ["", "3", "3", "", "0", "3", "9"])
        #expect(Self.figures(table, row: 5) == ["", "1", "3", "1", "2", "1", "8"])
        #expect(table.diagnostics.contains { $0.code == "blanks-placed-by-position" })
    }

    @Test func unitsAndNotesAndTheWordNone() throws {
        let words = TextWords("政府集中采购 24 项 78.06 万元\n4. 无\n正当理由 无 3")
        #expect(words.words.map(\.text) == ["政府集中采购", "24项", "78.06万元", "4.", "无", "正当理由", "无", "3"])
        #expect(words.words.map(\.isFigure) == [false, true, true, false, false, false, true, true])
        let stream = LabelStream(words, normalizer: LabelNormalizer())
        var budget = 1_000
        let label = Array(LabelNormalizer().normalize("4.无正当理由").unicodeScalars)
        #expect(stream.find(label, from: 0, window: 100, budget: &budget) != nil)
    }

    @Test func interleavedFragmentsAreFoundWithinTheirSlack() {
        let normalizer = LabelNormalizer()
        // `-layout` text: the parent label's fragments stand between the row label's.
        let stream = LabelStream(TextWords("（三） 1.属于 0 0 1\n不予公 国家秘\n开 密"), normalizer: normalizer)
        var budget = 1_000
        let hit = stream.find(Array(normalizer.normalize("1.属于国家秘密").unicodeScalars), from: 0, window: 100, budget: &budget)
        #expect(hit?.start == 3)
        // Too far apart is no match.
        let spread = LabelStream(TextWords("1.属于 一二三四五六七八九十一二三四五六七八九十 国家秘密"), normalizer: normalizer)
        #expect(spread.find(Array(normalizer.normalize("1.属于国家秘密").unicodeScalars), from: 0, window: 100, budget: &budget) == nil)
    }

    @Test func columnPlacementKeepsOrderAndRefusesStrays() {
        let columns = [ColumnPlacement.Extent(14, 17), .init(18, 20), .init(22, 24), .init(30, 32)]
        #expect(ColumnPlacement.place([.init(18, 19), .init(30, 31)], columns: columns) == [1, 3])
        #expect(ColumnPlacement.place([.init(13, 14)], columns: columns) == [0])
        #expect(ColumnPlacement.place([.init(26, 27)], columns: columns) == nil)   // in a gutter
        #expect(ColumnPlacement.columns([[.init(1, 5), .init(4, 8)]], count: 2) == nil)   // overlapping columns
    }

    @Test func textWithoutLayoutsStaysFlatText() throws {
        let document = try Self.read("一、总体情况\n本年度共收到申请 12 件。\n")
        #expect(document.source.kind == .flatText)
        #expect(document.tables.isEmpty)
    }
}
