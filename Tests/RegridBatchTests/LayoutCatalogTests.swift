import Foundation
import RegridBatch
import RegridFixtures
import RegridKit
import Testing

@Suite("Layouts in the catalog")
struct LayoutCatalogTests {
    @Test func annualReportsGiveFiguresAndChecks() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        let clean = DisclosureReportGenerator(.init(layout: "2019", seed: 11, agency: "甲市人民政府")).generate()
        let flawed = DisclosureReportGenerator(.init(layout: "2021", seed: 12, agency: "乙县人民政府",
                                                     violations: [.balance, .reviewTotal])).generate()
        try fx.write("in/clean.docx", try clean.docx())
        try fx.write("in/flawed.docx", try flawed.docx())
        try fx.write("in/plain.docx", try BatchFixtures.docx(["no tables here"]))
        let options = BatchOptions(inputs: [fx.path("in")], outputDirectory: fx.path("out"), formats: [.json, .html], jobs: 2,
                                   layouts: try LayoutResolver.standard())
        #expect(try BatchRunner(options: options).run().ok == 3)

        let rows = try BatchRunTests.rows(options.catalogPath, root: fx.root)
        let cleanRow = try #require(rows["in/clean.docx"])
        #expect(cleanRow.layout == "cn-gov-disclosure-2019")
        #expect(cleanRow.agency == "甲市人民政府")
        #expect(cleanRow.year == clean.truth.year)
        #expect(cleanRow.checksFailed == 0)
        let flawedRow = try #require(rows["in/flawed.docx"])
        #expect(flawedRow.layout == "cn-gov-disclosure-2021")
        #expect((flawedRow.checksFailed ?? 0) >= 2)
        // The HTML report highlights the figures of the failed checks, with their messages.
        let checksJSON = try #require(flawedRow.checks)
        let checks = try #require(try JSONSerialization.jsonObject(with: Data(checksJSON.utf8)) as? [[String: Any]])
        let failed = checks.filter { $0["ok"] as? Bool == false }.compactMap { $0["message"] as? String }
        #expect(failed.count == flawedRow.checksFailed)
        let htmlPath = try #require(flawedRow.outputs.first { $0.hasSuffix(".html") })
        let html = try String(contentsOfFile: fx.path("out/" + htmlPath), encoding: .utf8)
        for message in failed { #expect(html.contains(message), "\(message)") }

        let plainRow = try #require(rows["in/plain.docx"])
        #expect(plainRow.layout == nil && plainRow.figures == nil && plainRow.checks == nil && plainRow.checksFailed == nil)

        // One exported row per figure, matching the generator's truth.
        let table = try CatalogExport.figuresTable(try Catalog(path: options.catalogPath).entries())
        #expect(table.rows - 1 == clean.truth.figures.count + flawed.truth.figures.count)
        let column = { (name: String) in try #require(CatalogExport.figureColumns.firstIndex(of: name)) }
        var exported: [String: String] = [:]
        for r in 1..<table.rows {
            let cells = (0..<table.columns).map { table.cell(coveringRow: r, column: $0)?.text ?? "" }
            guard cells[try column("source_path")].hasSuffix("clean.docx") else { continue }
            let key = [cells[try column("table")], cells[try column("row")], cells[try column("column")]].joined(separator: "|")
            exported[key] = cells[try column("value")]
        }
        for figure in clean.truth.figures {
            let key = [figure.table, figure.row.joined(separator: " / "), figure.column.joined(separator: " / ")].joined(separator: "|")
            #expect(exported[key].flatMap(Double.init) == figure.value, "\(key)")
        }
    }

    @Test func changingTheLayoutsRedoesTheDocuments() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        try fx.write("in/a.docx", try BatchFixtures.docx(["a"]))
        var options = BatchOptions(inputs: [fx.path("in")], outputDirectory: fx.path("out"), jobs: 1)
        _ = try BatchRunner(options: options).run()
        options.layouts = try LayoutResolver.standard()
        #expect(try BatchRunner(options: options).run().alreadyDone == 0)
        #expect(try BatchRunner(options: options).run().alreadyDone == 1)
    }
}
