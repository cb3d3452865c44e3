/// Writes a document as GitHub-flavoured Markdown: headings as `#`…`######`, paragraphs, and
/// each table as a pipe table when it can be one (no merged cell, no nested table, at least one
/// row), otherwise as an HTML `<table>` block with `rowspan`/`colspan` (GitHub renders both).
///
/// A pipe table's first row is its header row (GitHub requires one), whatever `headerRows` says;
/// columns whose body cells are all numbers are right-aligned. Text is escaped so that it reads
/// as written: Markdown punctuation is backslash-escaped, `|` too inside tables, and line breaks
/// inside a cell become `<br>`.
public struct MarkdownWriter: Sendable {
    public init() {}

    /// The Markdown text, ending in a newline.
    public func write(_ document: Document) -> String {
        var parts: [String] = []
        for block in document.blocks {
            switch block {
            case .heading(let h):
                let level = min(6, max(1, h.level))
                parts.append(String(repeating: "#", count: level) + " " + MarkdownWriter.inline(h.text.replacingNewlines()))
            case .paragraph(let p):
                guard !p.text.isEmpty else { continue }
                parts.append(p.text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
                    .map { MarkdownWriter.inline(String($0)) }.joined(separator: "\\\n"))
            case .table(let t):
                parts.append(table(t))
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// True when the table fits a pipe table.
    public static func isPipeTable(_ table: Table) -> Bool {
        table.rows > 0 && table.columns > 0
            && table.cells.allSatisfy { $0.rowSpan == 1 && $0.colSpan == 1 && ($0.blocks ?? []).isEmpty }
    }

    private func table(_ t: Table) -> String {
        guard MarkdownWriter.isPipeTable(t), let map = t.completeSlotMap() else {
            var html = HTMLTableRenderer(styled: false, annotations: Annotations()).render(t, notes: [])
            html.removeLast()   // the final newline; blocks are joined by blank lines
            return html
        }
        func row(_ r: Int) -> String {
            "| " + (0..<t.columns).map { MarkdownWriter.cell(t.cells[map[r][$0]].text) }.joined(separator: " | ") + " |"
        }
        let alignment = (0..<t.columns).map { c -> String in
            let body = (1..<t.rows).map { t.cells[map[$0][c]].text }.filter { !$0.isEmpty }
            return !body.isEmpty && body.allSatisfy({ NumberText($0) != nil }) ? "---:" : "---"
        }
        var lines = [row(0), "| " + alignment.joined(separator: " | ") + " |"]
        for r in 1..<t.rows { lines.append(row(r)) }
        return lines.joined(separator: "\n")
    }

    /// Text of a pipe-table cell: escaped, `|` escaped, line breaks as `<br>`.
    static func cell(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { escaped(String($0)).replacingPipes() }
            .joined(separator: "<br>")
    }

    /// Text with the inline characters Markdown would interpret backslash-escaped (emphasis,
    /// code, links, HTML), `&` as an entity.
    static func escaped(_ line: String) -> String {
        var out = ""
        for character in line {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "~": out += "\\" + String(character)
            case "&": out += "&amp;"
            default: out.append(character)
            }
        }
        return out
    }

    /// One line of text with the characters Markdown would interpret backslash-escaped:
    /// emphasis, code, links, HTML, and at the start of a line headings, quotes, lists and rules.
    static func inline(_ line: String) -> String {
        let out = escaped(line)
        // Block markers only matter at the start of a line.
        let trimmed = out.drop { $0 == " " }
        let lead = out.count - trimmed.count
        if let first = trimmed.first, "#+-=|".contains(first) {
            return String(out.prefix(lead)) + "\\" + String(trimmed)
        }
        // An ordered-list marker: digits followed by `.` or `)`.
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        let afterDigits = trimmed.dropFirst(digits.count)
        if !digits.isEmpty, digits.count <= 9, let marker = afterDigits.first, marker == "." || marker == ")",
           afterDigits.dropFirst().first.map({ $0 == " " || $0 == "\t" }) ?? true {
            return String(out.prefix(lead)) + digits + "\\" + String(afterDigits)
        }
        return out
    }
}

extension String {
    /// The string with `|` escaped for a pipe-table cell.
    fileprivate func replacingPipes() -> String {
        var out = ""
        for character in self {
            if character == "|" { out += "\\|" } else { out.append(character) }
        }
        return out
    }
}
