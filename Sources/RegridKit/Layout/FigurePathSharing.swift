extension LayoutTemplate {
    /// The template with byte-identical figure paths sharing one array. Nothing else changes:
    /// the report's checks (``DisclosureRules``) look each figure's path up among the template's,
    /// and Swift compares arrays that share storage without looking at their elements (comparing
    /// Chinese labels stored apart normalizes them, which cost more than the rest of the checks).
    /// Only byte-identical paths are shared, so every path keeps the exact bytes the template wrote.
    func sharingFigurePaths() -> LayoutTemplate {
        var rows: [[String]] = [], columns: [[String]] = []
        // Searched from the latest: a template lists its cells row by row.
        func shared(_ path: [String], in known: inout [[String]]) -> [String] {
            if let match = known.last(where: { Self.sameBytes($0, path) }) { return match }
            known.append(path)
            return path
        }
        var template = self
        for i in template.cells.indices {
            guard let figure = template.cells[i].figure else { continue }
            template.cells[i].figure = FigurePaths(row: shared(figure.row, in: &rows), column: shared(figure.column, in: &columns))
        }
        return template
    }

    private static func sameBytes(_ a: [String], _ b: [String]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { ByteSearch.sameBytes($0, $1) }
    }
}
