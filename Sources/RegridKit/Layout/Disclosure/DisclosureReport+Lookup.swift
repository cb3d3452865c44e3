extension DisclosureReport {
    /// The figures whose row and column label paths *end with* `row` and `column`, the labels
    /// compared as the layouts compare them (full/half-width forms, spaces and line breaks,
    /// `1.`/`1、`, quotation marks and bracketed notes do not matter), so a label can be given as
    /// the table shows it: `figures(row: ["（一）予以公开"], column: ["自然人"])`, or with its parents
    /// (`["三、本年度办理结果", "（一）予以公开"]`) where the last label alone is ambiguous.
    /// - Parameter table: restrict to one table; nil for all three.
    public func figures(_ table: DisclosureTable? = nil, row: [String], column: [String]) -> [DisclosureFigure] {
        let normalizer = LabelNormalizer()
        func ends(_ path: [String], with labels: [String]) -> Bool {
            guard labels.count <= path.count else { return false }
            return zip(path.suffix(labels.count), labels).allSatisfy { canonical, given in
                normalizer.closeness(of: given, to: canonical) != nil
            }
        }
        return figures.filter { figure in
            (table == nil || figure.table == table) && ends(figure.row, with: row) && ends(figure.column, with: column)
        }
    }

    /// The one figure at `row` × `column` (see ``figures(_:row:column:)``); nil when no figure or
    /// more than one matches (give more of the path then).
    public func figure(_ table: DisclosureTable? = nil, row: [String], column: [String]) -> DisclosureFigure? {
        let found = figures(table, row: row, column: column)
        return found.count == 1 ? found[0] : nil
    }

    /// The figure in the cell whose top-left slot is (`row`, `column`) of table `tableID` of the
    /// document, as the JSON, HTML or XLSX output shows it.
    public func figure(inTable tableID: String, row: Int, column: Int) -> DisclosureFigure? {
        figures.first { $0.tableID == tableID && $0.cellRow == row && $0.cellColumn == column }
    }
}
