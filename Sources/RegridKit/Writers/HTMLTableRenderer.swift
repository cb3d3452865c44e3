/// Renders one ``Table`` as an HTML `<table>` with `rowspan`/`colspan`, header rows in
/// `<thead>` as `<th>`, header columns as `<th scope="row">`, and escaped text (line breaks as
/// `<br>`; nested tables rendered inside their cell). Shared by ``HTMLWriter`` (styled, with
/// notes) and ``MarkdownWriter`` (plain, for tables GitHub pipe tables cannot hold).
struct HTMLTableRenderer {
    /// One numbered note shown beside a table: a diagnostic, or one failed check with every
    /// cell it concerns.
    struct Note {
        var number: Int
        var severity: Diagnostic.Severity
        var code: String?
        var message: String
        /// `[row, column]` of the slots concerned (none for a note on the whole table).
        var slots: [(row: Int, column: Int)]
    }

    /// Classes, badges and notes (HTML report) or none of them (Markdown).
    var styled: Bool
    var annotations: Annotations
    /// Show `info` diagnostics (what was inferred rather than read, such as `span-inferred`).
    var showsInferred = true

    /// The table's notes: its diagnostics in order (`info` ones only when ``showsInferred``),
    /// then one note per distinct mark message (a failed check marks every figure it added up:
    /// one note, referenced from each of those cells).
    func notes(for table: Table) -> [Note] {
        guard styled else { return [] }
        var notes: [Note] = []
        for d in table.diagnostics where showsInferred || d.severity > .info {
            let slots = d.cell.flatMap { $0.count == 2 ? [($0[0], $0[1])] : nil } ?? []
            notes.append(Note(number: notes.count + 1, severity: d.severity, code: d.code, message: d.message, slots: slots))
        }
        let first = notes.count
        for m in annotations.marks(for: table.id) {
            if let same = notes[first...].firstIndex(where: { $0.message == m.message && $0.severity == m.severity }) {
                notes[same].slots.append((m.row, m.column))
            } else {
                notes.append(Note(number: notes.count + 1, severity: m.severity, code: nil, message: m.message, slots: [(m.row, m.column)]))
            }
        }
        return notes
    }

    /// Rows that go into `<thead>`: the stated header rows, grown so that no header cell's
    /// `rowspan` crosses into the body (browsers would cut it there).
    static func headRowCount(_ table: Table) -> Int {
        var k = min(table.headerRows, table.rows)
        guard k > 0 else { return 0 }
        while true {
            let reach = table.cells.filter { $0.row < k }.map { $0.row + $0.rowSpan }.max() ?? k
            if reach <= k { return k }
            k = min(reach, table.rows)
        }
    }

    /// The `<table>` element, each row on its own line (no blank lines, so that it stays one
    /// HTML block inside Markdown).
    func render(_ table: Table, notes: [Note], indent: String = "") -> String {
        guard let map = table.completeSlotMap() else {
            return indent + "<p>" + XMLEscaping.text("table \(table.id): its cells do not tile its grid") + "</p>\n"
        }
        // Notes by the index of the cell that covers their slot.
        var notesByCell: [Int: [Note]] = [:]
        for note in notes {
            var cells: [Int] = []
            for slot in note.slots where (0..<table.rows).contains(slot.row) && (0..<table.columns).contains(slot.column) {
                let index = map[slot.row][slot.column]
                if !cells.contains(index) { cells.append(index) }
            }
            for index in cells { notesByCell[index, default: []].append(note) }
        }
        let head = HTMLTableRenderer.headRowCount(table)
        var out = indent + (styled ? "<table id=\"\(XMLEscaping.attribute(table.id))\">\n" : "<table>\n")
        var index = 0
        for r in 0..<table.rows {
            if r == 0 && head > 0 { out += indent + "<thead>\n" }
            if r == head { out += indent + "<tbody>\n" }
            out += indent + "<tr>"
            while index < table.cells.count && table.cells[index].row == r {
                out += cell(table.cells[index], inHead: r < head, table: table, notes: notesByCell[index] ?? [], indent: indent)
                index += 1
            }
            out += "</tr>\n"
            if r == head - 1 { out += indent + "</thead>\n" }
        }
        if head < table.rows { out += indent + "</tbody>\n" }
        return out + indent + "</table>\n"
    }

    private func cell(_ cell: Cell, inHead: Bool, table: Table, notes: [Note], indent: String) -> String {
        let isHeader = inHead || cell.column < table.headerColumns
        let tag = isHeader ? "th" : "td"
        var attributes = ""
        if cell.rowSpan > 1 { attributes += " rowspan=\"\(cell.rowSpan)\"" }
        if cell.colSpan > 1 { attributes += " colspan=\"\(cell.colSpan)\"" }
        if isHeader {
            let scope = inHead ? (cell.colSpan > 1 ? "colgroup" : "col") : (cell.rowSpan > 1 ? "rowgroup" : "row")
            attributes += " scope=\"\(scope)\""
        }
        if styled {
            var classes: [String] = []
            if !isHeader && NumberText(cell.text) != nil { classes.append("num") }
            if cell.isSynthetic { classes.append("synthetic") }
            if let worst = notes.map(\.severity).max() { classes.append("mark-\(worst.rawValue)") }
            if !classes.isEmpty { attributes += " class=\"\(classes.joined(separator: " "))\"" }
            if !notes.isEmpty {
                attributes += " title=\"" + XMLEscaping.attribute(notes.map(\.message).joined(separator: "\n")) + "\""
            }
        }
        var content: String
        if let blocks = cell.blocks, !blocks.isEmpty {
            content = "\n" + blocks.map { nested($0, indent: indent + "  ") }.joined() + indent
        } else {
            content = HTMLTableRenderer.inline(cell.text)
        }
        for note in notes {
            content += "<a class=\"ref \(note.severity.rawValue)\" href=\"#\(XMLEscaping.attribute(table.id))-n\(note.number)\">\(note.number)</a>"
        }
        return "<\(tag)\(attributes)>\(content)</\(tag)>"
    }

    private func nested(_ block: Block, indent: String) -> String {
        switch block {
        case .heading(let h): return indent + "<p><strong>" + HTMLTableRenderer.inline(h.text) + "</strong></p>\n"
        case .paragraph(let p): return indent + "<p>" + HTMLTableRenderer.inline(p.text) + "</p>\n"
        case .table(let t): return render(t, notes: [], indent: indent)
        }
    }

    /// Escaped text with line breaks as `<br>`.
    static func inline(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { XMLEscaping.text(String($0)) }
            .joined(separator: "<br>")
    }
}
