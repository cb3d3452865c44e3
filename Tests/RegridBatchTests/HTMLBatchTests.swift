import Foundation
import RegridBatch
import RegridFixtures
import RegridKit
import Testing

/// Web pages in a batch: HTML, XHTML, browser-saved pages and MHTML are read by the HTML reader
/// (never counted ok with 0 tables as text); a generated report page gets its layout, figures
/// and checks in the catalog, as its DOCX does; a broken MHTML fails with its reason.
@Suite("Batch runs with web pages")
struct HTMLBatchTests {
    static let table = "<table><tr><td>项目</td><td>数量</td></tr><tr><td>一、本年新收</td><td>125</td></tr></table>"

    @Test func pagesAreReadAsHTML() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        let report = DisclosureReportGenerator(.init(layout: "2021", seed: 7, violations: [.rowTotal])).generate()
        let page = HTMLWriter().write(try Regrid.read(bytes: try report.docx(), name: "report.docx"))
        try fx.write("in/report.html", Array(page.utf8))
        try fx.write("in/report.docx", try report.docx())
        try fx.write("in/saved.htm", Array(("<!-- saved from url=(0030)http://www.gov.cn/report.htm -->\n<html><body>" + Self.table).utf8))
        try fx.write("in/page.xhtml", Array(("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>" + Self.table + "</body></html>").utf8))
        try fx.write("in/page.mht", Array("""
            MIME-Version: 1.0\r
            Content-Type: multipart/related; boundary="b1"\r
            \r
            --b1\r
            Content-Type: text/html; charset="utf-8"\r
            Content-Transfer-Encoding: 8bit\r
            \r
            <html><body>\(Self.table)</body></html>\r
            --b1--\r

            """.utf8))
        try fx.write("in/broken.mht", Array("MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n<html></html>".utf8))
        let options = BatchOptions(inputs: [fx.path("in")], outputDirectory: fx.path("out"), jobs: 2,
                                   layouts: try LayoutResolver.standard())
        let result = try BatchRunner(options: options).run()
        #expect(result.ok == 5 && result.failed == 1 && result.skipped == 0)
        let rows = try BatchRunTests.rows(options.catalogPath, root: fx.root)
        for name in ["saved.htm", "page.xhtml", "page.mht"] {
            let row = try #require(rows["in/\(name)"])
            #expect(row.status == .ok && row.reader == "html" && row.tableCount == 1, "\(name): \(row.status) \(row.reader ?? "-") \(row.tableCount ?? -1)")
        }
        let reportRow = try #require(rows["in/report.html"])
        #expect(reportRow.reader == "html")
        #expect(reportRow.layout == "cn-gov-disclosure-2021")
        let docxRow = try #require(rows["in/report.docx"])
        #expect((docxRow.checksFailed ?? 0) > 0)
        #expect(reportRow.checksFailed == docxRow.checksFailed)
        #expect(reportRow.figures == docxRow.figures)
        let broken = try #require(rows["in/broken.mht"])
        #expect(broken.status == .failed)
        #expect(broken.error?.contains("no boundary") == true)
    }

    /// `regrid batch -t html --hide-inferred` leaves the notes on inferred spans out of the pages, as
    /// `regrid convert` does, and a run with the other setting converts the documents again.
    @Test func inferredNotesCanBeHiddenInABatch() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        let report = DisclosureReportGenerator(.init(layout: "2019", seed: 3)).generate()
        let flat = FlatTextWriter().write(try Regrid.read(bytes: try report.docx(), name: "r.docx"))
        try fx.write("in/report.txt", Array(flat.utf8))
        let page = fx.path("out/in/report.txt.html")
        func batch(_ extra: [String]) throws -> String {
            let run = try RegridExecutable.run(["batch", fx.path("in"), "--out", fx.path("out"), "-t", "html", "--quiet"] + extra)
            #expect(run.status == 0, "\(run.stderr)")
            return try String(contentsOfFile: page, encoding: .utf8)
        }
        let shown = try batch([])
        #expect(shown.contains("class=\"info\""), "the flattened report's spans are inferred")
        let hidden = try batch(["--hide-inferred"])
        #expect(!hidden.contains("class=\"info\""))
        #expect(hidden.contains("<table"))
    }
}
