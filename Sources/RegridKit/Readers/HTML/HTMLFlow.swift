/// The text of one block container (the page body, a table cell) as it is walked: inline text
/// collects into the current line with HTML's white-space rules; a block boundary or `<br>`
/// ends the line. Finished lines become paragraphs (or headings) in ``list``.
///
/// White space: runs of ASCII white space collapse to one space; a no-break space (`&nbsp;`)
/// becomes a plain space that does not collapse (as a browser shows it); inside `<pre>` text is
/// kept as written, line by line. Every line is trimmed like a DOCX paragraph and dropped when
/// it is then empty.
struct HTMLFlow {
    /// Blocks and lines so far (the lines of nested tables included, as for DOCX cells).
    var list = BlockList()
    private var line = ""
    private var pendingSpace = false
    /// Heading level of the block being collected, nil for a paragraph.
    var headingLevel: Int?

    /// Adds character data.
    mutating func append(text: String, preformatted: Bool) {
        if preformatted {
            for scalar in text.unicodeScalars {
                if scalar == "\n" { endLine() } else { line.unicodeScalars.append(scalar == "\u{A0}" ? " " : scalar) }
            }
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ", "\t", "\n", "\r", "\u{0C}":
                pendingSpace = !line.isEmpty
            case "\u{A0}":
                line.unicodeScalars.append(" ")
                pendingSpace = false
            default:
                if pendingSpace { line.unicodeScalars.append(" "); pendingSpace = false }
                line.unicodeScalars.append(scalar)
            }
        }
    }

    /// Ends the current line (a `<br>` or a block boundary); an empty line leaves nothing.
    mutating func endLine() {
        let text = line.trimmedForCell
        line = ""
        pendingSpace = false
        guard !text.isEmpty else { return }
        if let level = headingLevel {
            list.blocks.append(.heading(Heading(level: level, text: text)))
        } else {
            list.blocks.append(.paragraph(Paragraph(text: text)))
        }
        list.lines.append(text)
    }

    /// Adds the blocks and lines of another container (a layout table's cell) after this one's.
    mutating func append(_ other: BlockList) {
        endLine()
        list.append(other)
    }
}
