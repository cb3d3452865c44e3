/// The row-per-line layout of Tika ≥ 3.3.2 (SAX path, `OOXMLTikaBodyPartHandler`): inside a
/// table no `<p>` element is written; a cell is `TAB` + its first paragraph, and every later
/// paragraph of the cell is preceded *and* followed by a newline; `</tr>` and `</table>` each
/// write a newline. So, reading lines:
///
/// - a TAB line holds one or more cells (`TAB a TAB b …`), the first paragraph of each;
/// - right after a row line, a text line is the last cell's second paragraph (or a soft-break
///   continuation); after a later paragraph, a text line is a soft-break continuation; a text
///   line holding TABs is a soft-break continuation followed by further cells of the row;
/// - after a later paragraph (`k ≥ 2`), a TAB line continues the same row; right after a row
///   line it starts a new row (the newline was `</tr>`);
/// - `b` blank lines then X: an empty paragraph costs one blank right after the row line and two
///   after a later paragraph, the row end costs one blank after a later paragraph, the table end
///   one more; so the parity of `b` says whether X continues the same row, starts a new row or
///   is a further paragraph — or the table ended and X follows it
///   (``RowLineStep``). Where both readings fit the blanks, the row widths decide.
extension FlatLineParser {
    /// What a run of blank lines followed by a line means (see the type's grammar).
    enum RowLineStep: Equatable {
        case sameRow, newRow, paragraph, tableEnd
    }

    /// The continuation a run of `blanks` blank lines allows before a TAB line (`tab`) or a text
    /// line, after a cell whose last paragraph is on the row line (`onRowLine`) or later; nil when
    /// only a table end fits. `tableEndFits` tells whether a table end fits too.
    static func rowLineContinuation(blanks b: Int, onRowLine: Bool, nextIsTab: Bool) -> (step: RowLineStep?, tableEndFits: Bool) {
        if onRowLine {
            // Empty paragraphs cost 1, 3, 5 … blanks; row end after them costs 1 more (0 without).
            if nextIsTab { return (b % 2 == 1 ? .sameRow : .newRow, b >= 1) }
            return (b % 2 == 0 ? .paragraph : nil, b >= 1)
        }
        // After a later paragraph: empty paragraphs cost 2 each, the row end 1, a paragraph 1.
        if nextIsTab { return (b % 2 == 0 ? .sameRow : .newRow, b >= 2) }
        return (b % 2 == 1 ? .paragraph : nil, b >= 2)
    }

    mutating func parseRowPerLine() -> FlatTable {
        let startLine = lineNumber + 1
        var rows: [FlatRow] = []
        var cells: [FlatCell] = []
        var rowLine = startLine
        var closed = false
        var onRowLine = true   // the last cell's last paragraph is on the row line
        // Text lines right after the row line, no blank between: the cell's second paragraph,
        // or soft-break continuations of its first (then a TAB line starts a new row).
        var softCandidate = false

        func fields(_ l: Line, from offset: Int = 1) -> [String] {
            string(l, from: offset).split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
        func widest() -> Int { rows.map(\.cells.count).max() ?? 0 }
        /// The most common number of cells of the finished rows (the wider on a tie), 0 before any.
        func usual() -> Int {
            var counts: [Int: Int] = [:]
            for row in rows { counts[row.cells.count, default: 0] += 1 }
            return counts.max { a, b in a.value != b.value ? a.value < b.value : a.key < b.key }?.key ?? 0
        }

        while let l = peek() {
            if startsWithTab(l) {
                if softCandidate && !cells.isEmpty {
                    // Before any multi-cell row is finished, the next row lines tell the width.
                    let width = max(widest(), widthAhead(from: l))
                    onRowLine = !preferSameRowAfterText(cells: cells.count, widest: width, nextCells: tabCount(l),
                                                        nextAllEmpty: fields(l).allSatisfy { $0.trimmingWhitespace().isEmpty })
                }
                softCandidate = false
                if onRowLine && !cells.isEmpty {
                    rows.append(FlatRow(cells: cells, line: rowLine))
                    cells = []
                }
                advance(past: l)
                if cells.isEmpty { rowLine = lineNumber }
                for field in fields(l) { cells.append(FlatCell(paragraphs: [field], line: lineNumber)) }
                onRowLine = true
                continue
            }
            if !l.isBlank {
                advance(past: l)
                // `text TAB cell …`: a soft break inside the last cell, then more cells of the row.
                let parts = tabCount(l) > 0 ? fields(l, from: 0) : [string(l)]
                if cells.isEmpty {
                    rowLine = lineNumber
                    cells.append(FlatCell(paragraphs: [parts[0]], line: lineNumber))
                } else {
                    cells[cells.count - 1].paragraphs.append(parts[0])
                }
                for field in parts.dropFirst() { cells.append(FlatCell(paragraphs: [field], line: lineNumber)) }
                if parts.count > 1 {
                    onRowLine = true
                    softCandidate = false
                } else {
                    if onRowLine { softCandidate = true }
                    onRowLine = false
                }
                continue
            }
            // A run of blank lines: count it and look at what follows.
            softCandidate = false
            var blanks = 0
            var probe: Line? = l
            while let p = probe, p.isBlank { blanks += 1; probe = after(p) }
            guard let next = probe else {
                // End of input: the table is closed when the blanks hold its row and table ends.
                closed = blanks >= (onRowLine ? 1 : 2)
                skipBlanks(min(blanks, onRowLine ? 1 : 2))
                break
            }
            let nextIsTab = startsWithTab(next)
            let (step, tableEndFits) = Self.rowLineContinuation(blanks: blanks, onRowLine: onRowLine, nextIsTab: nextIsTab)
            var choice: RowLineStep = step ?? .tableEnd
            if let step, tableEndFits {
                var nextCells = nextIsTab ? tabCount(next) : 0
                if step == .paragraph {
                    // Where does the row go on? The first TAB line after the paragraphs: after an
                    // even number of blanks it continues the row, after an odd number it starts
                    // the next (the parities after a later paragraph).
                    guard let (tabLine, blanksBefore) = nextTabLine(after: next) else {
                        choice = .tableEnd
                        skipBlanks(min(blanks, onRowLine ? 1 : 2))
                        closed = true
                        break
                    }
                    nextCells = blanksBefore % 2 == 0 ? tabCount(tabLine) : 0
                }
                let lastEmpty = cells.last.map { $0.paragraphs.allSatisfy { $0.trimmingWhitespace().isEmpty } } ?? true
                choice = preferRowLineContinuation(step, cells: cells.count, widest: widest(), usual: usual(), lastCellEmpty: lastEmpty,
                                                   nextCells: nextCells) ? step : .tableEnd
            }
            switch choice {
            case .tableEnd:
                skipBlanks(min(blanks, onRowLine ? 1 : 2))
                closed = true
            case .newRow:
                skipBlanks(blanks)
                rows.append(FlatRow(cells: cells, line: rowLine))
                cells = []
                onRowLine = true   // the TAB line that follows starts the row
            case .sameRow, .paragraph:
                skipBlanks(blanks)
                onRowLine = false  // a TAB line continues the row; a text line is a paragraph
            }
            if choice == .tableEnd { break }
        }
        if !cells.isEmpty { rows.append(FlatRow(cells: cells, line: rowLine)) }
        if !closed { reportUnterminated(startLine) }
        return FlatTable(rows: rows, layout: .rowPerLine, line: startLine, closed: closed)
    }

    /// Where the blanks fit both a continuation of the table and its end: continue when the row
    /// is still shorter than the table's widest finished row and than its usual one (the most
    /// common number of cells: a cell ending in empty paragraphs leaves its row short) and the
    /// next line's cells fit in the rest. A row as full as most rows has ended (poi-tl
    /// `render_multiple_column`: a table of 4-, 6- and 5-cell rows ends after a 5-cell row and
    /// three blank lines; its next table starts with a one-cell row). Nor does a row go on after
    /// an empty cell: that would make it an empty cell of several paragraphs with more cells after
    /// it, which `../shared/corpus/docx` never has (its 20 such cells all end their rows), while
    /// tables back to back do occur (11). A new row after the last cell's empty paragraphs
    /// is never preferred to a table end followed by empty body paragraphs: on the corpus every
    /// signal tried (row width, an empty last cell, a next row opening with an empty cell) merged
    /// more separate tables than it joined rows.
    func preferRowLineContinuation(_ step: RowLineStep, cells: Int, widest: Int, usual: Int, lastCellEmpty: Bool,
                                   nextCells: Int) -> Bool {
        switch step {
        case .sameRow:
            return widest > 0 && !lastCellEmpty && cells < usual && cells + nextCells <= widest
        case .newRow:
            return false
        case .paragraph:
            return widest > 0 && cells < widest && cells < usual && cells + nextCells <= widest
        case .tableEnd:
            return false
        }
    }

    /// A TAB line right after text that directly followed a row line: the text was the last
    /// cell's second paragraph and the row goes on, or a soft break in its first and a new row
    /// starts. The row goes on when the cells fit in the table's width: the widest of its
    /// finished rows and of the next row lines (header rows above the data are narrower than
    /// the data rows, and their cells are the ones that break into paragraphs, 商业⏎企业).
    /// It goes on too when the TAB line holds only empty cells, whatever the width: in
    /// `../shared/corpus/docx` a soft break in a row's last cell is never followed by a row of
    /// empty cells (0 of 20), while a cell of several paragraphs followed only by empty cells in
    /// its row is common (13 of 58); the poi-tl `render_multiple_column` table's widest row is one.
    func preferSameRowAfterText(cells: Int, widest: Int, nextCells: Int, nextAllEmpty: Bool = false) -> Bool {
        if nextAllEmpty && cells > 0 { return true }
        return widest > 0 && cells < widest && cells + nextCells <= widest
    }

    /// The first TAB line after `start` (within 200 lines, with no two text lines in a row before
    /// it) and the number of blank lines right before it.
    func nextTabLine(after start: Line) -> (Line, Int)? {
        var current: Line? = start
        var blanks = 0
        var seen = 0
        while let l = current, seen < 200 {
            if startsWithTab(l) { return (l, blanks) }
            // Two text lines in a row: body paragraphs (a cell's later paragraphs are each
            // followed by a blank line; only soft breaks would do this).
            if !l.isBlank && seen > 0 && blanks == 0 { return nil }
            if l.isBlank { blanks += 1 } else { blanks = 0 }
            seen += 1
            current = after(l)
        }
        return nil
    }

    /// The most cells on one of the next 8 TAB lines from `start`, up to two blank lines in a row.
    func widthAhead(from start: Line) -> Int {
        var current: Line? = start
        var rowsSeen = 0, blanks = 0, widest = 0
        while let l = current, rowsSeen < 8, blanks < 2 {
            if l.isBlank { blanks += 1 } else { blanks = 0 }
            if startsWithTab(l) {
                widest = max(widest, tabCount(l))
                rowsSeen += 1
            }
            current = after(l)
        }
        return widest
    }

    private mutating func skipBlanks(_ n: Int) {
        for _ in 0..<n {
            guard let l = peek(), l.isBlank else { return }
            advance(past: l)
        }
    }
}
