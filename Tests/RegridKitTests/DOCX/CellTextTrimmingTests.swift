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

    /// The shortcut that skips trimming when the first and last scalars cannot be whitespace
    /// agrees with trimming by characters, for every first scalar of the ranges it trusts and
    /// around them, with whitespace and combining marks at the end.
    @Test func shortcutAgreesWithTrimmingByCharacters() {
        let firsts = Array(0x00...0x7F) + Array(0x2FF0...0x3020) + Array(0x4DF0...0x4E10) + Array(0x9FF0...0xA010) + Array(0xFEF0...0xFF70)
        for value in firsts {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for tail in ["数据", "数据 ", "数据\u{301}", "1", "\u{3000}"] {
                let text = String(scalar) + tail
                #expect(text.trimmedForCell == text.trimmed(where: { $0.isWhitespace }), "U+\(String(value, radix: 16)) + \(tail.unicodeScalars.map(\.value))")
            }
        }
    }
}
