import Foundation
import Testing
@testable import RegridKit

/// A document whose body is full of paragraphs that begin with typed TABs (issue 13, "lost
/// tables"): `Fixtures/flat-toc/toc-tabs.docx`, made by `make_toc_fixture.py` (python-docx) in
/// that folder, and its Tika 2.9.2 text (cell per line) `toc-tabs.tika.txt`, made by
/// `../shared/tools/tika_emulate.py`. Tika writes a TAB-indented paragraph as a TAB line with no
/// blank line after it, like a cell; the tables read from the text must be the DOCX's tables,
/// and the TAB paragraphs before, between and after them must stay paragraphs.
@Suite struct FlatTabIndentedTextTests {
    static let folder = SharedCorpus.repositoryRoot.appendingPathComponent("Tests/RegridKitTests/Fixtures/flat-toc")

    @Test func tablesAmongTabIndentedParagraphsReadAsInTheDOCX() throws {
        let docx = try Data(contentsOf: Self.folder.appendingPathComponent("toc-tabs.docx"))
        let text = try Data(contentsOf: Self.folder.appendingPathComponent("toc-tabs.tika.txt"))
        let reference = try DOCXReader().read(bytes: Array(docx), name: "toc-tabs.docx").tables.map { $0.withMinimalGrid() }
        let flat = try FlatTextReader().read(bytes: Array(text), name: "toc-tabs.tika.txt")
        try flat.validate()
        let read = flat.tables.map { $0.withMinimalGrid() }
        #expect(reference.count == 5)
        #expect(read.count == reference.count, "tables read: \(read.map { "\($0.rows)x\($0.columns)" })")
        for (i, (a, b)) in zip(reference, read).enumerated() {
            #expect(TEDS.exactlyEqual(a, b), "table \(i + 1): \(b.cells.map(\.text)) vs \(a.cells.map(\.text))")
        }
        // The TAB-indented paragraphs are paragraphs, none lost.
        let paragraphs = flat.blocks.compactMap { block -> String? in
            if case .paragraph(let p) = block { return p.text }
            return nil
        }
        #expect(paragraphs.filter { $0.hasPrefix("This paragraph is indented") }.count == 6)
        #expect(paragraphs.contains("The equipment inspected this year:"))
        #expect(paragraphs.filter { $0.hasPrefix("Finding ") }.count == 5)
        #expect(paragraphs.contains("Staff on site:"))
        #expect(paragraphs.filter { $0.hasPrefix("Outlook ") }.count == 4)
        #expect(paragraphs.contains("End of report."))
        #expect(flat.diagnostics.contains { $0.code == "tab-paragraphs" })
    }
}
