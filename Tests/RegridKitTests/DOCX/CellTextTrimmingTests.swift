import Testing
@testable import RegridKit

/// Paragraph and cell text is trimmed by characters: a character is whitespace when its first
/// scalar is, so a space carrying a combining mark goes with its mark.
@Suite struct CellTextTrimmingTests {
    @Test(arguments: [
        ("数据", "数据"),
        ("（一）予以公开", "（一）予以公开"),
        ("Total 12", "Total 12"),
        ("\u{3000}数据\u{3000}", "数据"),
        (" \t数据\n", "数据"),
        ("数据 \u{301}", "数据"),
        (" \u{301}数据", "数据"),
        ("表\r\n", "表"),
        ("a\u{301}", "a\u{301}"),
        ("数据\u{301}", "数据\u{301}"),
        ("\u{A0}12\u{A0}", "12"),
        ("   ", ""),
        ("", ""),
    ])
    func trimsWhitespaceCharactersAtBothEnds(_ text: String, _ trimmed: String) {
        #expect(text.trimmedForCell.unicodeScalars.elementsEqual(trimmed.unicodeScalars))
    }
}
