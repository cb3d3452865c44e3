import Testing
@testable import RegridKit

@Suite("DOCX writer")
struct DOCXWriterTests {
    private func document(_ blocks: [Block]) -> Document {
        Document(source: Source(name: "a.docx", kind: .docx), blocks: blocks)
    }

    /// What a DOCX can carry of a table: everything but header columns (Word has no such notion)
    /// and the diagnostics.
    private func docxView(_ table: Table) -> Table {
        var t = table
        t.headerColumns = 0
        t.diagnostics = []
        return t
    }

    @Test func mergesAreWrittenAsGridSpanAndVMerge() throws {
        let back = try DOCXReadBack(DOCXWriter().write(document([.table(WriterFixtures.mergedTable)])))
        let xml = back.documentXML
        #expect(xml.components(separatedBy: "<w:gridCol ").count - 1 == 4)
        // Row 0: 项目 starts a vertical merge, 申请人情况 spans two grid columns.
        #expect(xml.contains("<w:tc><w:tcPr><w:tcW w:w=\"2409\" w:type=\"dxa\"/><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">项目</w:t></w:r></w:p></w:tc>"))
        #expect(xml.contains("<w:tcW w:w=\"4818\" w:type=\"dxa\"/><w:gridSpan w:val=\"2\"/></w:tcPr>"))
        // Row 1 continues 项目 and 合计 with empty cells.
        #expect(xml.components(separatedBy: "<w:vMerge/></w:tcPr><w:p/></w:tc>").count - 1 == 2)
        #expect(xml.components(separatedBy: "<w:trPr><w:tblHeader/></w:trPr>").count - 1 == 2)
        #expect(back.blocks == [.table(docxView(WriterFixtures.mergedTable))])
    }

    @Test func headingsParagraphsAndTablesReadBackInOrder() throws {
        let blocks: [Block] = [
            .heading(Heading(level: 1, text: "2020年报告")),
            .paragraph(Paragraph(text: "first line\nsecond\tline & <more>")),
            .table(WriterFixtures.mergedTable),
            .heading(Heading(level: 3, text: "Notes")),
            .table(WriterFixtures.hazardTable),
        ]
        let back = try DOCXReadBack(DOCXWriter().write(document(blocks)))
        #expect(back.blocks == [blocks[0], blocks[1], .table(docxView(WriterFixtures.mergedTable)), blocks[3],
                                .table(docxView(WriterFixtures.hazardTable))])
        #expect(back.documentXML.contains("<w:pStyle w:val=\"Heading3\"/>"))
        #expect(Set(back.parts) == ["[Content_Types].xml", "_rels/.rels", "word/document.xml",
                                    "word/_rels/document.xml.rels", "word/styles.xml"])
        #expect(DOCXParts.styles.contains("<w:style w:type=\"paragraph\" w:styleId=\"Heading3\"><w:name w:val=\"heading 3\"/>"))
    }

    @Test func syntheticEdgeCellsGoBackToGridBeforeAndAfter() throws {
        let raw = RawTable(rows: [
            RawRow(cells: [RawCell(text: "a"), RawCell(text: "b"), RawCell(text: "c")]),
            RawRow(cells: [RawCell(text: "d")], gridBefore: 1, gridAfter: 1),
            RawRow(cells: [RawCell(text: "e", colSpan: 2)]),
        ], declaredColumns: 3)
        let table = try GridAssembler().assemble(raw, id: "t1")
        let back = try DOCXReadBack(DOCXWriter().write(document([.table(table)])))
        #expect(back.documentXML.contains("<w:trPr><w:gridBefore w:val=\"1\"/><w:gridAfter w:val=\"1\"/></w:trPr>"))
        #expect(back.documentXML.contains("<w:trPr><w:gridAfter w:val=\"1\"/></w:trPr>"))
        guard case .table(let read)? = back.blocks.first else { Issue.record("no table read back"); return }
        #expect(read.cells == table.cells)
        #expect(read.cells.filter(\.isSynthetic).count == 3)
    }

    @Test func nestedTablesAreWrittenInsideTheirCell() throws {
        let back = try DOCXReadBack(DOCXWriter().write(WriterFixtures.document))
        let xml = back.documentXML
        // The nested table sits inside a w:tc and is followed by the paragraph Word requires.
        let nested = "<w:tc><w:tcPr><w:tcW w:w=\"4819\" w:type=\"dxa\"/></w:tcPr><w:tbl>"
        #expect(xml.contains(nested))
        #expect(xml.contains("</w:tbl><w:p/></w:tc></w:tr></w:tbl>"))
        #expect(xml.components(separatedBy: "<w:tbl>").count - 1 == 4)
    }

    @Test func brokenTablesAreRefusedWithAMessage() {
        let broken = Table(id: "t7", rows: 2, columns: 2, cells: [Cell(row: 0, column: 0, text: "x")])
        #expect(throws: RegridError.output("cannot write table t7: its cells do not tile its grid")) {
            try DOCXWriter().write(document([.table(broken)]))
        }
    }

    @Test func invalidXMLCharactersAreDropped() throws {
        let back = try DOCXReadBack(DOCXWriter().write(document([.paragraph(Paragraph(text: "a\u{1}b\u{FFFF}c"))])))
        #expect(back.blocks == [.paragraph(Paragraph(text: "abc"))])
    }
}

@Suite("DOCX cell paragraphs")
struct DOCXCellParagraphTests {
    @Test func lineBreaksBecomeParagraphsOnlyWhereTheyReadBackTheSame() {
        #expect(DOCXWriter.cellParagraphs("a\nb") == ["a", "b"])
        #expect(DOCXWriter.cellParagraphs("") == [""])
        #expect(DOCXWriter.cellParagraphs("or \nE. coli") == ["or \nE. coli"])
        #expect(DOCXWriter.cellParagraphs("a\n b\nc") == ["a\n b", "c"])
        #expect(DOCXWriter.cellParagraphs("Data\n\nNext\nLast") == ["Data\n\nNext", "Last"])
    }
}
