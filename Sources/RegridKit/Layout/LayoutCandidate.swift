/// The outcome of aligning one table with one ``LayoutTemplate`` (see ``LayoutMatcher``).
public struct LayoutCandidate: Sendable {
    /// Something about one template cell that the alignment found.
    public enum Note: Equatable, Sendable {
        /// No source cell for this template cell.
        case missing(template: Int)
        /// A label matched only as a variant or without its notes.
        case labelVariant(template: Int, closeness: LabelNormalizer.Closeness)
        /// A source cell sits where the label should be, with other text.
        case labelMismatch(template: Int)
        /// A figure cell whose text is not a number, blank or dash.
        case figureUnreadable(template: Int)
    }

    public var template: LayoutTemplate
    /// In [0, 1]: 1 minus the alignment cost per template cell.
    public var confidence: Double
    /// Share of the template's labels whose text matched.
    public var labelShare: Double
    /// For each template cell (row-major), the index of the source cell placed there.
    public var assignment: [Int?]
    /// Empty source cells with no place in the template (merge continuations), dropped.
    public var droppedEmpty: Int
    /// Indexes of source cells with text that the template has no place for.
    public var unplacedText: [Int]
    public var notes: [Note]
    public var minimumConfidence: Double

    /// Codes of reader findings about spans and grid shape, which a layout supersedes.
    static let gridCodePrefixes = ["grid-", "span-", "vmerge-"]

    /// True when the layout may be applied: confident enough, labels mostly matched, and no
    /// source text would be lost.
    public var isAccepted: Bool {
        confidence >= minimumConfidence && labelShare >= 0.8 && unplacedText.isEmpty
    }

    /// `table` rebuilt on the template's grid: spans from the template, each cell's text exactly
    /// as written in the source, `layout` set, and diagnostics saying what was matched how.
    public func apply(to table: Table) -> Table {
        var cells: [Cell] = []
        cells.reserveCapacity(template.cells.count)
        var newPosition: [Int: (Int, Int)] = [:]
        for (t, tc) in template.cells.enumerated() {
            if let s = assignment[t] {
                let source = table.cells[s]
                cells.append(Cell(row: tc.row, column: tc.column, rowSpan: tc.rowSpan, colSpan: tc.colSpan,
                                  text: source.text, blocks: source.blocks))
                newPosition[s] = (tc.row, tc.column)
            } else {
                cells.append(Cell(row: tc.row, column: tc.column, rowSpan: tc.rowSpan, colSpan: tc.colSpan,
                                  text: "", synthetic: true))
            }
        }
        var diagnostics: [Diagnostic] = [Diagnostic(.info, "layout-applied",
            "spans set from the known layout \(template.id) (confidence \(JSONText.number(confidence))); "
            + "\(droppedEmpty) empty source cell(s) that only continued merged cells were dropped")]
        // Keep the reader's findings, moved to where their cell now sits.
        var superseded = 0
        for d in table.diagnostics {
            // Findings about the grid the reader built no longer apply: the layout replaced it.
            if LayoutCandidate.gridCodePrefixes.contains(where: { d.code.hasPrefix($0) }) { superseded += 1; continue }
            guard let at = d.cell, at.count == 2 else { diagnostics.append(d); continue }
            if let s = table.cells.firstIndex(where: { $0.row == at[0] && $0.column == at[1] }), let p = newPosition[s] {
                var moved = d
                moved.cell = [p.0, p.1]
                diagnostics.append(moved)
            } else {
                superseded += 1
            }
        }
        if superseded > 0 {
            diagnostics.append(Diagnostic(.info, "layout-superseded",
                "\(superseded) finding(s) of the reader about the grid or cells the layout replaced were dropped"))
        }
        for note in notes {
            switch note {
            case .missing(let t):
                let tc = template.cells[t]
                let what = tc.label.map { "label \"\($0)\"" } ?? "figure"
                diagnostics.append(Diagnostic(.warning, "layout-cell-missing",
                    "the table has no cell for the layout's \(what); left empty", cell: (tc.row, tc.column)))
            case .labelVariant(let t, let closeness):
                let tc = template.cells[t]
                let written = assignment[t].map { table.cells[$0].text } ?? ""
                let how = closeness == .variant ? "an accepted variant of" : "with notes, read as"
                diagnostics.append(Diagnostic(.info, "layout-label-variant",
                    "\"\(written)\" is \(how) \"\(tc.label ?? "")\"", cell: (tc.row, tc.column)))
            case .labelMismatch(let t):
                let tc = template.cells[t]
                let written = assignment[t].map { table.cells[$0].text } ?? ""
                diagnostics.append(Diagnostic(.warning, "layout-label-mismatch",
                    "\"\(written)\" stands where the layout has \"\(tc.label ?? "")\"", cell: (tc.row, tc.column)))
            case .figureUnreadable(let t):
                let tc = template.cells[t]
                let written = assignment[t].map { table.cells[$0].text } ?? ""
                diagnostics.append(Diagnostic(.warning, "layout-figure-unreadable",
                    "\"\(written)\" stands where the layout has a figure", cell: (tc.row, tc.column)))
            }
        }
        return Table(id: table.id, rows: template.rows, columns: template.columns, cells: cells,
                     headerRows: min(max(0, template.headerRows), template.rows),
                     headerColumns: min(max(0, template.headerColumns), template.columns),
                     layout: LayoutMatch(template: template.id, confidence: confidence), diagnostics: diagnostics)
    }
}
