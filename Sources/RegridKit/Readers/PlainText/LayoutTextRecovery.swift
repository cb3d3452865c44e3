/// Recovers the tables of known layouts from text that lost its table structure (the text of a
/// PDF from Tika/PDFBox, `pdftotext` with or without `-layout`, a copy from a viewer).
///
/// Each figure row of a template is found by its label in the ``LabelStream`` (in template
/// order, labels broken over lines or interleaved with neighbouring cells), and takes the run of
/// figures written on the label's lines. A run with one figure per column is placed in order; a
/// shorter run (blank cells) only by the horizontal positions of `pdftotext -layout` text,
/// against the columns of the full rows on the same page. Every other row is left empty with a
/// diagnostic naming it: a figure is placed exactly or not at all.
struct LayoutTextRecovery: Sendable {
    /// One table recovered.
    struct Instance: Sendable {
        var table: Table
        var template: LayoutTemplate
        /// The text lines the table takes (header to last row).
        var lines: ClosedRange<Int>
        var rowsFound: Int
        var rowsTotal: Int
        var figuresPlaced: Int
        var share: Double { rowsTotal == 0 ? 0 : Double(rowsFound) / Double(rowsTotal) }
    }

    let layouts: [LayoutRows]
    /// How far (in label characters) the next row's label may start after the previous one.
    static let rowWindow = 800
    /// Lines after a label's last line in which its figures may still stand.
    static let runReach = 2

    init(templates: [LayoutTemplate]) {
        layouts = templates.map(LayoutRows.init)
    }

    /// True when `text` holds at least two label beginnings of the layouts (``LayoutRows/bigrams``):
    /// one pass over the text, so that text with no table of theirs is not searched at all.
    func mayHoldTables(_ text: String) -> Bool {
        let wanted = layouts.reduce(into: Set<UInt64>()) { $0.formUnion($1.bigrams) }
        var seen = Set<UInt64>()
        var previous: Unicode.Scalar? = nil
        for s in text.unicodeScalars {
            if let p = previous, LayoutRows.isIdeograph(p), LayoutRows.isIdeograph(s) {
                let pair = (UInt64(p.value) << 32) | UInt64(s.value)
                if wanted.contains(pair) {
                    seen.insert(pair)
                    if seen.count >= 2 { return true }
                }
            }
            previous = s
        }
        return false
    }

    /// Every table found, in text order, and whether the work budget ran out.
    func recover(_ words: TextWords) -> (instances: [Instance], exhausted: Bool) {
        // A budget linear in the text: hostile text (every character a label's first) stops early.
        var budget = 64 * max(words.words.count, 1) + 4_000_000
        var streams: [(LabelNormalizer, LabelStream)] = []
        func stream(_ normalizer: LabelNormalizer) -> LabelStream {
            if let hit = streams.first(where: { $0.0 == normalizer }) { return hit.1 }
            let made = LabelStream(words, normalizer: normalizer)
            streams.append((normalizer, made))
            return made
        }
        var found: [(best: Instance, tied: [Instance])] = []
        var fromLine = 0
        // Each template's next table, searched once and kept while it lies ahead; nil once none is left.
        var ahead: [Instance?] = Array(repeating: nil, count: layouts.count)
        var done = [Bool](repeating: false, count: layouts.count)
        while budget > 0 {
            for (i, layout) in layouts.enumerated() where !done[i] {
                if let pending = ahead[i], pending.lines.lowerBound >= fromLine { continue }
                let labels = stream(layout.normalizer)
                let from = Self.firstCharacter(atOrAfterLine: fromLine, words: words, stream: labels)
                ahead[i] = Self.recover(layout, words: words, labels: labels, from: from, budget: &budget)
                if ahead[i] == nil { done[i] = true }
            }
            let candidates = ahead.compactMap { $0 }.filter { $0.lines.lowerBound >= fromLine }
            guard let first = candidates.min(by: { $0.lines.lowerBound < $1.lines.lowerBound }) else { break }
            let rivals = candidates.filter { $0.lines.overlaps(first.lines) }
            guard let best = rivals.max(by: { Self.rank($0) < Self.rank($1) }) else { break }
            let tied = rivals.filter { Self.rank($0) == Self.rank(best) && $0.template.id != best.template.id }
            found.append((best, tied))
            fromLine = best.lines.upperBound + 1
        }
        return (Self.settleTies(found), budget <= 0)
    }

    /// Better instances rank higher: more rows found (the 2021 table 三 finds its three （六）
    /// rows where 2019 has one), then a larger share of the template's rows (the 2021 table 二
    /// in a 2019 report finds 6 of its 6 rows, the 2019 one 6 of 8), then more figures placed.
    private static func rank(_ instance: Instance) -> (Int, Double, Int) {
        (instance.rowsFound, instance.share, instance.figuresPlaced)
    }

    /// Tables equally well matched by two versions (table 四 is the same in both) take the
    /// version of the document's other tables.
    private static func settleTies(_ found: [(best: Instance, tied: [Instance])]) -> [Instance] {
        var votes: [String: Int] = [:]
        for entry in found where entry.tied.isEmpty { votes[entry.best.template.version, default: 0] += 1 }
        guard let top = votes.values.max() else { return found.map(\.best) }
        let leaders = votes.filter { $0.value == top }.keys
        guard leaders.count == 1, let version = leaders.first else { return found.map(\.best) }
        return found.map { entry in
            guard entry.best.template.version != version else { return entry.best }
            return entry.tied.first { $0.template.version == version } ?? entry.best
        }
    }

    private static func firstCharacter(atOrAfterLine line: Int, words: TextWords, stream: LabelStream) -> Int {
        guard line > 0 else { return 0 }
        // The stream is in word order, and words in line order: a binary search.
        var low = 0, high = stream.count
        while low < high {
            let mid = (low + high) / 2
            if words.words[stream.wordOf[mid]].line < line { low = mid + 1 } else { high = mid }
        }
        return low
    }

    // MARK: One template

    /// A row's label where it was found.
    private struct Found {
        var match: LabelStream.Match
        var startWord: Int
        /// The label's last word, a note written after it included.
        var endWord: Int
    }

    private static func recover(_ layout: LayoutRows, words: TextWords, labels: LabelStream, from: Int,
                                budget: inout Int) -> Instance? {
        let rows = layout.rows
        guard !rows.isEmpty else { return nil }
        var located: [Found?] = Array(repeating: nil, count: rows.count)
        var anchor: Found? = nil
        var headerEnd: Int? = nil
        // The table starts at its first keyed row's label (or the second's), else at its header.
        let keyed = rows.indices.filter { !rows[$0].keys.isEmpty }
        var position = from
        var startRow = 0
        for candidate in keyed.prefix(2) {
            if let hit = find(rows[candidate].keys, labels: labels, words: words, from: from, window: Int.max / 2, budget: &budget) {
                located[candidate] = hit
                anchor = hit
                position = hit.match.end
                startRow = candidate + 1
                break
            }
        }
        if anchor == nil {
            // No keyed row: the header's labels locate the table (at least half of them, close together).
            guard keyed.isEmpty, !layout.headerKeys.isEmpty else { return nil }
            var hits: [Found] = []
            var first: Found? = nil
            for key in layout.headerKeys {
                let start = first?.match.start ?? from
                let window = first == nil ? Int.max / 2 : rowWindow
                if let hit = find([key], labels: labels, words: words, from: start, window: window, budget: &budget) {
                    if first == nil || hit.match.start < (first?.match.start ?? .max) { first = hit }
                    hits.append(hit)
                }
            }
            guard 2 * hits.count >= layout.headerKeys.count, let first else { return nil }
            anchor = first
            position = hits.map(\.match.end).max() ?? first.match.end
            headerEnd = hits.map(\.endWord).max()
            startRow = rows.count
        }
        for r in startRow..<rows.count where !rows[r].keys.isEmpty {
            if let hit = find(rows[r].keys, labels: labels, words: words, from: position, window: rowWindow, budget: &budget) {
                located[r] = hit
                position = hit.match.end
            }
        }
        guard let anchor else { return nil }
        let keyedFound = located.compactMap { $0 }.count
        // Three rows' labels in order, each close after the one before, do not happen by chance.
        if !keyed.isEmpty && keyedFound < min(3, keyed.count) { return nil }
        return build(layout, words: words, located: located, anchor: anchor, headerEnd: headerEnd ?? anchor.endWord)
    }

    private static func find(_ keys: [[Unicode.Scalar]], labels: LabelStream, words: TextWords, from: Int, window: Int,
                             budget: inout Int) -> Found? {
        var best: LabelStream.Match? = nil
        for key in keys {
            let reach = best.map { $0.start - from + 1 } ?? window
            guard reach > 0, let hit = labels.find(key, from: from, window: reach, budget: &budget) else { continue }
            if best == nil || hit.start < (best?.start ?? .max) { best = hit }
        }
        guard let best else { return nil }
        let end = labels.skippingNote(at: best.end)
        return Found(match: best, startWord: labels.wordOf[best.start], endWord: labels.wordOf[end - 1])
    }

    // MARK: Figures

    /// The figures of one row as read, or why they could not be placed.
    private enum RowReading {
        case placed([String?], byPosition: Bool, underHeader: Bool)
        case unplaced(String)
        case labelMissing
    }

    private static func build(_ layout: LayoutRows, words: TextWords, located: [Found?], anchor: Found, headerEnd: Int) -> Instance {
        let rows = layout.rows
        let all = words.words
        var readings: [RowReading] = Array(repeating: .labelMissing, count: rows.count)
        var runs: [[Int]?] = Array(repeating: nil, count: rows.count)
        var lastLine = all[headerEnd].line
        // Where the previous row's figures (or label) ended: a figure between there and the next
        // label means numbers stand before labels, and the text's order cannot be trusted.
        var previousEnd = anchor.startWord
        for (r, row) in rows.enumerated() {
            let next = located[(r + 1)...].compactMap { $0 }.first?.startWord ?? all.count
            if let hit = located[r] {
                lastLine = max(lastLine, all[hit.endWord].line)
                if previousEnd + 1 < hit.startWord, let stray = (previousEnd + 1 ..< hit.startWord).first(where: { all[$0].isFigure }) {
                    readings[r] = .unplaced("a figure (\"\(all[stray].text)\", line \(all[stray].line + 1)) stands before the row's label, so the text's reading order does not follow the table")
                    previousEnd = hit.startWord
                    continue
                }
                let lastLabelLine = all[hit.endWord].line
                guard let run = firstRun(words, after: hit.startWord, before: next, maxLine: lastLabelLine + runReach) else {
                    readings[r] = .unplaced("no figures next to its label")
                    previousEnd = hit.startWord
                    continue
                }
                runs[r] = run
                previousEnd = run.last ?? hit.startWord
                lastLine = max(lastLine, all[previousEnd].line)
            } else if row.keys.isEmpty {
                // A row without a label of its own: the first line of figures alone after the table's start.
                let limitLine = all[headerEnd].line + 60
                guard let run = firstFigureLine(words, after: previousEnd, before: next, maxLine: limitLine) else {
                    readings[r] = .unplaced("no line of figures after the table's header")
                    continue
                }
                runs[r] = run
                previousEnd = run.last ?? previousEnd
                lastLine = max(lastLine, all[previousEnd].line)
            }
        }
        // Column extents per page from the full runs, when the text keeps positions (-layout).
        let positional = keepsPositions(rows: rows, runs: runs, words: words)
        var full: [Int: [[ColumnPlacement.Extent]]] = [:]   // page × columns → full runs' word extents
        for (r, run) in runs.enumerated() {
            guard let run, run.count == rows[r].figures.count, let page = run.first.map({ all[$0].page }) else { continue }
            full[page * 1024 + run.count, default: []].append(run.map { ColumnPlacement.Extent(all[$0].start, all[$0].end) })
        }
        // The header: from the table's first line to the first row's label (or figures).
        let headerTop = headerStart(layout, words: words, line: all[anchor.startWord].line)
        let headerBottom = located.compactMap { $0 }.map { all[$0.startWord].line }.min()
        var headerStacks: [Int: [HeaderColumns.Stack]] = [:]   // page → the header's stacks on it
        for (r, row) in rows.enumerated() {
            guard let run = runs[r] else { continue }
            let n = row.figures.count
            let texts = run.map { all[$0].text }
            if run.count == n {
                readings[r] = .placed(texts, byPosition: false, underHeader: false)
            } else if run.count > n {
                readings[r] = .unplaced("\(run.count) figures written for \(n) columns (\(texts.joined(separator: " ")))")
            } else if !positional {
                readings[r] = .unplaced("\(run.count) figures written for \(n) columns (\(texts.joined(separator: " "))) and the text keeps no column positions, so the blank cells cannot be placed")
            } else if let page = run.first.map({ all[$0].page }),
                      let columns = ColumnPlacement.columns(full[page * 1024 + n] ?? [], count: n),
                      let slots = ColumnPlacement.place(run.map { ColumnPlacement.Extent(all[$0].start, all[$0].end) }, columns: columns) {
                readings[r] = .placed(inSlots(texts, slots, columns: n), byPosition: true, underHeader: false)
            } else if let page = run.first.map({ all[$0].page }), full[page * 1024 + n] == nil {
                // No full row on the page: the columns' positions from the table's own header cells.
                let upper = min(headerBottom ?? Int.max, all[run[0]].line)
                if headerStacks[page] == nil {
                    headerStacks[page] = HeaderColumns.stacks(words, lines: headerTop..<max(headerTop, upper), page: page,
                                                              normalizer: layout.normalizer)
                }
                if let anchors = HeaderColumns.anchors(stacks: headerStacks[page] ?? [], labels: HeaderColumns.leafLabels(layout, row: row)),
                   let slots = HeaderColumns.place(run.map { ColumnPlacement.Extent(all[$0].start, all[$0].end) }, anchors: anchors) {
                    readings[r] = .placed(inSlots(texts, slots, columns: n), byPosition: true, underHeader: true)
                } else {
                    readings[r] = .unplaced("\(run.count) figures written for \(n) columns (\(texts.joined(separator: " "))), no row on the same page has all \(n) figures to take the columns' positions from, and the header's cells do not place them unambiguously")
                }
            } else {
                readings[r] = .unplaced("\(run.count) figures written for \(n) columns (\(texts.joined(separator: " "))) and their positions do not line up with the columns of the full rows on the same page")
            }
        }
        return instance(layout, words: words, readings: readings, located: located, anchor: anchor, lastLine: lastLine)
    }

    /// The row's cells: each figure in its slot, the other cells blank.
    private static func inSlots(_ texts: [String], _ slots: [Int], columns: Int) -> [String?] {
        var placed = [String?](repeating: "", count: columns)
        for (text, slot) in zip(texts, slots) { placed[slot] = text }
        return placed
    }

    /// The trailing figures of the first line after `after` (and before `before`, up to `maxLine`) that has some.
    private static func firstRun(_ words: TextWords, after: Int, before: Int, maxLine: Int) -> [Int]? {
        let all = words.words
        var line = all[after].line
        while line <= maxLine && line < words.lines.count {
            let range = words.words(ofLine: line)
            let lower = max(range.lowerBound, after + 1), upper = min(range.upperBound, before)
            if lower < upper {
                var start = upper
                while start > lower && all[start - 1].isFigure { start -= 1 }
                if start < upper { return Array(start..<upper) }
            }
            if upper < range.upperBound { return nil }   // the next row's label is on this line
            line += 1
        }
        return nil
    }

    /// The words of the first line after `after` that holds figures and nothing else.
    private static func firstFigureLine(_ words: TextWords, after: Int, before: Int, maxLine: Int) -> [Int]? {
        let all = words.words
        guard after + 1 < all.count else { return nil }
        var line = all[after + 1].line
        while line <= maxLine && line < words.lines.count {
            let range = words.words(ofLine: line)
            if range.lowerBound >= before { return nil }
            if !range.isEmpty, range.lowerBound > after, range.upperBound <= before, range.allSatisfy({ all[$0].isFigure }) {
                return Array(range)
            }
            line += 1
        }
        return nil
    }

    /// True when the runs of the table are spread out as `pdftotext -layout` writes them (a gap of
    /// two spaces or more between figures; narrow columns may leave one space between others),
    /// not one space apart everywhere as in flowing text (Tika, a viewer's copy).
    private static func keepsPositions(rows: [LayoutRows.Row], runs: [[Int]?], words: TextWords) -> Bool {
        var spread = 0, tight = 0
        for run in runs.compactMap({ $0 }) where run.count >= 2 {
            let gaps = zip(run, run.dropFirst()).map { words.words[$1].start - words.words[$0].end }
            if gaps.contains(where: { $0 >= 2 }) { spread += 1 } else { tight += 1 }
        }
        return spread > 0 && spread >= 2 * tight
    }

    // MARK: The table

    private static func instance(_ layout: LayoutRows, words: TextWords, readings: [RowReading], located: [Found?],
                                 anchor: Found, lastLine: Int) -> Instance {
        let template = layout.template
        let all = words.words
        var figureTexts: [Int: [String?]] = [:]
        var diagnostics: [Diagnostic] = []
        var rowsFound = 0, placedRows = 0, figuresPlaced = 0
        for (r, row) in layout.rows.enumerated() {
            let at = (row.row, row.figures.first?.column ?? 0)
            let line = located[r].map { all[$0.startWord].line + 1 }
            let name = row.path.isEmpty ? "the figure row" : "row " + row.path.joined(separator: "›")
            switch readings[r] {
            case .labelMissing:
                diagnostics.append(Diagnostic(.warning, "row-label-missing",
                    "\(name): its label was not found in the text; its figures are left empty", cell: at))
            case .unplaced(let reason):
                rowsFound += 1
                diagnostics.append(Diagnostic(.warning, "row-unplaced",
                    "\(name): \(reason); its figures are left empty", cell: at, line: line))
            case .placed(let texts, let byPosition, let underHeader):
                rowsFound += 1
                placedRows += 1
                figuresPlaced += texts.count
                figureTexts[row.row] = texts
                if byPosition {
                    let under = underHeader ? "the header's cells (no row on the page has every figure)" : "the full rows' figures"
                    diagnostics.append(Diagnostic(.info, "blanks-placed-by-position",
                        "\(name): \(texts.filter { $0?.isEmpty == false }.count) figures for \(texts.count) columns, placed by their positions under \(under); the others are blank",
                        cell: at, line: line))
                }
            }
        }
        if !layout.rows.isEmpty && layout.rows.allSatisfy({ $0.keys.isEmpty }) { rowsFound = placedRows }
        var cells: [Cell] = []
        for cell in template.cells {
            if cell.figure != nil {
                let column = layout.rows.first { $0.row == cell.row }?.figures.firstIndex { $0.column == cell.column }
                if let texts = figureTexts[cell.row], let column, let text = texts[column] {
                    cells.append(Cell(row: cell.row, column: cell.column, rowSpan: cell.rowSpan, colSpan: cell.colSpan, text: text))
                } else {
                    cells.append(Cell(row: cell.row, column: cell.column, rowSpan: cell.rowSpan, colSpan: cell.colSpan, text: "", synthetic: true))
                }
            } else {
                cells.append(Cell(row: cell.row, column: cell.column, rowSpan: cell.rowSpan, colSpan: cell.colSpan, text: cell.label ?? ""))
            }
        }
        let total = layout.rows.count
        let confidence = total == 0 ? 0 : (Double(placedRows) / Double(total) * 1000).rounded() / 1000
        diagnostics.insert(Diagnostic(.info, "layout-from-text",
            "rebuilt on the known layout \(template.id) from text without table structure: \(placedRows) of \(total) figure rows placed; label cells hold the layout's labels",
            line: all[anchor.startWord].line + 1), at: 0)
        let table = Table(id: "", rows: template.rows, columns: template.columns, cells: cells,
                          headerRows: min(max(0, template.headerRows), template.rows),
                          headerColumns: min(max(0, template.headerColumns), template.columns),
                          layout: LayoutMatch(template: template.id, confidence: confidence), diagnostics: diagnostics)
        let firstLine = headerStart(layout, words: words, line: all[anchor.startWord].line)
        return Instance(table: table, template: template, lines: firstLine...max(firstLine, lastLine),
                        rowsFound: rowsFound, rowsTotal: total, figuresPlaced: figuresPlaced)
    }

    /// The first line of the table's header: walking up from `line`, lines made (mostly) of the
    /// header's characters belong to the table.
    private static func headerStart(_ layout: LayoutRows, words: TextWords, line: Int) -> Int {
        var first = line
        var candidate = line - 1
        while candidate >= 0 && line - candidate <= 15 {
            let text = layout.normalizer.normalize(String(words.lines[candidate].text))
            let scalars = text.unicodeScalars
            if !scalars.isEmpty {
                let inHeader = scalars.filter { layout.headerCharacters.contains($0) }.count
                guard 10 * inHeader >= 7 * scalars.count else { break }
                first = candidate
            }
            candidate -= 1
        }
        return first
    }
}
