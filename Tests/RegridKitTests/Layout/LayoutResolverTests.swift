import Testing
import RegridKit
import RegridFixtures

@Suite struct LayoutResolverTests {
    /// A generated report in the model, tables as the generator wrote them.
    func generated(_ layout: String, seed: UInt64, variants: Bool = true, unknownTable: Bool = false) throws -> Document {
        try DisclosureReportGenerator(.init(layout: layout, seed: seed, variants: variants, unknownTable: unknownTable))
            .generate().word.modelDocument(name: "g.docx")
    }

    func table(_ document: Document, _ index: Int) -> Table { document.tables[index] }

    @Test func table四AloneTakesItsVersionFromMarkersOrSaysItGuessed() throws {
        let report = try generated("2021", seed: 5)
        let four = table(report, 2)
        let alone = Document(source: report.source, blocks: [.paragraph(Paragraph(text: "说明")), .table(four)])
        let guessed = LayoutTestSupport.resolver.resolve(alone)
        #expect(guessed.tables[0].layout != nil)
        #expect(guessed.tables[0].diagnostics.contains { $0.code == "layout-version-from-document" && $0.severity == .warning })

        let marked = Document(source: report.source, blocks: [.paragraph(Paragraph(text: "本年制发件数 为 3 件")), .table(four)])
        let decided = LayoutTestSupport.resolver.resolve(marked)
        #expect(decided.tables[0].layout?.template == "cn-gov-disclosure-2021/review_litigation")
        #expect(decided.tables[0].diagnostics.contains { $0.code == "layout-version-from-document" && $0.severity == .info })
    }

    @Test func theVersionComesFromContentNotTheYear() throws {
        // A 2022 report in the 2019 layout.
        let g = DisclosureReportGenerator(.init(layout: "2019", seed: 9, year: 2022)).generate()
        let (document, report) = LayoutTestSupport.extract(try g.word.modelDocument(name: "g.docx"))
        #expect(report.year == 2022)
        #expect(report.layout == "2019")
        #expect(document.tables.allSatisfy { $0.layout?.template.hasPrefix("cn-gov-disclosure-2019/") == true })
    }

    @Test func aTableWithTextTheLayoutCannotHoldIsLeftAsReadWithANearMiss() throws {
        let report = try generated("2019", seed: 7, variants: false)
        var proactive = table(report, 0)
        // An extra row the format does not have (seen in a Hubei report: 其他主動公開檔案).
        let r = proactive.rows
        proactive.cells += [Cell(row: r, column: 0, text: "其他主动公开文件"), Cell(row: r, column: 1, text: "3"),
                            Cell(row: r, column: 2, text: "4"), Cell(row: r, column: 3, text: "5")]
        proactive.rows += 1
        try proactive.validate()
        let resolved = LayoutTestSupport.resolver.resolve(Document(source: report.source, blocks: [.table(proactive)]))
        #expect(resolved.tables[0].layout == nil)
        #expect(resolved.tables[0].cells == proactive.cells)
        #expect(resolved.tables[0].diagnostics.contains { $0.code == "layout-near-miss" && $0.message.contains("其他主动公开文件") })
    }

    @Test func aMissingLabelLowersConfidenceAndIsReported() throws {
        let report = try generated("2019", seed: 8, variants: false)
        var three = table(report, 1)
        // Drop the 申请人情况 header text.
        three.cells = three.cells.map { $0.text == "申请人情况" ? Cell(row: $0.row, column: $0.column, rowSpan: $0.rowSpan, colSpan: $0.colSpan, text: "") : $0 }
        let resolved = LayoutTestSupport.resolver.resolve(Document(source: report.source, blocks: [.table(three)]))
        let t = resolved.tables[0]
        #expect(t.layout?.template == "cn-gov-disclosure-2019/applications")
        #expect((t.layout?.confidence ?? 1) < 1)
        #expect(t.diagnostics.contains { $0.code == "layout-label-mismatch" && $0.cell == [0, 3] })
    }

    @Test func unrelatedAndHostileTablesGetNoLayout() throws {
        let source = Source(name: "x", kind: .flatText)
        let empty = Table(id: "t1", rows: 0, columns: 0, cells: [])
        let numbers = Table(id: "t2", rows: 1, columns: 15, cells: (0..<15).map { Cell(row: 0, column: $0, text: "\($0)") })
        let labelsOnly = Table(id: "t3", rows: 1, columns: 3, cells: [
            Cell(row: 0, column: 0, text: "行政复议"), Cell(row: 0, column: 1, text: "行政诉讼"), Cell(row: 0, column: 2, text: "总计")])
        let wide = Table(id: "t4", rows: 1, columns: 6000, cells: (0..<6000).map { Cell(row: 0, column: $0, text: "总计") })
        let document = Document(source: source, blocks: [.table(empty), .table(numbers), .table(labelsOnly), .table(wide)])
        let resolved = LayoutTestSupport.resolver.resolve(document)
        #expect(resolved.tables.allSatisfy { $0.layout == nil })
        #expect(resolved.tables.map(\.cells) == document.tables.map(\.cells))
        let report = DisclosureExtractor(templates: LayoutTestSupport.resolver.templates).extract(resolved)
        #expect(report.layout == nil && report.figures.isEmpty && report.checks.isEmpty)
        #expect(report.diagnostics.contains { $0.code == "layout-none" })
    }

    @Test func anUnreadableFigureIsReportedAndItsChecksSkipped() throws {
        let report = try generated("2021", seed: 12, variants: false)
        var four = table(report, 2)
        // A word where the 行政复议 总计 figure should be.
        four.cells = four.cells.map { $0.row == 3 && $0.column == 4 ? Cell(row: 3, column: 4, text: "见附件") : $0 }
        let doc = Document(source: report.source, blocks: [.table(table(report, 0)), .table(table(report, 1)), .table(four)])
        let (resolved, extracted) = LayoutTestSupport.extract(doc)
        #expect(resolved.tables[2].layout?.template == "cn-gov-disclosure-2021/review_litigation")
        #expect(resolved.tables[2].diagnostics.contains { $0.code == "layout-figure-unreadable" })
        #expect(extracted.figures.first { $0.column == ["行政复议", "总计"] }?.value == nil)
        #expect(extracted.diagnostics.contains { $0.code == "figure-unreadable" })
        #expect(extracted.diagnostics.contains { $0.code == "check-skipped" && $0.message.contains("行政复议") })
        #expect(!extracted.checks.contains { $0.rule == "T4_totals" && $0.column == ["行政复议", "总计"] })
    }

    @Test func findingsTextNamesFileTableRowColumnAndNumbers() throws {
        guard let text = LayoutTestSupport.seedText() else { return }
        let (_, report) = LayoutTestSupport.extract(try TikaDOMTestParser.parse(text))
        let out = report.findingsText(file: "seed.txt")
        #expect(out.hasPrefix("seed.txt: layout 2019, 西宁市湟中区统计局 2020: 198 figures, 40 checks, 2 fail\n"))
        #expect(out.contains("FAIL T3_balance_per_column [applications] column 申请人情况›法人或其他组织›科研机构: expected 8, found 0"))
        #expect(out.contains("FAIL T3_row_total_is_sum_of_applicants [applications] row 一、本年新收政府信息公开申请数量, column 申请人情况›总计: expected 8, found 0"))
    }
}
