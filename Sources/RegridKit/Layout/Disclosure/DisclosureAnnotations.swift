extension DisclosureReport {
    /// Marks for the HTML writer: every figure that a failed check added up or compared is
    /// highlighted in its table cell, with the check's message. Empty when every check holds.
    public func annotations() -> Annotations {
        var notes = Annotations()
        for check in failures {
            for input in check.inputs {
                // The last figure at the input's paths (paths are compared, not hashed: hashing
                // Chinese text normalizes it first).
                guard let figure = figures.last(where: {
                    $0.table == check.table && $0.column == input.column && $0.row == input.row
                }) else { continue }
                notes.mark(table: figure.tableID, row: figure.cellRow, column: figure.cellColumn,
                           "\(check.rule): \(check.message)", severity: .error)
            }
        }
        return notes
    }
}

extension DisclosureReport {
    /// The row and column paths of every figure, as the layout names them, for tidy CSV: each
    /// section of a table labelled with its own sub-header, sub-header rows left out of the data.
    public func statedHeaderPaths() -> StatedHeaderPaths {
        var stated = StatedHeaderPaths()
        for figure in figures {
            stated.state(table: figure.tableID, row: figure.cellRow, column: figure.cellColumn,
                         rowPath: figure.row, columnPath: figure.column)
        }
        return stated
    }
}
