/// Generic tables in `pdftotext -layout` text (or any text laid out on a monospace character
/// grid, such as the PDF reader's): the tables no known layout recovers, read from the
/// whitespace gutters their lines share.
///
/// - A *region* is a run of lines with two runs of text or more (``LayoutTextLine``), allowing
///   two lines without a gutter between them (wrapped cell text, section rows), but not a blank
///   line followed by a line alone at the left margin (a heading between two tables).
/// - Its *columns* are the display-column ranges that the region's gridded lines cover, cut at
///   the gutters: the positions covered by at most a fifth of them.
/// - A line continues the row above (wrapped text) when it holds no figure, fills only columns
///   that row fills, and fewer than the row's first line, and not the row's first column together
///   with another; otherwise it starts a row.
/// - A run of text that crosses a gutter spans the columns it covers; in the header (the rows
///   before the first row with a figure) a cell centred over empty columns whose row below has
///   cells under it spans them.
/// - Strong evidence only: three columns or more, three rows with two cells or more, and most
///   cells figures or short, and numbers or most slots filled — two-column prose and aligned
///   lists stay paragraphs.
///
/// Every table carries `table-from-gutters` (and `span-inferred` for each inferred span).
enum LayoutTextColumns {
    /// One table found, with the text lines it takes.
    struct Found: Sendable {
        var table: Table
        var lines: ClosedRange<Int>
    }

    /// The tables of `lines` (the text's lines in order, each with its page), outside the line
    /// ranges in `skipping` (tables already recovered on a known layout).
    /// A region whose table would pass the reader limits stays paragraphs, and `tooLarge` gets a
    /// message naming its lines.
    static func tables<S: StringProtocol>(lines: [(text: S, page: Int)], skipping: [ClosedRange<Int>] = [],
                                          limits: ReaderLimits = .default, tooLarge: inout [String]) -> [Found] {
        // Lines cut at their gutters, kept only around the region being read.
        var laid: [Int: LayoutTextLine] = [:]
        func line(_ i: Int) -> LayoutTextLine {
            if let l = laid[i] { return l }
            if laid.count > 4096 { laid.removeAll(keepingCapacity: true) }
            let made = LayoutTextLine(lines[i].text)
            laid[i] = made
            return made
        }
        var taken = [Bool](repeating: false, count: lines.count)
        for range in skipping { for i in range where i >= 0 && i < lines.count { taken[i] = true } }
        func gridded(_ i: Int) -> Bool {
            guard !taken[i] else { return false }
            let l = line(i)
            guard l.segments.count >= 2, l.width <= LayoutTextLine.maxWidth else { return false }
            // Two long runs side by side are two columns of prose, not cells.
            return !(l.segments.count == 2 && l.segments.allSatisfy { $0.end - $0.start > 30 })
        }
        var found: [Found] = []
        var i = 0
        while i < lines.count {
            guard gridded(i) else { i += 1; continue }
            var last = i, gap = 0, j = i + 1
            while j < lines.count, !taken[j], lines[j].page == lines[i].page, line(j).width <= LayoutTextLine.maxWidth {
                if gridded(j) { last = j; gap = 0 } else {
                    gap += 1
                    if gap > 2 { break }
                    // A line alone at the left margin after a blank line is a heading or a
                    // paragraph between two tables, not wrapped cell text.
                    if j > 0, line(j - 1).isBlank, let only = line(j).segments.first, line(j).segments.count == 1, only.start <= 1 { break }
                }
                j += 1
            }
            // Up to two lines of one run right after the last gridded one: wrapped text of its row.
            var end = last
            while end + 1 < lines.count, !taken[end + 1], lines[end + 1].page == lines[i].page,
                  line(end + 1).segments.count == 1, end + 1 - last <= 2 { end += 1 }
            // A short line standing apart above the rest (a caption: `附表  收支情况`) is not a row.
            var begin = i
            while begin < last, line(begin).segments.count <= 2, begin + 1 <= end, line(begin + 1).isBlank {
                begin += 1
                while begin < last && !gridded(begin) { begin += 1 }
            }
            let region = begin...end
            let table: Found?
            do {
                table = try read(region, lines: region.map(line), gridded: Set(region.filter(gridded)), limits: limits)
            } catch {
                tooLarge.append("lines \(region.lowerBound + 1)–\(region.upperBound + 1): \(error.description); left as paragraphs")
                table = nil
            }
            if let table {
                found.append(table)
                i = table.lines.upperBound + 1
            } else {
                i = last + 1
            }
            laid.removeAll(keepingCapacity: true)
        }
        return found
    }

    // MARK: One region

    /// A run of text placed on the columns.
    private struct Piece {
        var first: Int
        var last: Int
        var segment: LayoutTextLine.Segment
        var line: Int
        var isFigure: Bool
    }

    private struct RowDraft {
        var pieces: [Piece] = []
        var filled: Set<Int> = []
        var firstLineFilled = 0
        var hasFigure = false
        var lines = 0
        /// Label text alone on its lines that did not continue the row above, since the next
        /// line holds figures: the label of that next line's row (a label wrapped upwards).
        var labelAbove = false
    }

    private static func read(_ region: ClosedRange<Int>, lines: [LayoutTextLine], gridded: Set<Int>,
                             limits: ReaderLimits) throws(RegridError) -> Found? {
        let columns = columns(of: region, lines: lines, gridded: gridded)
        guard columns.count >= 3 else { return nil }
        // Refused before any cell is made: a region's lines bound its rows.
        guard lines.count * columns.count <= limits.maxGridSlots else {
            throw .limitExceeded(what: "grid slots of a table laid out in columns (\(lines.count) lines × \(columns.count) columns)", limit: limits.maxGridSlots)
        }

        // Place every run of text on the columns it covers.
        var rows: [RowDraft] = []
        var joined = 0
        var lastLine = region.lowerBound
        let placed: [[Piece]] = lines.enumerated().map { offset, l in
            l.segments.map { segment in
                let (first, last) = Self.place(segment, on: columns)
                return Piece(first: first, last: last, segment: segment, line: region.lowerBound + offset,
                             isFigure: Self.isFigure(segment.text))
            }
        }
        for (offset, pieces) in placed.enumerated() where !pieces.isEmpty {
            let filled = Set(pieces.flatMap { $0.first...$0.last })
            let figure = pieces.contains { $0.isFigure }
            let spansSeveral = pieces.count == 1 && pieces[0].first != pieces[0].last
            let nextHasFigure = placed[(offset + 1)...].first { !$0.isEmpty }?.contains { $0.isFigure } ?? false
            // A line of several cells that fills the row's first column starts a row of its own.
            let opensRow = filled.count > 1 && rows.last.map { row in row.filled.min().map(filled.contains) ?? false } ?? true
            if var row = rows.last, !figure, !spansSeveral, !opensRow, filled.isSubset(of: row.filled), filled.count < row.firstLineFilled,
               row.hasFigure || !nextHasFigure {
                // Wrapped text under the row's first line (cells aligned at their top).
                row.pieces += pieces
                row.lines += 1
                rows[rows.count - 1] = row
                joined += 1
            } else if var row = rows.last, row.labelAbove, figure, row.filled.isSubset(of: filled) {
                // The figures' line below a label wrapped upwards.
                row.pieces += pieces
                row.filled.formUnion(filled)
                row.firstLineFilled = filled.count
                row.hasFigure = true
                row.labelAbove = false
                row.lines += 1
                rows[rows.count - 1] = row
                joined += 1
            } else {
                var row = RowDraft(pieces: pieces, filled: filled, firstLineFilled: filled.count, hasFigure: figure, lines: 1)
                row.labelAbove = !figure && !spansSeveral && nextHasFigure && rows.last.map { filled.count < $0.firstLineFilled } ?? false
                rows.append(row)
            }
            lastLine = region.lowerBound + offset
        }

        // Strong evidence only.
        let cellRows = rows.filter { Set($0.pieces.map(\.first)).count >= 2 }.count
        let pieces = rows.flatMap(\.pieces)
        let shortOrFigure = pieces.filter { $0.isFigure || $0.segment.end - $0.segment.start <= 20 }.count
        guard cellRows >= 3, rows.count >= 3, 10 * shortOrFigure >= 6 * pieces.count else { return nil }
        // Numbers in three cells or more, or else most slots filled and no list (item markers
        // down the first column).
        let figures = pieces.filter(\.isFigure).count
        let firstColumn = pieces.filter { $0.first == 0 }
        let listed = !firstColumn.isEmpty && firstColumn.allSatisfy { Self.isListMarker($0.segment.text) }
        let filledSlots = rows.reduce(0) { $0 + Set($1.pieces.flatMap { $0.first...$0.last }).count }
        guard figures >= 3 || (!listed && 10 * filledSlots >= 6 * rows.count * columns.count) else { return nil }
        let usedColumns = Set(pieces.flatMap { $0.first...$0.last })
        guard usedColumns.count == columns.count else { return nil }

        let headerRows = rows.firstIndex { $0.hasFigure }.flatMap { $0 >= 1 && $0 <= 3 && $0 < rows.count ? $0 : nil } ?? 0
        var groupsByRow = rows.map { groups(of: $0.pieces) }
        var diagnostics: [Diagnostic] = []
        var headerSpans = 0
        // (Bounded: the search is cubic in the columns, and real headers have few.)
        for h in 0..<headerRows where h + 1 < rows.count && columns.count <= 64 {
            headerSpans += widenCentred(&groupsByRow[h], below: groupsByRow[h + 1], columns: columns)
        }

        var raw = RawTable(declaredColumns: columns.count)
        for (r, groups) in groupsByRow.enumerated() {
            var cells: [RawCell] = []
            var next = 0
            for g in groups {
                while next < g.first { cells.append(RawCell(text: "", line: nil)); next += 1 }
                cells.append(RawCell(text: text(of: g.pieces), colSpan: g.last - g.first + 1, line: (g.pieces.first?.line ?? 0) + 1))
                next = g.last + 1
                if g.last > g.first {
                    diagnostics.append(Diagnostic(.info, "span-inferred",
                        "a run of text in -layout text covers \(g.last - g.first + 1) columns" + (r < headerRows ? " (header cell centred over the cells below it)" : ""),
                        cell: (r, g.first), line: (g.pieces.first?.line ?? 0) + 1))
                }
            }
            raw.rows.append(RawRow(cells: cells, isHeader: r < headerRows))
        }
        var table = try GridAssembler(limits: limits).assemble(raw, id: "")
        table.headerRows = headerRows
        let first = region.lowerBound + 1, last = lastLine + 1
        diagnostics.insert(Diagnostic(.info, "table-from-gutters",
            "table inferred from the column gutters of text laid out in columns (pdftotext -layout), lines \(first)–\(last): \(table.rows) rows × \(table.columns) columns, \(joined) wrapped line(s) joined to the row above, \(headerSpans) header span(s) from centred cells; row breaks and spans are guesses",
            line: first), at: 0)
        table.diagnostics = diagnostics + table.diagnostics
        return Found(table: table, lines: region.lowerBound...lastLine)
    }

    /// The column ranges (display columns, end exclusive) of a region: what its gridded lines
    /// cover, cut where at most a fifth of them have text.
    private static func columns(of region: ClosedRange<Int>, lines: [LayoutTextLine], gridded: Set<Int>) -> [(start: Int, end: Int)] {
        let rows = gridded.sorted().map { lines[$0 - region.lowerBound] }
        let width = rows.map(\.width).max() ?? 0
        guard width > 0 else { return [] }
        var cover = [Int](repeating: 0, count: width + 1)
        for l in rows { for s in l.segments { for x in s.start..<s.end { cover[x] += 1 } } }
        let threshold = rows.count / 5
        var columns: [(start: Int, end: Int)] = []
        var x = 0
        while x < width {
            guard cover[x] > threshold else { x += 1; continue }
            let start = x
            while x < width && cover[x] > threshold { x += 1 }
            columns.append((start, x))
        }
        return columns
    }

    /// The first and last column a run of text overlaps (the nearest column when it falls in a gutter).
    private static func place(_ s: LayoutTextLine.Segment, on columns: [(start: Int, end: Int)]) -> (Int, Int) {
        var first: Int? = nil, last: Int? = nil
        for (c, col) in columns.enumerated() where s.start < col.end && col.start < s.end {
            if first == nil { first = c }
            last = c
        }
        if let first, let last { return (first, last) }
        var best = 0, distance = Int.max
        for (c, col) in columns.enumerated() {
            let d = abs((col.start + col.end) - s.centre2)
            if d < distance { best = c; distance = d }
        }
        return (best, best)
    }

    /// A cell of a row: columns `first...last` and the runs of text in it.
    private struct Group {
        var first: Int
        var last: Int
        var pieces: [Piece]
    }

    /// The row's cells: runs of text that share a column (or span into one) make one cell.
    private static func groups(of pieces: [Piece]) -> [Group] {
        var groups: [Group] = []
        for piece in pieces.sorted(by: { ($0.first, $0.line) < ($1.first, $1.line) }) {
            if var g = groups.last, piece.first <= g.last {
                g.last = max(g.last, piece.last)
                g.pieces.append(piece)
                groups[groups.count - 1] = g
            } else {
                groups.append(Group(first: piece.first, last: piece.last, pieces: [piece]))
            }
        }
        return groups
    }

    /// Widens the header cells of `row` that stand centred over empty columns with two cells or
    /// more of `below` under them; returns how many it widened.
    private static func widenCentred(_ row: inout [Group], below: [Group], columns: [(start: Int, end: Int)]) -> Int {
        var widened = 0
        for k in row.indices {
            let g = row[k]
            let lowest = k > 0 ? row[k - 1].last + 1 : 0
            let highest = k + 1 < row.count ? row[k + 1].first - 1 : columns.count - 1
            guard lowest < g.first || g.last < highest else { continue }
            let textStart = g.pieces.map(\.segment.start).min() ?? 0
            let textEnd = g.pieces.map(\.segment.end).max() ?? 0
            var best: (Int, Int)? = nil
            for l in stride(from: lowest, through: g.first, by: 1) {
                for r in stride(from: highest, through: g.last, by: -1) where r - l > g.last - g.first {
                    let span = columns[r].end - columns[l].start
                    let offCentre = abs((columns[l].start + columns[r].end) - (textStart + textEnd))
                    let under = below.filter { $0.first >= l && $0.last <= r }.count
                    guard offCentre <= max(4, span / 3), under >= 2,
                          !below.contains(where: { ($0.first < l && $0.last >= l) || ($0.first <= r && $0.last > r) }) else { continue }
                    if best.map({ r - l > $0.1 - $0.0 }) ?? true { best = (l, r) }
                }
            }
            if let (l, r) = best {
                row[k].first = l
                row[k].last = r
                widened += 1
            }
        }
        return widened
    }

    /// The text of a cell: runs on one line joined by a space, lines joined without one between
    /// wide characters (CJK text wrapped in a cell) and with one otherwise.
    private static func text(of pieces: [Piece]) -> String {
        var out = ""
        var previous: Piece? = nil
        for piece in pieces.sorted(by: { ($0.line, $0.segment.start) < ($1.line, $1.segment.start) }) {
            if let p = previous {
                let wideJoin = p.line != piece.line
                    && (p.segment.text.unicodeScalars.last.map { LayoutTextLine.width($0) == 2 } ?? false)
                    && (piece.segment.text.unicodeScalars.first.map { LayoutTextLine.width($0) == 2 } ?? false)
                if !wideJoin { out += " " }
            }
            out += piece.segment.text
            previous = piece
        }
        return out
    }

    /// `1.`, `2)`, `(a)`, `•`, `-`, `一、`: what starts the items of a list.
    static func isListMarker(_ text: String) -> Bool {
        let t = text.split(separator: " ").first.map(String.init) ?? text
        if ["•", "·", "-", "*", "–", "—", "○", "●", "■", "□", "▪"].contains(t) { return true }
        guard t.count <= 5, let last = t.unicodeScalars.last else { return false }
        let body = t.unicodeScalars.filter { !"().、．)（）]".unicodeScalars.contains($0) }
        let marked = ".、．)）]".unicodeScalars.contains(last) || (t.hasPrefix("(") || t.hasPrefix("（"))
        return marked && !body.isEmpty && body.count <= 3
    }

    /// A run of text is a figure when it reads as one number (or dash) with its unit.
    static func isFigure(_ text: String) -> Bool {
        TextWords.isFigure(text.filter { $0 != " " })
    }
}
