import Foundation
import Testing
@testable import RegridKit

/// `.pdf` input: sniffing, the reader's errors and limits, hostile files. The cases that need
/// poppler are skipped, with that reason, where poppler-glib cannot be loaded.
@Suite struct PDFInputTests {
    static let fixture = SharedCorpus.repositoryRoot.appendingPathComponent("Tests/RegridKitTests/Fixtures/pdf-text/flat-2021-b.pdf")
    static func fixtureBytes() throws -> [UInt8] { Array(try Data(contentsOf: fixture)) }

    @Test func sniffedByMagicAlsoAfterJunkAndWhateverTheName() throws {
        #expect(InputFormat.detect(Array("%PDF-1.7\n".utf8)) == .pdf)
        #expect(InputFormat.detect(Array("HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n".utf8)) == .pdf)
        #expect(InputFormat.detect(Array("A text about the %PDF- format\n".utf8)) == .text)
        #expect(InputFormat.detect(Array(String(repeating: "x", count: 2000).utf8) + Array("%PDF-1.4".utf8)) == .text)
    }

    @Test func withoutPopplerAPDFIsRefusedWithWhatToDoAndEverythingElseReads() throws {
        // poppler-glib is loaded when a PDF is first read, not linked: a machine without it (here
        // REGRID_POPPLER_LIBRARY naming a missing library) still runs regrid on everything else.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("regrid-nopoppler-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let missing = ["REGRID_POPPLER_LIBRARY": scratch.appendingPathComponent("no/libpoppler-glib.so.8").path]
        let pdf = scratch.appendingPathComponent("report.pdf")
        try Data(try Self.fixtureBytes()).write(to: pdf)
        let refused = try CLIRunner.run(["convert", pdf.path, "-o", scratch.appendingPathComponent("a.json").path],
                                        timeout: 60, scratch: scratch, environment: missing)
        #expect(refused.exitStatus.map { $0 != 0 } == true, "\(refused.standardError)")
        for fragment in [pdf.path, "unsupported format: a PDF file", "REGRID_POPPLER_LIBRARY", "libpoppler-glib8", "pdftotext -layout"] {
            #expect(refused.standardError.contains(fragment), "missing \(fragment): \(refused.standardError)")
        }
        let text = scratch.appendingPathComponent("report.txt")
        try Data("A\tB\n\t1\n\t2\n\n".utf8).write(to: text)
        let output = scratch.appendingPathComponent("b.json")
        let converted = try CLIRunner.run(["convert", text.path, "-o", output.path], timeout: 60, scratch: scratch,
                                          environment: missing)
        #expect(converted.exitStatus == 0, "\(converted.standardError)")
        #expect(FileManager.default.fileExists(atPath: output.path))
    }

    @Test(.enabled(if: PDFReader.isAvailable, "poppler-glib cannot be loaded here"))
    func aReportPDFWhateverItsNameIsReadAsPDF() throws {
        let bytes = try Self.fixtureBytes()
        for name in ["report.pdf", "report.txt", "report.docx"] {
            let document = try Regrid.read(bytes: bytes, name: name)
            #expect(document.source.kind == .pdf && document.source.name == name)
            #expect(document.source.sha256 == SHA256.hex(bytes))
            // The three tables of the 2021 layout, and the report's own table of channels
            // (栏目 / 条数 / 占比) read from its gutters.
            #expect(document.tables.filter { $0.layout != nil }.count == 3, "\(name)")
            #expect(document.tables.count == 4, "\(name)")
            #expect(document.diagnostics.contains { $0.code == "pdf-layout" })
            try document.validate()
        }
        // The JSON form reads back with its kind.
        let json = JSONWriter().write(try Regrid.read(bytes: bytes, name: "report.pdf"))
        #expect(try Regrid.read(bytes: Array(json.utf8), name: "report.json").source.kind == .pdf)
    }

    @Test(.enabled(if: PDFReader.isAvailable, "poppler-glib cannot be loaded here"))
    func textLaidOutInColumnsLikePdftotextLayout() throws {
        let bytes = PDFTestFiles.pdf(pages: 2) { page in
            "BT /F1 10 Tf 1 0 0 1 72 800 Tm (Label one) Tj 1 0 0 1 300 800 Tm (12) Tj 1 0 0 1 400 800 Tm (345) Tj "
            + "1 0 0 1 72 786 Tm (A much longer label) Tj 1 0 0 1 300 786 Tm (6) Tj 1 0 0 1 400 786 Tm (\(page)) Tj ET"
        }
        let text = String(decoding: try PDFReader().layoutText(bytes).text, as: UTF8.self)
        let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false)
        #expect(pages.count == 3 && pages[2].isEmpty, "a form feed after each page: \(text.debugDescription)")
        let lines = pages[0].split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        let first = lines[0], second = lines[1]
        // What stands at one x starts at one offset on both lines.
        #expect(first.firstRange(of: "12")?.lowerBound.utf16Offset(in: first) == second.firstRange(of: "6")?.lowerBound.utf16Offset(in: second))
        #expect(first.firstRange(of: "345")?.lowerBound.utf16Offset(in: first) == second.firstRange(of: "0")?.lowerBound.utf16Offset(in: second))
        #expect(first.hasPrefix("Label one ") && second.hasPrefix("A much longer label "))
    }

    @Test func cjkFragmentsKeepTheirPlaceOnTheGrid() {
        // 10-point glyphs: CJK characters a font size wide, digits half of it.
        func glyphs(_ text: String, x: Double, y: Double, width: Double) -> [PDFGlyph] {
            text.unicodeScalars.enumerated().map { index, scalar in
                PDFGlyph(scalar: scalar, xMin: x + Double(index) * width, xMax: x + Double(index + 1) * width, yMin: y - 10, yMax: y)
            }
        }
        let page = glyphs("一、本年新收", x: 0, y: 20, width: 10) + glyphs("108", x: 100, y: 20, width: 5)
            + [PDFGlyph(scalar: "\n", xMin: 0, xMax: 0, yMin: 0, yMax: 0)]
            + glyphs("二、上年结转政府信息", x: 0, y: 34, width: 10) + glyphs("3", x: 110, y: 34, width: 5)
        let text = PDFTextLayout().layOut(page).text
        let lines = text.split(separator: "\n").map { Array($0.unicodeScalars) }
        #expect(lines.count == 3, "\(text.debugDescription)")   // two lines and the form feed
        #expect(lines[0].firstIndex(of: "1") == 20 && lines[1].firstIndex(of: "3") == 22, "\(text.debugDescription)")
    }

    @Test func scatteredGlyphsStayBounded() {
        // 100 000 one-character fragments over a page, each on its own baseline at a far column.
        var page: [PDFGlyph] = []
        for index in 0..<100_000 {
            let x = Double((index * 7919) % 590), y = Double(index) * 0.5
            page.append(PDFGlyph(scalar: "x", xMin: x, xMax: x + 0.1, yMin: y - 0.1, yMax: y))
            page.append(PDFGlyph(scalar: "\n", xMin: 0, xMax: 0, yMin: 0, yMax: 0))
        }
        let clock = ContinuousClock()
        let start = clock.now
        let laidOut = PDFTextLayout().layOut(page)
        #expect(laidOut.compressed)
        #expect(laidOut.text.utf8.count < 100_000 * 8)
        #expect(clock.now - start < .seconds(20))
    }

    @Test(.enabled(if: PDFReader.isAvailable, "poppler-glib cannot be loaded here"))
    func brokenPDFsAreRefusedByName() throws {
        let bytes = try Self.fixtureBytes()
        for cut in [20, 300, bytes.count / 2, bytes.count - 200] {
            do {
                _ = try Regrid.read(bytes: Array(bytes.prefix(cut)), name: "cut.pdf")
            } catch {
                // Poppler repairs what it can (a PDF cut late may still read); what it cannot is damaged.
                guard case .pdf = error else { Issue.record("cut at \(cut): \(error)"); continue }
            }
        }
        var random = SystemRandomNumberGenerator()
        let garbage = Array("%PDF-1.7\n".utf8) + (0..<64 * 1024).map { _ in UInt8.random(in: 0...255, using: &random) }
        #expect(throws: RegridError.self) { try Regrid.read(bytes: garbage, name: "random.pdf") }
        #expect(throws: RegridError.pdf(.encrypted)) { try Regrid.read(bytes: PDFTestFiles.encrypted, name: "locked.pdf") }
        #expect(RegridError.pdf(.encrypted).description.contains("password"))
    }

    @Test(.enabled(if: PDFReader.isAvailable, "poppler-glib cannot be loaded here"))
    func pagesAndCharactersAreCapped() throws {
        let bytes = try Self.fixtureBytes()
        var limits = ReaderLimits.default
        limits.maxPDFPages = 3
        #expect(throws: RegridError.limitExceeded(what: "PDF pages (4)", limit: 3)) {
            try Regrid.read(bytes: bytes, name: "a.pdf", options: ReadOptions(limits: limits))
        }
        limits = .default
        limits.maxPDFCharacters = 500
        #expect {
            try Regrid.read(bytes: bytes, name: "a.pdf", options: ReadOptions(limits: limits))
        } throws: { error in
            guard case RegridError.limitExceeded(let what, 500) = error else { return false }
            return what.hasPrefix("PDF characters")
        }
        // A declared page count far beyond the pages there are.
        let lying = String(decoding: PDFTestFiles.pdf(pages: 1) { _ in PDFTestFiles.textPage(["one"]) }, as: UTF8.self)
            .replacingOccurrences(of: "/Count 1", with: "/Count 999999999")
        let clock = ContinuousClock()
        let start = clock.now
        _ = try? Regrid.read(bytes: Array(lying.utf8), name: "lying.pdf")
        #expect(clock.now - start < .seconds(10))
    }

    @Test(.enabled(if: PDFReader.isAvailable, "poppler-glib cannot be loaded here"))
    func aPageOfAHundredThousandCharactersAndNoTextAtAll() throws {
        let line = String(repeating: "0123456789", count: 50)
        let dense = PDFTestFiles.pdf(pages: 1) { _ in
            var stream = "BT /F1 1 Tf\n"
            for row in 0..<200 { stream += "1 0 0 1 10 \(Double(830) - Double(row) * 4) Tm (\(line)) Tj\n" }
            return stream + "ET"
        }
        let text = try PDFReader().layoutText(dense).text
        // Poppler keeps the first 50 000 characters of a page (`pdftotext` gives the same count).
        #expect(text.filter { (0x30...0x39).contains($0) }.count == 50_000)
        _ = try Regrid.read(bytes: dense, name: "dense.pdf")

        // A content stream nesting arrays 200 000 deep: poppler's parser bounds its recursion.
        let deep = PDFTestFiles.pdf(pages: 1) { _ in String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000) }
        let clock = ContinuousClock()
        let start = clock.now
        _ = try Regrid.read(bytes: deep, name: "deep.pdf")
        #expect(clock.now - start < .seconds(20))

        let blank = PDFTestFiles.pdf(pages: 2) { _ in "0 0 m 100 100 l S" }
        let empty = try Regrid.read(bytes: blank, name: "scan.pdf")
        #expect(empty.blocks.isEmpty && empty.diagnostics.contains { $0.code == "pdf-no-text" })
    }
}

/// `regrid batch` over PDFs: a broken one fails on its own, the next one is converted.
@Suite(.enabled(if: PDFReader.isAvailable && CLIRunner.executable != nil, "no PDF reader in this build, or no built regrid"))
struct PDFBatchTests {
    @Test func aBrokenPDFFailsAndTheNextGoesOn() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("regrid-pdf-batch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let input = scratch.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let good = try PDFInputTests.fixtureBytes()
        try Data(good).write(to: input.appendingPathComponent("a.pdf"))
        try Data(good.prefix(300)).write(to: input.appendingPathComponent("b-broken.pdf"))
        try Data(PDFTestFiles.encrypted).write(to: input.appendingPathComponent("c-locked.pdf"))
        try Data(good).write(to: input.appendingPathComponent("d.pdf"))
        let run = try CLIRunner.run(["batch", input.path, "--out", scratch.appendingPathComponent("out").path],
                                    timeout: 120, scratch: scratch)
        #expect(run.exitStatus == 1, "\(run.standardError)")
        #expect(run.standardError.contains("b-broken.pdf: the PDF is damaged"), "\(run.standardError)")
        #expect(run.standardError.contains("c-locked.pdf: the PDF is password-protected"), "\(run.standardError)")
        #expect(run.standardError.contains("4 documents: 2 ok, 2 failed"), "\(run.standardError)")
    }
}
