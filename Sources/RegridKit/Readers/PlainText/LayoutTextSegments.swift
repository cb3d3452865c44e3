/// A line of `pdftotext -layout` text cut at its gutters: runs of text separated by two spaces or
/// more (or by one space between two wide characters: CJK cells of a header row often stand one
/// space apart), each with its extent in display columns.
///
/// `-layout` text lays characters out on a monospace grid where a CJK character takes two
/// columns, so horizontal positions are display widths, not character counts.
struct LayoutTextLine: Sendable {
    /// One run of text between gutters.
    struct Segment: Sendable, Equatable {
        var text: String
        /// First display column.
        var start: Int
        /// Display column just after the last character.
        var end: Int
        /// Centre of the extent, doubled (stays an integer).
        var centre2: Int { start + end }
    }

    /// Lines wider than this are not table lines (a page of `-layout` text is ~100–250 columns);
    /// it also bounds the work per region.
    static let maxWidth = 600

    let segments: [Segment]
    /// Display width of the line (0 for a blank line).
    let width: Int

    init<S: StringProtocol>(_ text: S) {
        var segments: [Segment] = []
        var column = 0
        var current = ""
        var start = 0
        var spaces = 0
        var lastWide = false
        for s in text.unicodeScalars {
            if s == " " || s == "\t" || s == "\u{3000}" || s == "\u{0C}" || s == "\u{A0}" || s.properties.isWhitespace {
                let w = s == "\t" ? 8 - column % 8 : max(1, Self.width(s))
                spaces += w
                column += w
                continue
            }
            let w = Self.width(s)
            let wide = w == 2
            if !current.isEmpty && spaces > 0 && (spaces >= 2 || (wide && lastWide)) {
                segments.append(Segment(text: current, start: start, end: column - spaces))
                current = ""
            }
            if current.isEmpty { start = column } else if spaces > 0 { current += " " }
            current.unicodeScalars.append(s)
            spaces = 0
            lastWide = wide
            column += w
            if column > Self.maxWidth * 4 { break }
        }
        if !current.isEmpty { segments.append(Segment(text: current, start: start, end: column - spaces)) }
        self.segments = segments
        self.width = segments.last?.end ?? 0
    }

    var isBlank: Bool { segments.isEmpty }

    /// Display width of a character: 2 for East Asian wide and full-width characters, 0 for
    /// combining marks, else 1.
    static func width(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x300 { return 1 }
        if (0x300...0x36F).contains(v) || (0x200B...0x200F).contains(v) { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }
}
