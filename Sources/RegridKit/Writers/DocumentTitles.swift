/// What people call a document and its tables, for the writers that name things: an HTML page's
/// `<title>`, an XLSX sheet's name.
///
/// - The document's title: a document that opens with a heading is titled by it; otherwise the
///   short lines it opens with (up to three paragraphs of at most ``maxTitleLine`` characters that
///   do not end a sentence) are its title, joined as ``TableHeaders/label(_:)`` joins wrapped
///   lines (`西宁市湟中区统计局⏎2020年政府信息公开工作年度报告`); else its first heading; else the
///   source's name.
/// - A table's caption: the last heading between the previous table and it, else the paragraph
///   right before it when that is a short line; nil when there is neither.
public enum DocumentTitles {
    /// The longest paragraph taken for a title or caption line.
    public static let maxTitleLine = 60

    /// The document's title for people.
    public static func title(of document: Document) -> String {
        var lines: [String] = []
        for (index, block) in document.blocks.enumerated() {
            switch block {
            case .heading(let h) where index == 0 && !h.text.isEmpty:
                return TableHeaders.label(h.text)
            case .paragraph(let p) where lines.count < 3 && isTitleLine(p.text):
                lines.append(p.text)
                continue
            default:
                break
            }
            break
        }
        if !lines.isEmpty { return TableHeaders.label(lines.joined(separator: "\n")) }
        for case .heading(let h) in document.blocks where !h.text.isEmpty { return TableHeaders.label(h.text) }
        return document.source.name
    }

    /// The caption of every top-level table that has one, by table id.
    public static func captions(of document: Document) -> [String: String] {
        var captions: [String: String] = [:]
        var heading: String?
        var previous: Block?
        for block in document.blocks {
            switch block {
            case .heading(let h):
                if !h.text.isEmpty { heading = h.text }
            case .paragraph:
                break
            case .table(let t):
                var caption = heading
                if caption == nil, case .paragraph(let p)? = previous, isTitleLine(p.text) { caption = p.text }
                if let caption { captions[t.id] = TableHeaders.label(caption) }
                heading = nil
            }
            previous = block
        }
        return captions
    }

    /// A short line that does not end a sentence.
    private static func isTitleLine(_ text: String) -> Bool {
        let trimmed = text.drop { $0.isWhitespace }
        guard let last = trimmed.last(where: { !$0.isWhitespace }), trimmed.count <= maxTitleLine else { return false }
        return !"。．.；;，,：:！!？?".contains(last)
    }
}
