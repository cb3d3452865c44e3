extension DisclosureReport {
    /// Marks for the HTML writer: every figure that a failed check added up or compared is
    /// highlighted in its table cell, with the check's message. Empty when every check holds.
    public func annotations() -> Annotations {
        var byPath: [DisclosureTable: [FigurePath: DisclosureFigure]] = [:]
        for figure in figures {
            byPath[figure.table, default: [:]][FigurePath(row: figure.row, column: figure.column)] = figure
        }
        var notes = Annotations()
        for check in failures {
            for input in check.inputs {
                guard let figure = byPath[check.table]?[input] else { continue }
                notes.mark(table: figure.tableID, row: figure.cellRow, column: figure.cellColumn,
                           "\(check.rule): \(check.message)", severity: .error)
            }
        }
        return notes
    }
}
