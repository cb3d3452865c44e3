import Foundation
import Testing
import RegridKit
import RegridFixtures

/// Whether the real readers are built yet (they land from their own branches); the tests below
/// run as soon as a reader gives tables for an input that has them.
enum ReaderAvailability {
    static let docx: Bool = {
        guard let bytes = try? DisclosureReportGenerator(.init(layout: "2019", seed: 1)).generate().docx(),
              let document = try? Regrid.read(bytes: bytes, name: "probe.docx") else { return false }
        return document.tables.count == 3
    }()

    static let flatText: Bool = {
        let probe = "标题\n\t甲\n\t乙\n\n\t1\n\t2\n\n\n"
        guard let document = try? Regrid.read(bytes: Array(probe.utf8), name: "probe.txt") else { return false }
        return !document.tables.isEmpty
    }()
}

/// The acceptance tests of issue 4 through the real readers.
@Suite struct RealReaderLayoutTests {
    @Test(.enabled(if: ReaderAvailability.flatText, "the flattened-text reader is not built yet"))
    func seedThroughTheFlatTextReader() throws {
        guard let root = SharedCorpus.root else {
            print("skipped: ../shared is not available")
            return
        }
        let bytes = try Array(Data(contentsOf: root.appendingPathComponent(LayoutTestSupport.seedPath)))
        let (document, report) = LayoutTestSupport.extract(try Regrid.read(bytes: bytes, name: "seed.txt"))
        try document.validate()
        #expect(document.tables.compactMap { $0.layout?.template } == [
            "cn-gov-disclosure-2019/proactive", "cn-gov-disclosure-2019/applications", "cn-gov-disclosure-2019/review_litigation",
        ])
        try SeedExpectations.verify(report, document: document)

        // The HTML report highlights exactly the figures of the two failed checks.
        let notes = report.annotations()
        let applications = try #require(document.tables.first { $0.layout?.template == "cn-gov-disclosure-2019/applications" })
        let marked = Set(notes.marks(for: applications.id).compactMap { mark in
            applications.cell(coveringRow: mark.row, column: mark.column).map { _ in
                report.figures.first { $0.tableID == applications.id && $0.cellRow == mark.row && $0.cellColumn == mark.column }
            } ?? nil
        }.map { "\($0.row.first ?? "")|\($0.column.last ?? "")" })
        // T3_balance (科研机构): rows 一, 二, （七）总计, 四 in that column; T3_row_total (row 一): its 7 columns.
        #expect(marked == Set(["一、本年新收政府信息公开申请数量|科研机构", "二、上年结转政府信息公开申请数量|科研机构",
                               "三、本年度办理结果|科研机构", "四、结转下年度继续办理|科研机构",
                               "一、本年新收政府信息公开申请数量|自然人", "一、本年新收政府信息公开申请数量|商业企业",
                               "一、本年新收政府信息公开申请数量|社会公益组织", "一、本年新收政府信息公开申请数量|法律服务机构",
                               "一、本年新收政府信息公开申请数量|其他", "一、本年新收政府信息公开申请数量|总计"]))
        #expect(notes.marks.keys.allSatisfy { $0 == applications.id })
        let page = HTMLWriter(annotations: notes).write(document)
        #expect(page.contains("mark-error"))
    }

    @Test(.enabled(if: ReaderAvailability.docx, "the DOCX reader is not built yet"), arguments: GeneratedReportTests.cases)
    func generatedDOCXThroughTheDOCXReader(_ options: DisclosureReportGenerator.Options) throws {
        let generated = DisclosureReportGenerator(options).generate()
        let read = try Regrid.read(bytes: generated.docx(), name: "generated.docx")
        let (document, report) = LayoutTestSupport.extract(read)
        try document.validate()
        let label = "docx seed \(options.seed) layout \(options.layout)"
        GeneratedReportChecks.verify(document, report, truth: generated.truth, label: label)
        GeneratedReportChecks.verifyAgainstSource(document, source: try generated.word.modelDocument(name: "g.docx"),
                                                  label: label, allowSplitDifference: true)
    }

    @Test(.enabled(if: ReaderAvailability.flatText, "the flattened-text reader is not built yet"),
          arguments: DisclosureFixtureSet.flat.map(\.name))
    func flattenedFixturesThroughTheFlatTextReader(_ name: String) throws {
        guard let options = DisclosureFixtureSet.flat.first(where: { $0.name == name })?.options else { return }
        let url = SharedCorpus.repositoryRoot.appendingPathComponent("Tests/RegridKitTests/Fixtures/cn-gov-disclosure/\(name).txt")
        let read = try Regrid.read(bytes: Array(Data(contentsOf: url)), name: "\(name).txt")
        let (document, report) = LayoutTestSupport.extract(read)
        try document.validate()
        GeneratedReportChecks.verify(document, report, truth: DisclosureReportGenerator(options).generate().truth, label: name)
    }
    /// Every generated report flattened from its Word model in both of Tika's layouts (row per
    /// line is the default from Tika 3.3.2 on) must give every figure and every planted
    /// violation through the layouts.
    @Test(.enabled(if: ReaderAvailability.flatText, "the flattened-text reader is not built yet"),
          arguments: GeneratedReportTests.cases, [FlatTextWriter.Layout.cellPerLine, .rowPerLine])
    func generatedReportsAsFlattenedText(_ options: DisclosureReportGenerator.Options, layout: FlatTextWriter.Layout) throws {
        let generated = DisclosureReportGenerator(options).generate()
        let text = FlatTextWriter(layout: layout).write(try generated.word.modelDocument(name: "g.docx"))
        let read = try Regrid.read(bytes: Array(text.utf8), name: "generated.txt")
        let (document, report) = LayoutTestSupport.extract(read)
        try document.validate()
        GeneratedReportChecks.verify(document, report, truth: generated.truth,
                                     label: "\(layout) seed \(options.seed) layout \(options.layout)")
    }
}
