import Foundation
import RegridFixtures
import Testing
@testable import RegridKit

/// The HTML report and workbook of a real-looking annual report, as a reader meets them: one
/// note per failed check, inferred-span notes that can be hidden, the report's title as the
/// page title, sheets named after their tables' headings.
@Suite("Writing an annual report for people")
struct ReportWritingTests {
    /// A generated 2021 report with two planted violations, read back from its flattened text
    /// (so that spans are inferred), layouts applied, and its extracted report.
    static func report() throws -> (Document, DisclosureReport) {
        let generated = DisclosureReportGenerator(.init(layout: "2021", seed: 31, violations: [.balance, .rowTotal])).generate()
        let flat = FlatTextWriter().write(try Regrid.read(bytes: try generated.docx(), name: "r.docx"))
        let read = try Regrid.read(bytes: Array(flat.utf8), name: "报告.txt")
        let (document, report) = LayoutTestSupport.extract(read)
        return (document, report)
    }

    @Test func oneNotePerFailedCheckReferencedFromEveryCellItConcerns() throws {
        let (document, report) = try Self.report()
        let failures = report.failures
        #expect(failures.count >= 2)
        let page = HTMLWriter(annotations: report.annotations()).write(document)
        let errorNotes = page.components(separatedBy: "class=\"error\"><span class=\"severity\">error</span>").count - 1
        #expect(errorNotes == failures.count)
        for check in failures {
            // The note's number is referenced from as many cells as the check has distinct figures.
            let items = page.components(separatedBy: "<li id=\"").dropFirst().map { $0.components(separatedBy: "</li>")[0] }.filter { $0.contains(check.message) }
            #expect(items.count == 1, "\(check.rule)")
            let id = try #require(items.first?.components(separatedBy: "\"").first)
            let cells = Set(check.inputs.compactMap { input in
                report.figures.first { $0.table == check.table && $0.row == input.row && $0.column == input.column }
            }.map { "\($0.cellRow),\($0.cellColumn)" })
            #expect(page.components(separatedBy: "href=\"#\(id)\"").count - 1 == cells.count, "\(check.rule)")
        }
    }

    @Test func inferredSpanNotesCanBeHidden() throws {
        let (document, report) = try Self.report()
        let inferred = document.tables.flatMap(\.diagnostics).filter { $0.severity == .info }
        #expect(!inferred.isEmpty)
        let shown = HTMLWriter(annotations: report.annotations()).write(document)
        let hidden = HTMLWriter(annotations: report.annotations(), showsInferred: false).write(document)
        #expect(shown.contains(inferred[0].message))
        #expect(!hidden.contains(inferred[0].message))
        #expect(!hidden.contains("class=\"info\""))
        for check in report.failures { #expect(hidden.contains(check.message)) }
    }

    @Test func thePageTitleIsTheReportTitle() throws {
        let (document, report) = try Self.report()
        let page = HTMLWriter().write(document)
        let agency = try #require(report.agency), year = try #require(report.year)
        #expect(page.contains("<title>\(agency)\(year)年政府信息公开工作年度报告</title>"), "\(page.prefix(600))")
        // A document that opens with a heading is titled by it; one with neither by its file.
        let headed = Document(source: Source(name: "a.docx", kind: .docx),
                              blocks: [.heading(Heading(level: 1, text: "Quarterly figures")), .paragraph(Paragraph(text: "Short line"))])
        #expect(DocumentTitles.title(of: headed) == "Quarterly figures")
        let prose = Document(source: Source(name: "b.txt", kind: .flatText),
                             blocks: [.paragraph(Paragraph(text: "This is a sentence that ends the way sentences end."))])
        #expect(DocumentTitles.title(of: prose) == "b.txt")
    }

    @Test func sheetsAreNamedAfterTheirTablesHeadings() throws {
        let (document, _) = try Self.report()
        let workbook = try XLSXReadBack(try XLSXWriter().write(document))
        let names = workbook.sheets.map(\.name)
        #expect(names.contains("三、收到和处理政府信息公开申请情况"), "\(names)")
        #expect(names.contains { $0.hasPrefix("二、主动公开政府信息情况") }, "\(names)")
        #expect(names.allSatisfy { $0.count <= 31 })
    }
}
