import Foundation
import Testing
import RegridKit

/// Every table of `../shared/corpus/docx`, converted to HTML by LibreOffice and by pandoc
/// (`scripts/html-corpus.sh`, cached in `.build/html-corpus`), read back by the HTML reader and
/// compared with the DOCX reader's reading of the same file: the same tables in order, each with
/// the same grid, spans and cell text (white space runs compared as one space, since HTML
/// collapses them). Skipped, saying so, where the corpus or the converters are absent.
@Suite struct HTMLCorpusTests {
    /// A table as compared: size, and each cell's place, spans and text (a synthetic cell of the
    /// DOCX reading is compared as the empty cell that HTML writes for it).
    struct Shape: Equatable {
        var rows: Int
        var columns: Int
        var cells: [String]
    }

    static func shapes(_ document: Document) -> [Shape] {
        var out: [Shape] = []
        func visit(_ blocks: [Block]) {
            for case .table(let t) in blocks {
                out.append(Shape(rows: t.rows, columns: t.columns, cells: t.cells.map {
                    "\($0.row),\($0.column) \($0.rowSpan)x\($0.colSpan) \(normalized($0.text))"
                }))
                for cell in t.cells { if let inner = cell.blocks { visit(inner) } }
            }
        }
        visit(document.blocks)
        return out
    }

    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Converts what is not converted yet; returns the folder of each converter's pages.
    static func convertedPages() -> URL? {
        guard SharedCorpus.directory("corpus/docx") != nil else { return nil }
        let script = SharedCorpus.repositoryRoot.appendingPathComponent("scripts/html-corpus.sh")
        let process = Process()
        process.executableURL = script
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        process.waitUntilExit()
        return SharedCorpus.repositoryRoot.appendingPathComponent(".build/html-corpus")
    }

    /// Per converter: tables compared, tables equal.
    static func score(_ converter: String, pages: URL) throws -> (tables: Int, equal: Int, files: Int, lines: [String]) {
        var tables = 0, equal = 0, files = 0
        var lines: [String] = []
        for docx in SharedCorpus.files(in: "corpus/docx", ext: "docx") {
            let stem = docx.deletingPathExtension().lastPathComponent
            let page = pages.appendingPathComponent("\(converter)/\(stem).html")
            guard let html = FileManager.default.contents(atPath: page.path), let bytes = FileManager.default.contents(atPath: docx.path) else { continue }
            files += 1
            let reference = shapes(try Regrid.read(bytes: Array(bytes), name: docx.lastPathComponent))
            let read = try Regrid.read(bytes: Array(html), name: page.lastPathComponent)
            #expect(read.source.kind == .html)
            try read.validate()
            let got = shapes(read)
            tables += reference.count
            var same = 0
            for (a, b) in zip(reference, got) where a == b { same += 1 }
            if reference.count != got.count { same = min(same, min(reference.count, got.count)) }
            equal += same
            if same < reference.count { lines.append("\(converter) \(stem): \(same)/\(reference.count) tables equal (\(got.count) read)") }
        }
        return (tables, equal, files, lines)
    }

    @Test(arguments: ["soffice", "pandoc"])
    func convertedCorpusReadsBackAsTheDOCX(_ converter: String) throws {
        guard let pages = Self.convertedPages() else {
            print("skipped: ../shared/corpus/docx is absent")
            return
        }
        let result = try Self.score(converter, pages: pages)
        guard result.files > 0 else {
            print("skipped: no \(converter) pages (is \(converter == "soffice" ? "LibreOffice" : "pandoc") installed?)")
            return
        }
        print("HTML corpus, \(converter): \(result.equal)/\(result.tables) tables equal to the DOCX reading in \(result.files) files")
        if ProcessInfo.processInfo.environment["REGRID_HTML_SCORES"] != nil { result.lines.forEach { print($0) } }
        #expect(result.tables > 0)
    }
}
