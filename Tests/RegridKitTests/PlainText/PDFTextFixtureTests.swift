import Foundation
import Testing
import RegridKit
import RegridFixtures

/// The generated reports of ``DisclosureFixtureSet/pdf`` made into PDF by LibreOffice and into
/// text by three extractors (committed texts and PDFs, `scripts/pdf-text-fixtures.sh`), read
/// through `Regrid.read` like any text, and the PDFs read directly (`poppler`, where this build
/// has the PDF reader): no figure wrong, every figure not placed named by its row, no
/// false alarm; where a text keeps every figure (one written per cell, or positions to place the
/// blank ones), every figure exact and every planted violation found.
@Suite struct PDFTextFixtureTests {
    static let extractors = ["tika", "layout", "pdftotext"] + (PDFReader.isAvailable ? ["poppler"] : [])
    static let folder = SharedCorpus.repositoryRoot.appendingPathComponent("Tests/RegridKitTests/Fixtures/pdf-text")

    static func score(_ name: String, _ extractor: String) throws -> (PDFTextScore, Document) {
        guard let options = DisclosureFixtureSet.pdf.first(where: { $0.name == name })?.options else {
            throw RegridError.invalidInput("no fixture \(name)")
        }
        let file = extractor == "poppler" ? "\(name).pdf" : "\(name).\(extractor).txt"
        let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(file)))
        let read = try Regrid.read(bytes: bytes, name: file)
        try read.validate()
        let (document, report) = LayoutTestSupport.extract(read)
        return (PDFTextScore(document, report, truth: DisclosureReportGenerator(options).generate().truth), document)
    }

    @Test(arguments: DisclosureFixtureSet.pdf.map(\.name), extractors)
    func noFigureWrongNoFalseAlarm(_ name: String, _ extractor: String) throws {
        let (score, document) = try Self.score(name, extractor)
        #expect(document.source.kind == (extractor == "poppler" ? .pdf : .plainText))
        #expect(score.wrong.isEmpty, "\(name) \(extractor): wrong figures \(score.wrong)")
        #expect(score.unexplained.isEmpty, "\(name) \(extractor): figures missing without a diagnostic \(score.unexplained)")
        #expect(score.falseAlarms.isEmpty, "\(name) \(extractor): false alarms \(score.falseAlarms)")
    }

    /// Reports that write every zero as `0` lose nothing in Tika's or `-layout` text.
    @Test(arguments: ["flat-2019-c", "pdf-2019-d", "pdf-2021-d"], ["tika", "layout"] + (PDFReader.isAvailable ? ["poppler"] : []))
    func everyFigureWhereEveryCellIsWritten(_ name: String, _ extractor: String) throws {
        let (score, _) = try Self.score(name, extractor)
        #expect(score.exact == score.figures, "\(name) \(extractor): \(score.exact) of \(score.figures) exact")
        #expect(score.violationsFound == score.violations, "\(name) \(extractor): \(score.violationsFound) of \(score.violations) violations")
    }

    /// `-layout` text (and the PDF laid out by position) loses nothing in any report, blank cells
    /// included: their figures are placed by position, under the full rows of the page or, where
    /// there are none (table 四), under the table's own header cells.
    @Test(arguments: DisclosureFixtureSet.pdf.map(\.name), ["layout"] + (PDFReader.isAvailable ? ["poppler"] : []))
    func everyFigureWherePositionsAreKept(_ name: String, _ extractor: String) throws {
        let (score, _) = try Self.score(name, extractor)
        #expect(score.exact == score.figures, "\(name) \(extractor): \(score.exact) of \(score.figures) exact")
        #expect(score.violationsFound == score.violations, "\(name) \(extractor): \(score.violationsFound) of \(score.violations) violations")
    }

    /// The table per extractor in the README (`REGRID_PDF_SCORES=1` prints it).
    @Test func scoresPerExtractor() throws {
        var lines = ["| extractor | figures exact | left empty, row named | wrong | planted violations found | false alarms |",
                     "|---|---:|---:|---:|---:|---:|"]
        for extractor in Self.extractors {
            var total = PDFTextScore()
            for (name, _) in DisclosureFixtureSet.pdf { total = total + (try Self.score(name, extractor).0) }
            #expect(total.wrong.isEmpty && total.falseAlarms.isEmpty)
            let share = { (a: Int, b: Int) in String(format: "%d / %d (%.1f %%)", a, b, b == 0 ? 0 : 100 * Double(a) / Double(b)) }
            lines.append("| \(extractor) | \(share(total.exact, total.figures)) | \(total.missing) | \(total.wrong.count) | \(total.violationsFound) / \(total.violations) | \(total.falseAlarms.count) |")
        }
        if ProcessInfo.processInfo.environment["REGRID_PDF_SCORES"] != nil { print(lines.joined(separator: "\n")) }
    }
}
