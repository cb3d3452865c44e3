import Foundation
import Testing
import RegridKit
import RegridFixtures

/// Generated annual reports (both layouts, variants, planted violations) as HTML: written by
/// Regrid's own HTML writer, by LibreOffice and by pandoc, read back; the known layouts then
/// extract every figure and find exactly the planted violations, as on the DOCX.
@Suite struct HTMLReportTests {
    static let cases = Array(GeneratedReportTests.cases.prefix(8))

    static func tableShapes(_ document: Document) -> [[String]] {
        document.tables.map { t in t.cells.map { "\($0.row),\($0.column) \($0.rowSpan)x\($0.colSpan) \($0.text)" } }
    }

    /// The first cell that differs, for a readable failure; nil when the tables are equal.
    static func firstDifference(_ read: [[String]], _ expected: [[String]]) -> String? {
        guard read.count == expected.count else { return "\(read.count) tables read, \(expected.count) expected" }
        for (t, (a, b)) in zip(read, expected).enumerated() where a != b {
            for (x, y) in zip(a, b) where x != y { return "table \(t + 1): read \(x) where \(y) was expected" }
            return "table \(t + 1): \(a.count) cells read, \(b.count) expected"
        }
        return nil
    }

    /// DOCX → Regrid's HTML → HTML reader gives the DOCX reading back, and the same report.
    @Test(arguments: cases)
    func regridHTMLRoundTrip(_ options: DisclosureReportGenerator.Options) throws {
        let generated = DisclosureReportGenerator(options).generate()
        let fromDOCX = try Regrid.read(bytes: try generated.docx(), name: "report.docx")
        let (resolved, _) = LayoutTestSupport.extract(fromDOCX)
        let page = HTMLWriter().write(resolved)
        let fromHTML = try Regrid.read(bytes: Array(page.utf8), name: "report.html")
        try fromHTML.validate()
        #expect(Self.firstDifference(Self.tableShapes(fromHTML), Self.tableShapes(resolved)) == nil)
        #expect(fromHTML.blocks.filter { if case .table = $0 { false } else { true } }
                == fromDOCX.blocks.filter { if case .table = $0 { false } else { true } })
        let (document, report) = LayoutTestSupport.extract(fromHTML)
        GeneratedReportChecks.verify(document, report, truth: generated.truth, label: "html seed \(options.seed)")
    }

    /// The same reports converted by LibreOffice and pandoc (skipped where they are absent): every
    /// figure extracted and exactly the planted violations found.
    @Test(arguments: ["soffice", "pandoc"])
    func convertedReportsExtractAsTheDOCX(_ converter: String) throws {
        let paths = converter == "soffice" ? ["/usr/bin/soffice", "/usr/local/bin/soffice"] : ["/usr/bin/pandoc", "/usr/local/bin/pandoc"]
        guard let tool = paths.first(where: FileManager.default.isExecutableFile) else {
            print("skipped: \(converter) is not installed")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("regrid-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var docxPaths: [String] = []
        for options in Self.cases {
            let path = dir.appendingPathComponent("report-\(options.seed).docx").path
            try Data(try DisclosureReportGenerator(options).generate().docx()).write(to: URL(fileURLWithPath: path))
            docxPaths.append(path)
        }
        var runs: [[String]] = []
        if converter == "soffice" {
            runs = [["-env:UserInstallation=file://\(dir.path)/profile", "--headless", "--convert-to", "html", "--outdir", dir.path] + docxPaths]
        } else {
            runs = docxPaths.map { ["--quiet", "-s", "-f", "docx", "-t", "html", "-o", $0.replacingOccurrences(of: ".docx", with: ".html"), $0] }
        }
        for arguments in runs {
            guard try ExternalTool.run(tool, arguments, timeout: 300) else {
                Issue.record("\(converter) did not finish within 300 s")
                return
            }
        }
        for options in Self.cases {
            let generated = DisclosureReportGenerator(options).generate()
            let page = dir.appendingPathComponent("report-\(options.seed).html")
            let bytes = try #require(FileManager.default.contents(atPath: page.path), "\(converter) wrote no \(page.lastPathComponent)")
            let fromHTML = try Regrid.read(bytes: Array(bytes), name: page.lastPathComponent)
            try fromHTML.validate()
            let fromDOCX = try Regrid.read(bytes: try generated.docx(), name: "report.docx")
            // LibreOffice rebuilds the grid from column widths (table 三 gains a 16th column in
            // every report), so only pandoc's pages are held to the DOCX grid; both to the figures.
            if converter == "pandoc" {
                #expect(Self.firstDifference(HTMLCorpusTests.shapes(fromHTML).map(\.cells), HTMLCorpusTests.shapes(fromDOCX).map(\.cells)) == nil,
                        "\(converter) seed \(options.seed)")
            }
            let (document, report) = LayoutTestSupport.extract(fromHTML)
            GeneratedReportChecks.verify(document, report, truth: generated.truth, label: "\(converter) seed \(options.seed)")
        }
    }
}
