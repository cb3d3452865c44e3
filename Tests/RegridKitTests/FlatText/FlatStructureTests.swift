import Testing
@testable import RegridKit

/// Structures of Tika text that the reader must map back to what the DOCX reader gives.
@Suite struct FlatStructureTests {
    func read(_ text: String) throws -> Document {
        let doc = try FlatTextReader().read(bytes: Array(text.utf8), name: "in.txt")
        try doc.validate()
        return doc
    }

    @Test func tikaCheckboxMarksBecomeBoxGlyphs() throws {
        let doc = try read("Office |X| Urgent |_| Routine\n\t|_| A\n\t|X| B\n\n\n")
        #expect(doc.blocks.first == .paragraph(Paragraph(text: "Office ☒ Urgent ☐ Routine")))
        #expect(doc.tables.first?.cells.map(\.text) == ["☐ A", "☒ B"])
    }

    @Test func emptyParagraphsInACellAreLeftOutOfItsText() throws {
        let doc = try read("\tA\n\nB\n\n\t1\n\n\n")
        #expect(doc.tables.first?.cells.map(\.text) == ["A\nB", "1"])
    }
}
