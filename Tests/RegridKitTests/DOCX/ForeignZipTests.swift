import Testing
import RegridKit

/// A zip that is not a Word package is named for what it is, with what to do, instead of
/// "the package has no word/document.xml".
@Suite("Zips that are not Word packages")
struct ForeignZipTests {
    private func zip(_ entries: [(String, [UInt8])]) throws -> [UInt8] {
        var writer = ZipWriter()
        for (name, bytes) in entries { writer.add(name, bytes) }
        return try writer.archive()
    }

    private func message(_ bytes: [UInt8], name: String = "input.docx") -> String {
        do {
            _ = try Regrid.read(bytes: bytes, name: name)
            return "read without error"
        } catch {
            return error.description
        }
    }

    @Test func anOpenDocumentTextIsNamedAndConvertingItIsSuggested() throws {
        let odt = try zip([("mimetype", Array("application/vnd.oasis.opendocument.text".utf8)),
                           ("content.xml", Array("<office:document-content/>".utf8)),
                           ("META-INF/manifest.xml", Array("<manifest/>".utf8))])
        let text = message(odt, name: "report.odt")
        #expect(text.contains("OpenDocument text (.odt)"), "\(text)")
        #expect(text.contains("--convert-to docx"))
    }

    @Test func anArchiveOfDocumentsPointsToBatch() throws {
        let inner = try zip([("word/document.xml", Array("<w:document/>".utf8))])
        let archive = try zip([("2020年报告/a.docx", inner), ("2020年报告/b.txt", Array("\tA\n".utf8))])
        let text = message(archive, name: "archive.zip")
        #expect(text.contains("zip archive holding 2 documents"), "\(text)")
        #expect(text.contains("regrid batch"))
        // A zip inside a zip is an archive too.
        let nested = try zip([("inner.zip", archive)])
        #expect(message(nested, name: "outer.zip").contains("zip archive holding 1 document ("), "\(message(nested))")
    }

    @Test func otherOfficePackagesAreNamed() throws {
        let xlsx = try zip([("xl/workbook.xml", Array("<workbook/>".utf8))])
        #expect(message(xlsx).contains("Excel workbook"))
        let pptx = try zip([("ppt/presentation.xml", Array("<p/>".utf8))])
        #expect(message(pptx).contains("PowerPoint presentation"))
        let plain = try zip([("notes/readme.md", Array("# hi".utf8))])
        #expect(message(plain).contains("not a Word package"), "\(message(plain))")
    }
}
