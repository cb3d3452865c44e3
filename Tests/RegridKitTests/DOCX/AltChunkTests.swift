import Foundation
import RegridFixtures
import Testing
@testable import RegridKit

/// `w:altChunk`: content imported from another part, which Word converts on opening. Web
/// applications that export reports "to Word" (html-docx-js and its kin) write the whole report
/// as one MHTML chunk; merging tools import whole Word packages. Their tables must be read.
@Suite("Imported chunks (w:altChunk)")
struct AltChunkTests {
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let chunkType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"

    /// A package whose body is `body` (with the `r:` prefix bound) and whose main part has the
    /// relationships `rels` (id, target, external) to the `parts` added.
    static func package(body: String, rels: [(String, String, Bool)], parts: [(String, [UInt8])]) throws -> [UInt8] {
        let document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<w:document xmlns:w=\"\(DOCXFixture.wordNamespace)\" xmlns:r=\"\(relationshipsNamespace)\"><w:body>\(body)</w:body></w:document>"
        let relationships = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + rels.map { "<Relationship Id=\"\($0.0)\" Type=\"\(chunkType)\" Target=\"\($0.1)\"\($0.2 ? " TargetMode=\"External\"" : "")/>" }.joined()
            + "</Relationships>"
        return try DOCXFixture.package(document: Array(document.utf8),
                                       extra: [("word/_rels/document.xml.rels", Array(relationships.utf8))] + parts)
    }

    static let mergedTable = """
        <table border="1"><tr><th rowspan="2">项目</th><th colspan="2">申请人情况</th></tr>
        <tr><th>自然人</th><th>法人</th></tr>
        <tr><td>一、本年新收政府信息公开申请数量</td><td>125</td><td>3</td></tr></table>
        """

    /// What html-docx-js writes: the page as MHTML in `word/afchunk.mht`, one altChunk in the body.
    @Test func anMHTMLChunkIsReadInPlace() throws {
        let mht = """
            MIME-Version: 1.0\r
            Content-Type: multipart/related;\r
                type="text/html";\r
                boundary="----=mhtDocumentPart"\r
            \r
            \r
            ------=mhtDocumentPart\r
            Content-Type: text/html;\r
                charset="utf-8"\r
            Content-Transfer-Encoding: quoted-printable\r
            Content-Location: file:///C:/fake/document.html\r
            \r
            <!DOCTYPE html><html><head><meta charset=3D"utf-8"></head><body>\r
            <h1>2023年政府信息公开工作年度报告</h1><p>正文第一段。</p>\(Self.mergedTable.replacingOccurrences(of: "=", with: "=3D"))\r
            </body></html>\r
            \r
            ------=mhtDocumentPart--\r

            """
        let docx = try Self.package(body: "<w:altChunk r:id=\"htmlChunk\"/><w:sectPr/>",
                                    rels: [("htmlChunk", "afchunk.mht", false)],
                                    parts: [("word/afchunk.mht", Array(mht.utf8))])
        let doc = try DOCXReader().read(bytes: docx, name: "export.docx")
        try doc.validate()
        #expect(doc.blocks.map(\.plainText).prefix(2) == ["2023年政府信息公开工作年度报告", "正文第一段。"])
        let table = try #require(doc.tables.first)
        #expect(table.id == "t1" && table.rows == 3 && table.columns == 3)
        #expect(table.cells.first { $0.text == "项目" }?.rowSpan == 2)
        #expect(table.cells.first { $0.text == "申请人情况" }?.colSpan == 2)
        #expect(doc.diagnostics.contains { $0.code == "alt-chunk-read" && $0.message.hasPrefix("1 imported chunk ") })
        #expect(!doc.diagnostics.contains { $0.severity == .warning })
    }

    /// An HTML chunk inside a table cell and between paragraphs keeps its place and order.
    @Test func anHTMLChunkKeepsItsPlace() throws {
        let html = "<html><body><p>导入的段落</p><table><tr><td>a</td><td>b</td></tr></table></body></html>"
        let body = "<w:p><w:r><w:t>before</w:t></w:r></w:p><w:altChunk r:id=\"c1\"><w:altChunkPr><w:matchSrc/></w:altChunkPr></w:altChunk>"
            + DOCXFixture.table(grid: 2, rows: [DOCXFixture.cell("x") + "<w:tc><w:altChunk r:id=\"c1\"/><w:p/></w:tc>"])
            + "<w:p><w:r><w:t>after</w:t></w:r></w:p>"
        let docx = try Self.package(body: body, rels: [("c1", "/word/chunk1.html", false)],
                                    parts: [("word/chunk1.html", Array(html.utf8))])
        let doc = try DOCXReader().read(bytes: docx, name: "a.docx")
        try doc.validate()
        #expect(doc.blocks.map(\.plainText) == ["before", "导入的段落", "a\nb", "x\n导入的段落\na\nb", "after"])
        let outer = try #require(doc.tables.last)
        let cell = try #require(outer.cells.first { $0.column == 1 })
        #expect(cell.text == "导入的段落\na\nb")
        #expect(cell.blocks?.contains { if case .table(let t) = $0 { t.id == "t2.r0c1.t1" } else { false } } == true)
        #expect(doc.diagnostics.contains { $0.code == "alt-chunk-read" && $0.message.hasPrefix("2 imported chunks") })
    }

    /// A generated annual report imported whole (as document-merging tools do) reads as the report
    /// itself: the same tables, so the known layout, its figures and checks follow.
    @Test func aWordPackageChunkReadsAsTheReport() throws {
        let report = try DisclosureReportGenerator(.init(layout: "2021", seed: 11)).generate().docx()
        let docx = try Self.package(body: "<w:altChunk r:id=\"r9\"/>", rels: [("r9", "report.docx", false)],
                                    parts: [("word/report.docx", report)])
        let merged = try DOCXReader().read(bytes: docx, name: "merged.docx")
        let direct = try DOCXReader().read(bytes: report, name: "report.docx")
        #expect(merged.blocks == direct.blocks)
        let resolver = try LayoutResolver.standard()
        let layouts = resolver.resolve(merged).tables.compactMap(\.layout?.template)
        #expect(layouts == resolver.resolve(direct).tables.compactMap(\.layout?.template) && !layouts.isEmpty)
    }

    /// Chunks that cannot be read are named in warnings; everything else is read.
    @Test func brokenChunksAreWarningsNotFailures() throws {
        var deep = try Self.package(body: "<w:p><w:r><w:t>bottom</w:t></w:r></w:p>", rels: [], parts: [])
        for level in 1...4 {
            deep = try Self.package(body: "<w:p><w:r><w:t>level \(level)</w:t></w:r></w:p><w:altChunk r:id=\"d\"/>",
                                    rels: [("d", "inner.docx", false)], parts: [("word/inner.docx", deep)])
        }
        let body = ["missing", "external", "rtf", "unknown", "nested", "self"].map { "<w:altChunk r:id=\"\($0)\"/>" }.joined()
            + "<w:altChunk/><w:p><w:r><w:t>kept</w:t></w:r></w:p>"
        let docx = try Self.package(
            body: body,
            rels: [("missing", "gone.html", false), ("external", "http://example.com/x.html", true),
                   ("rtf", "c.rtf", false), ("nested", "deep.docx", false),
                   ("self", "document.xml", false)],
            parts: [("word/c.rtf", Array("{\\rtf1 hello}".utf8)), ("word/deep.docx", deep)])
        let doc = try DOCXReader().read(bytes: docx, name: "b.docx")
        let warnings = doc.diagnostics.filter { $0.code == "alt-chunk-unreadable" }.map(\.message)
        #expect(warnings.count == 7, "\(warnings)")
        #expect(warnings.contains { $0.contains("document.xml is XML that is not XHTML") })
        #expect(warnings.contains { $0.contains("gone.html is missing") })
        #expect(warnings.contains { $0.contains("outside the package") })
        #expect(warnings.contains { $0.contains("RTF") })
        #expect(warnings.contains { $0.contains("relationship unknown is not in") })
        #expect(warnings.contains { $0.contains("names no relationship") })
        #expect(warnings.contains { $0.contains("nested more than 2 deep") })
        // Chunks are read two deep (levels 4 and 3); the chunk inside level 3 is not.
        #expect(doc.blocks.map(\.plainText) == ["level 4", "level 3", "kept"])
    }
}
