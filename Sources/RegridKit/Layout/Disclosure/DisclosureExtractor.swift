/// Turns a document whose tables were settled by the `cn-gov-disclosure` layouts (see
/// ``LayoutResolver``) into a ``DisclosureReport``: figures under canonical labels, agency and
/// year from the title lines, and the consistency checks of ``DisclosureRules``.
public struct DisclosureExtractor: Sendable {
    /// The family id of the layouts this extractor reads.
    public static let family = "cn-gov-disclosure"

    /// The templates the document was resolved with (to find each figure cell).
    public var templates: [LayoutTemplate]

    public init(templates: [LayoutTemplate]) { self.templates = templates }

    /// Reads the records of `document` (already passed through ``LayoutResolver``).
    public func extract(_ document: Document) -> DisclosureReport {
        var diagnostics: [Diagnostic] = []
        var figures: [DisclosureFigure] = []
        var versions: [String] = []
        var seen: [DisclosureTable: String] = [:]
        let byID = Dictionary(templates.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        var found: [(DisclosureTable, Table, LayoutTemplate)] = []
        for table in document.tables {
            guard let match = table.layout, let template = byID[match.template], template.family == Self.family,
                  let kind = DisclosureTable(rawValue: template.table) else { continue }
            if let earlier = seen[kind] {
                diagnostics.append(Diagnostic(.warning, "table-repeated",
                    "table \(table.id) is another \(kind.rawValue) table (first: \(earlier)); its figures are left out"))
                continue
            }
            seen[kind] = table.id
            versions.append(template.version)
            found.append((kind, table, template))
        }
        let order = Dictionary(uniqueKeysWithValues: DisclosureTable.allCases.enumerated().map { ($1, $0) })
        found.sort { order[$0.0, default: 0] < order[$1.0, default: 0] }

        for (kind, table, template) in found {
            // The first cell whose top-left slot is each slot of the grid (a search per figure
            // cost more than the rest of the extraction).
            let columns = max(0, table.columns)
            var cellAt = [Int](repeating: -1, count: max(0, table.rows) * columns)
            for (index, cell) in table.cells.enumerated().reversed()
                where (0..<table.rows).contains(cell.row) && (0..<columns).contains(cell.column) {
                cellAt[cell.row * columns + cell.column] = index
            }
            for tc in template.cells {
                guard let paths = tc.figure else { continue }
                let slot = (0..<table.rows).contains(tc.row) && (0..<columns).contains(tc.column) ? cellAt[tc.row * columns + tc.column] : -1
                let cell = slot >= 0 ? table.cells[slot] : nil
                let text = cell?.text ?? ""
                var value: Double? = nil
                if cell == nil || cell?.isSynthetic == true {
                    diagnostics.append(Diagnostic(.warning, "figure-missing",
                        "table \(table.id) (\(kind.rawValue)) has no cell for \(Self.describe(paths)); no value", cell: (tc.row, tc.column)))
                } else if let reading = FigureText.read(text) {
                    value = reading.value
                    switch reading.form {
                    case .blank, .dash:
                        diagnostics.append(Diagnostic(.info, "figure-zero-by-convention",
                            "table \(table.id) (\(kind.rawValue)): \(reading.form == .blank ? "blank cell" : "\"\(text)\"") read as 0 for \(Self.describe(paths))",
                            cell: (tc.row, tc.column)))
                    case .number:
                        if let note = reading.note {
                            diagnostics.append(Diagnostic(.info, "figure-note",
                                "table \(table.id) (\(kind.rawValue)): note \"\(note)\" after the figure for \(Self.describe(paths)) set aside",
                                cell: (tc.row, tc.column)))
                        }
                        if kind != .proactive, reading.value < 0 || reading.value != reading.value.rounded() {
                            diagnostics.append(Diagnostic(.warning, "figure-not-count",
                                "table \(table.id) (\(kind.rawValue)): \"\(text)\" for \(Self.describe(paths)) is not a count (negative or fractional)",
                                cell: (tc.row, tc.column)))
                        }
                    }
                } else {
                    diagnostics.append(Diagnostic(.warning, "figure-unreadable",
                        "table \(table.id) (\(kind.rawValue)): \"\(text)\" for \(Self.describe(paths)) is not a number", cell: (tc.row, tc.column)))
                }
                figures.append(DisclosureFigure(table: kind, row: paths.row, column: paths.column, value: value,
                                                text: text, tableID: table.id, cellRow: tc.row, cellColumn: tc.column))
            }
        }

        var layout: String? = nil
        let distinct = Set(versions)
        if distinct.count == 1 {
            layout = distinct.first
        } else if distinct.count > 1 {
            let tally = Dictionary(versions.map { ($0, 1) }, uniquingKeysWith: +)
            layout = tally.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
            diagnostics.append(Diagnostic(.warning, "layout-mixed",
                "the tables follow different layout versions (\(versions.joined(separator: ", "))); reported as \(layout ?? "")"))
        } else {
            diagnostics.append(Diagnostic(.warning, "layout-none",
                "no table matches a known 政府信息公开工作年度报告 layout; nothing to extract"))
        }
        for kind in DisclosureTable.allCases where seen[kind] == nil && !found.isEmpty {
            diagnostics.append(Diagnostic(.warning, "table-absent", "no \(kind.rawValue) table was found"))
        }

        let title = ReportTitle.find(in: document)
        if title.agency == nil {
            diagnostics.append(Diagnostic(.warning, "agency-unknown", "no agency name found in the title lines"))
        }
        if title.year == nil {
            diagnostics.append(Diagnostic(.warning, "year-unknown", "no reporting year found in the title lines"))
        }
        let (checks, skipped) = DisclosureRules.check(figures, applications: found.first { $0.0 == .applications }?.2)
        diagnostics.append(contentsOf: skipped)
        return DisclosureReport(layout: layout, agency: title.agency, year: title.year, figures: figures,
                                checks: checks, diagnostics: diagnostics)
    }

    static func describe(_ paths: FigurePaths) -> String {
        let row = paths.row.isEmpty ? "" : paths.row.joined(separator: "›") + " / "
        return row + paths.column.joined(separator: "›")
    }
}
