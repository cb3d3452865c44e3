/// One cell as read from flattened text: its paragraphs in order, before any span is inferred.
struct FlatCell: Equatable, Sendable {
    /// Its paragraphs, those of nested tables included (in document order, as the DOCX
    /// reader's cell text has them).
    var paragraphs: [String]
    /// 1-based input line where the cell starts.
    var line: Int
    /// The cell's content in order when it holds a nested table, else nil.
    var parts: [FlatCellPart]? = nil

    /// Adds a paragraph after what the cell holds.
    mutating func append(paragraph: String) {
        paragraphs.append(paragraph)
        parts?.append(.paragraph(paragraph))
    }
    /// The paragraphs trimmed and joined by `"\n"`, empty ones left out (the model's cell text,
    /// the same convention as the DOCX reader's).
    var text: String {
        paragraphs.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}

/// A piece of a cell that holds a nested table.
enum FlatCellPart: Equatable, Sendable {
    case paragraph(String)
    case table(FlatTable)
}

/// One table row as read: the cells in order, no spans yet.
struct FlatRow: Equatable, Sendable {
    var cells: [FlatCell]
    var line: Int
}

/// The two table layouts of flattened text (`spec/flat-text.md` §3 and §4.2).
enum FlatLayout: String, Sendable {
    /// Tika ≤ 3.3.1 DOM: a TAB line per cell, a blank line per row, a second per table.
    case cellPerLine = "cell-per-line"
    /// Tika ≥ 3.3.2 SAX, browser copy, Word text: a row per line, TAB before each cell.
    case rowPerLine = "row-per-line"
}

/// A table as read, before reconstruction.
struct FlatTable: Equatable, Sendable {
    var rows: [FlatRow]
    var layout: FlatLayout
    /// 1-based line of the table's first cell.
    var line: Int
    /// False when the input ended inside the table (truncated text).
    var closed: Bool
}

/// A block of flattened text in document order.
enum FlatBlock: Equatable, Sendable {
    case paragraph(String, line: Int)
    case table(FlatTable)
}

/// The line grammar of Tika-style flattened text (`spec/flat-text.md` §3.1, §4.2), in one
/// linear pass over normalized UTF-8 (LF line ends). The layout is chosen per table: a table
/// whose TAB lines mostly hold more than one TAB is read row-per-line, otherwise cell-per-line.
///
/// Cell-per-line: a TAB line starts a cell, a bare line is a further paragraph of it, a blank
/// line ends the row when the next line starts a cell, ends row and table when the next line is
/// blank too, and is an empty paragraph of the cell when text follows (Tika never writes text
/// right after a row end). One blank line between two TAB lines is always a row end, never an
/// empty last paragraph of the cell before it (§3.2 a): on real documents' Tika text it is a row
/// end 99.7 % of the time (2 598 cases, issue 13), and the rows it leaves short are read as
/// short rows (their spans inferred), not joined to their neighbours.
///
/// Row-per-line (Tika SAX): see ``parseRowPerLine()`` (FlatRowLineGrammar.swift).
struct FlatLineParser {
    private let bytes: [UInt8]
    private var pos = 0
    private(set) var lineNumber = 0
    private(set) var diagnostics: [Diagnostic] = []
    /// End of the text that a rejected nested-table reading has looked at: no new attempt
    /// starts before it, so that a run of `→→` lines is not re-read once per line (linear time).
    private var nestedScanEnd = 0

    init(utf8: [UInt8]) { self.bytes = utf8 }

    private static let tab: UInt8 = 0x09
    private static let newline: UInt8 = 0x0A

    /// A line as a byte range, without its LF.
    struct Line {
        var start: Int
        var end: Int
        var isBlank: Bool { start == end }
    }

    func line(at offset: Int) -> Line? {
        guard offset < bytes.count else { return nil }
        return Line(start: offset, end: bytes[offset...].firstIndex(of: Self.newline) ?? bytes.count)
    }

    func peek() -> Line? { line(at: pos) }

    /// The line after `l` (for look-ahead).
    func after(_ l: Line) -> Line? { line(at: l.end + 1) }

    mutating func advance(past l: Line) {
        pos = l.end + 1
        lineNumber += 1
    }

    func startsWithTab(_ l: Line) -> Bool { !l.isBlank && bytes[l.start] == Self.tab }

    func string(_ l: Line, from offset: Int = 0) -> String {
        String(decoding: bytes[(l.start + offset)..<l.end], as: UTF8.self)
    }

    func tabCount(_ l: Line) -> Int {
        var n = 0
        for i in l.start..<l.end where bytes[i] == Self.tab { n += 1 }
        return n
    }

    /// Parses the whole input.
    mutating func parse() -> [FlatBlock] {
        var blocks: [FlatBlock] = []
        /// True right after a cell-per-line table's end, before any other line.
        var afterTable = false
        while let l = peek() {
            if startsWithTab(l) {
                var table = parseTable(from: l)
                if table.layout == .cellPerLine, let (leading, trimmed) = Self.splitLeadingParagraphs(table) {
                    blocks += Self.tabParagraphs(leading)
                    table = trimmed
                    report(Diagnostic(.info, "tab-paragraphs",
                        "the first \(leading.count) TAB line(s) from line \(leading[0].line) read as paragraphs indented with a TAB before the table: its first row would otherwise have more cells than every other row",
                        line: leading[0].line))
                }
                if afterTable, case .table(let previous)? = blocks.last, let joined = continuation(of: previous, by: table) {
                    blocks[blocks.count - 1] = .table(joined)
                } else {
                    blocks.append(.table(table))
                }
                afterTable = table.layout == .cellPerLine && table.closed
            } else {
                afterTable = false
                advance(past: l)
                if !l.isBlank { blocks.append(.paragraph(string(l), line: lineNumber)) }
            }
        }
        return blocks
    }

    /// Cells read as body paragraphs that begin with a typed TAB: each paragraph one block.
    private static func tabParagraphs(_ cells: [FlatCell]) -> [FlatBlock] {
        cells.flatMap { cell in
            cell.paragraphs.enumerated().compactMap { i, text in
                text.trimmingWhitespace().isEmpty ? nil : FlatBlock.paragraph(text, line: cell.line + i)
            }
        }
    }

    /// Paragraphs that begin with a typed TAB right before a cell-per-line table (a body written
    /// with TAB indents, issue 13): Tika writes them as TAB lines with no blank line after them,
    /// so they read as the first cells of the table's first row. Where that row has at least twice
    /// as many cells as every other row, and the other rows (two or more) all have the same number
    /// `w` (a header row with a cell or two more than the rows below is a real header: docling
    /// `word_tables`), the
    /// first row keeps its last `w` cells and the cells before them are returned, their lines to
    /// be read as paragraphs (a bare line after one is a body paragraph too). Nil when the table
    /// does not look like that.
    static func splitLeadingParagraphs(_ table: FlatTable) -> ([FlatCell], FlatTable)? {
        guard table.rows.count >= 3, let first = table.rows.first else { return nil }
        let widths = Set(table.rows.dropFirst().map(\.cells.count).filter { $0 > 0 })
        guard widths.count == 1, let w = widths.first, first.cells.count >= 2 * w else { return nil }
        let leading = Array(first.cells.prefix(first.cells.count - w))
        guard leading.allSatisfy({ $0.parts == nil }) else { return nil }
        var trimmed = table
        trimmed.rows[0].cells = Array(first.cells.suffix(w))
        trimmed.rows[0].line = trimmed.rows[0].cells[0].line
        trimmed.line = trimmed.rows[0].line
        return (leading, trimmed)
    }

    /// One table from the TAB line `first`, in the layout its lines show. Where no TAB line holds
    /// a second TAB (one-column tables, or one cell per line), the TAB counts say nothing, and
    /// the table is read both ways: the row-per-line reading is kept when it reaches as far into
    /// the text (to the same next non-blank line) or is followed by body text, not a TAB line,
    /// and gives rows of one width while the cell-per-line reading gives rows of different widths (a one-column table in Tika ≥ 3.3.2 text: `→A`, `→B` on consecutive lines
    /// are two rows, which cell-per-line reads as two cells of one row). It is kept too, rows of one
    /// width given, when it reads the table to the end of the text and closes it there while the
    /// cell-per-line reading is left unterminated (one blank line at the end: row per line's table
    /// end, half of cell per line's). Otherwise, and on a tie,
    /// cell-per-line is kept. Each reading is one pass over the table's lines, so this stays linear.
    private mutating func parseTable(from first: Line) -> FlatTable {
        let (layout, evidence) = detectLayout(from: first)
        if evidence { return layout == .cellPerLine ? parseCellPerLine() : parseRowPerLine() }
        var asCells = self, asRows = self
        let cellTable = asCells.parseCellPerLine()
        let rowTable = asRows.parseRowPerLine()
        let widths = { (t: FlatTable) in Set(t.rows.lazy.filter { !$0.cells.isEmpty }.map(\.cells.count)) }
        let rowsEndAtText = asRows.peekText().map { !startsWithTab($0) } ?? true
        let reachesAsFar = asRows.nextTextOffset >= asCells.nextTextOffset || rowsEndAtText
        // Cell per line needs a blank line for the last row's end and one for the table's end:
        // where the text ends after row per line's single one, so that row per line reads the
        // table to the end of the text and closes it, only a text cut short would be cell per
        // line (a one-column table of empty cells at the end of the text, `→ → → ∅`).
        let cellsCutShort = !cellTable.closed && rowTable.closed && asRows.peekText() == nil
        if rowTable.rows.count > 1, widths(rowTable).count == 1,
           reachesAsFar && widths(cellTable).count > 1 || cellsCutShort {
            self = asRows
            let cellReading = cellsCutShort ? "would leave the table unterminated"
                : "would give rows of \(widths(cellTable).sorted().map(String.init).joined(separator: ", ")) cells"
            report(Diagnostic(.info, "flat-layout-per-table",
                "the table at line \(rowTable.line) has no line with two TABs: read row per line, as its rows then all have \(widths(rowTable).first ?? 0) cell(s) (cell per line \(cellReading))",
                line: rowTable.line))
            return rowTable
        }
        self = asCells
        return cellTable
    }

    /// The offset of the next non-blank line (the end of the text when none): where a table's
    /// reading stopped, whichever of its closing blank lines its grammar counts as its own.
    private var nextTextOffset: Int {
        var offset = pos
        while offset < bytes.count && bytes[offset] == Self.newline { offset += 1 }
        return offset
    }

    /// The next non-blank line, nil at the end of the text.
    private func peekText() -> Line? { line(at: nextTextOffset) }

    /// Looks at the TAB lines up to the table's probable end (two blank lines) or 400 lines;
    /// `evidence` is false when no TAB line there holds a second TAB (both layouts fit).
    private func detectLayout(from first: Line) -> (layout: FlatLayout, evidence: Bool) {
        var single = 0, multi = 0, blanks = 0, seen = 0
        var current: Line? = first
        while let l = current, seen < 400 {
            seen += 1
            if l.isBlank {
                blanks += 1
                if blanks >= 2 { break }
            } else {
                blanks = 0
                if startsWithTab(l) {
                    if tabCount(l) > 1 { multi += 1 } else { single += 1 }
                }
            }
            current = after(l)
        }
        return (multi > 0 && multi * 4 >= single ? .rowPerLine : .cellPerLine, multi > 0)
    }

    /// Deepest nesting of tables in cells that is read as such.
    static let maxNesting = 8

    private mutating func parseCellPerLine(depth: Int = 0) -> FlatTable {
        let startLine = lineNumber + 1
        var rows: [FlatRow] = []
        var cells: [FlatCell] = []
        var rowLine = startLine
        var closed = false
        while let l = peek() {
            if startsWithTab(l), depth < Self.maxNesting, let cell = nestedTableCell(at: l, depth: depth) {
                if cells.isEmpty { rowLine = cell.line }
                cells.append(cell)
            } else if startsWithTab(l) {
                advance(past: l)
                if cells.isEmpty { rowLine = lineNumber }
                cells.append(FlatCell(paragraphs: [string(l, from: 1)], line: lineNumber))
            } else if !l.isBlank {
                advance(past: l)
                if cells.isEmpty {
                    // Unreachable with the look-ahead below; kept as a cell so no text is lost.
                    rowLine = lineNumber
                    cells.append(FlatCell(paragraphs: [string(l)], line: lineNumber))
                } else {
                    cells[cells.count - 1].append(paragraph: string(l))
                }
            } else {
                advance(past: l)
                guard let next = peek() else {
                    rows.append(FlatRow(cells: cells, line: rowLine))
                    cells = []
                    break
                }
                if next.isBlank {
                    if let third = after(next), startsWithTab(third), cells.count > 1, let last = cells.last,
                       last.paragraphs.allSatisfy({ $0.trimmingWhitespace().isEmpty }) {
                        // `→ ∅ ∅ →Y` after an empty cell: read as that cell's empty paragraphs
                        // and a row end rather than a table end (§3.2 b). Generated files do
                        // put tables back to back, so this is only done for an empty cell, and
                        // not when it is the row's only cell: in `../shared/corpus/docx` 14 rows
                        // end in an empty cell of several paragraphs, none of them a one-cell row,
                        // while a table whose last row is one empty cell is followed right away
                        // by the next table (unstructured `tables-with-incomplete-rows`).
                        advance(past: next)
                        cells[cells.count - 1].append(paragraph: "")
                        rows.append(FlatRow(cells: cells, line: rowLine))
                        cells = []
                        continue
                    }
                    advance(past: next)
                    rows.append(FlatRow(cells: cells, line: rowLine))
                    cells = []
                    closed = true
                    break
                } else if startsWithTab(next) {
                    rows.append(FlatRow(cells: cells, line: rowLine))
                    cells = []
                } else if !cells.isEmpty {
                    cells[cells.count - 1].append(paragraph: "")
                }
            }
        }
        if !cells.isEmpty { rows.append(FlatRow(cells: cells, line: rowLine)) }
        if !closed { reportUnterminated(startLine) }
        return FlatTable(rows: rows, layout: .cellPerLine, line: startLine, closed: closed)
    }

    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// A cell whose content starts with a nested table: Tika writes the outer cell's TAB and
    /// the nested table's first cell's TAB back to back (`→→X`), then the nested table in the
    /// same grammar (ending with its row and table blank lines), then the paragraph Word always
    /// puts after a table in a cell (often empty: one more blank line). The reading is kept
    /// only when the outer table goes on as a table after it (a cell, a row end or its end);
    /// otherwise `→→X` is a cell whose text starts with a typed TAB, and nil is returned with
    /// the position unchanged.
    private mutating func nestedTableCell(at l: Line, depth: Int) -> FlatCell? {
        guard l.end - l.start >= 2, bytes[l.start + 1] == Self.tab, l.start >= nestedScanEnd else { return nil }
        let saved = (pos: pos, lineNumber: lineNumber, diagnostics: diagnostics.count)
        pos = l.start + 1
        let nested = parseCellPerLine(depth: depth + 1)
        var cell = FlatCell(paragraphs: nested.rows.flatMap { $0.cells.flatMap(\.paragraphs) }, line: nested.line,
                            parts: [.table(nested)])
        if nested.closed, let after = peek(), !startsWithTab(after) {
            advance(past: after)
            cell.append(paragraph: string(after))
        }
        let goesOn = peek().map { startsWithTab($0) || $0.isBlank } ?? false
        guard nested.closed, goesOn, nested.rows.count + (nested.rows.first?.cells.count ?? 0) > 2 else {
            nestedScanEnd = max(nestedScanEnd, pos)
            pos = saved.pos
            lineNumber = saved.lineNumber
            diagnostics.removeSubrange(saved.diagnostics...)
            return nil
        }
        diagnostics.append(Diagnostic(.info, "nested-table-inferred",
            "the cell at line \(nested.line) starts with two TABs: read as a table nested in the cell (\(nested.rows.count) rows)",
            line: nested.line))
        return cell
    }

    /// Ambiguity §3.2 b: `→X ∅ ∅ →Y` ends a table and starts the next one right after it, or is
    /// an empty last paragraph of cell X, a row end, and the next row. Tables back to back with
    /// no paragraph between them are common in generated files, so they are read as one table
    /// only when both have the same number of cells in their fullest rows and the cell before
    /// the blank lines already has several paragraphs (an author who breaks paragraphs in cells
    /// leaves empty ones at their ends too; a one-line cell rarely ends with one).
    private mutating func continuation(of previous: FlatTable, by next: FlatTable) -> FlatTable? {
        guard previous.layout == .cellPerLine, next.layout == .cellPerLine,
              let last = previous.rows.last, let lastCell = last.cells.last, let first = next.rows.first else { return nil }
        let width = previous.rows.map(\.cells.count).max() ?? 0
        guard width > 1, next.rows.map(\.cells.count).max() == width, lastCell.paragraphs.count >= 2 else { return nil }
        var joined = previous
        let end = joined.rows.count - 1
        if last.cells.count < width, first.cells.count < width, last.cells.count + first.cells.count == width {
            // Two short rows that make one full row: both blank lines were empty paragraphs.
            joined.rows[end].cells[last.cells.count - 1].paragraphs += ["", ""]
            joined.rows[end].cells += first.cells
            joined.rows += next.rows.dropFirst()
            diagnostics.append(Diagnostic(.info, "tables-joined",
                "the two blank lines before line \(first.line) read as empty paragraphs at the end of a cell, not as the end of a table: the short rows around them make one full row",
                line: first.line))
        } else {
            joined.rows[end].cells[last.cells.count - 1].paragraphs.append("")
            joined.rows += next.rows
            diagnostics.append(Diagnostic(.info, "tables-joined",
                "the two blank lines before line \(first.line) read as an empty paragraph at the end of a cell and a row end, not as the end of a table: the rows after them have the table's shape",
                line: first.line))
        }
        joined.closed = next.closed
        return joined
    }

    mutating func reportUnterminated(_ startLine: Int) {
        diagnostics.append(Diagnostic(.warning, "table-unterminated",
            "the table starting at line \(startLine) is not closed before the end of the text (truncated?); its rows are kept",
            line: startLine))
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs, line ends and other Unicode whitespace
    /// (NBSP included, as Word pads cells with it).
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isWhitespaceFast }) else { return "" }
        guard let last = scalars.lastIndex(where: { !$0.isWhitespaceFast }) else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
}

extension Unicode.Scalar {
    /// `properties.isWhitespace` (the Unicode White_Space property) without the property-table
    /// lookup: the 25 code points are listed here (Unicode 15, unchanged since 6.3).
    @inline(__always)
    var isWhitespaceFast: Bool {
        switch value {
        case 0x09...0x0D, 0x20: return true
        case 0..<0x85: return false
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
