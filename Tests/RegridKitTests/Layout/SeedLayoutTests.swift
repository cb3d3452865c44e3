import Testing
import RegridKit

/// The seed report (layout 2019, with the known 科研机构 imbalance), read by a naive parser
/// that leaves every span wrong: the layouts must still settle the tables and the checks must
/// find exactly the two stated failures.
@Suite struct SeedLayoutTests {
    @Test func seedThroughNaiveParserMatchesThe2019Layouts() throws {
        guard let text = LayoutTestSupport.seedText() else {
            print("skipped: ../shared/\(LayoutTestSupport.seedPath) is not available")
            return
        }
        let (document, report) = LayoutTestSupport.extract(try TikaDOMTestParser.parse(text))
        try document.validate()
        #expect(document.tables.map { $0.layout?.template } == [
            "cn-gov-disclosure-2019/proactive", "cn-gov-disclosure-2019/applications", "cn-gov-disclosure-2019/review_litigation",
        ])
        try SeedExpectations.verify(report, document: document)
    }
}

/// What the seed must give, whichever reader read it (`spec/cn-gov-disclosure.md` §5, seed row).
enum SeedExpectations {
    static func verify(_ report: DisclosureReport, document: Document) throws {
        #expect(report.layout == "2019")
        #expect(report.agency == "西宁市湟中区统计局")
        #expect(report.year == 2020)
        // 22 + 161 + 15 figures, all read.
        #expect(report.figures.filter { $0.table == .proactive }.count == 22)
        #expect(report.figures.filter { $0.table == .applications }.count == 161)
        #expect(report.figures.filter { $0.table == .reviewLitigation }.count == 15)
        #expect(report.figures.allSatisfy { $0.value != nil })
        // The only non-zero figure in the seed is 科研机构 of row 一.
        let nonZero = report.figures.filter { $0.value != 0 }
        #expect(nonZero.count == 1)
        #expect(nonZero.first?.row == ["一、本年新收政府信息公开申请数量"])
        #expect(nonZero.first?.column == ["申请人情况", "法人或其他组织", "科研机构"])
        #expect(nonZero.first?.value == 8)
        #expect(report.value(.proactive, row: ["第二十条第（九）项", "政府集中采购"], column: ["第二十条第（九）项", "采购总金额"]) == 0)
        #expect(report.figures.first { $0.column.last == "采购总金额" }?.text == "0万元")
        #expect(report.figures.first { $0.column.last == "采购项目数量" }?.text == "0项")
        // Exactly two failures: the balance of 科研机构 and the 总计 of row 一.
        let failures = report.failures
        #expect(failures.count == 2)
        let balance = failures.first { $0.rule == "T3_balance_per_column" }
        #expect(balance?.column == ["申请人情况", "法人或其他组织", "科研机构"])
        #expect(balance?.expected == 8)
        #expect(balance?.actual == 0)
        let rowTotal = failures.first { $0.rule == "T3_row_total_is_sum_of_applicants" }
        #expect(rowTotal?.row == ["一、本年新收政府信息公开申请数量"])
        #expect(rowTotal?.actual == 0)
        #expect(rowTotal?.expected == 8)
        // Every rule was evaluated everywhere: 7 balance + 23 row totals + 7 outcome sums + 3 table-四 totals.
        #expect(report.checks.count == 7 + 23 + 7 + 3)
        #expect(!report.diagnostics.contains { $0.code == "check-skipped" })
        // Cell text stays as written: the header keeps its line break.
        let proactive = document.tables[0]
        #expect(proactive.cell(coveringRow: 1, column: 1)?.text == "本年新\n制作数量")
        // The 1 + 2 placement of block （九）: the last value cell spans the remaining two columns.
        let amount = proactive.cells.first { $0.row == 17 && $0.column == 2 }
        #expect(amount?.colSpan == 2)
        #expect(amount?.text == "0万元")
    }
}
