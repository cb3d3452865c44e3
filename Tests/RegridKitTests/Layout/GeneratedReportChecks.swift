import Testing
import RegridKit
import RegridFixtures

/// Compares what Regrid extracted from a generated report with the generator's truth.
enum GeneratedReportChecks {
    /// Every figure exact (value and text), every planted violation found at its row/column and
    /// nothing else failing, tables 二/三/四 on their layouts' grids, the unknown table left alone.
    static func verify(_ document: Document, _ report: DisclosureReport, truth: ReportTruth, label: String) {
        #expect(report.layout == truth.layout, "\(label): layout")
        #expect(report.agency == truth.agency, "\(label): agency")
        #expect(report.year == truth.year, "\(label): year")

        #expect(report.figures.count == truth.figures.count, "\(label): figure count")
        for expected in truth.figures {
            let found = report.figures.first {
                $0.table.rawValue == expected.table && $0.row == expected.row && $0.column == expected.column
            }
            #expect(found?.value == expected.value, "\(label): value of \(expected.table) \(expected.row) \(expected.column)")
            #expect(found?.text == expected.text, "\(label): text of \(expected.table) \(expected.row) \(expected.column)")
        }

        let failed = Set(report.failures.map { ExpectedFailure(rule: $0.rule, row: $0.row, column: $0.column) })
        #expect(failed == truth.expectedFailures,
                "\(label): failed \(failed.map(\.description).sorted()) vs planted \(truth.expectedFailures.map(\.description).sorted())")
        #expect(!report.diagnostics.contains { $0.code == "check-skipped" }, "\(label): a check was skipped")

        // The known tables sit exactly on their layouts' grids.
        let known = document.tables.filter { $0.layout != nil }
        #expect(known.count == 3, "\(label): known tables")
        for table in known {
            guard let id = table.layout?.template,
                  let template = LayoutTestSupport.resolver.templates.first(where: { $0.id == id }) else {
                Issue.record("\(label): unknown template id")
                continue
            }
            #expect(template.version == truth.layout, "\(label): \(id)")
            #expect(table.rows == template.rows && table.columns == template.columns, "\(label): \(id) size")
            #expect(table.cells.map { [$0.row, $0.column, $0.rowSpan, $0.colSpan] }
                    == template.cells.map { [$0.row, $0.column, $0.rowSpan, $0.colSpan] }, "\(label): \(id) spans")
            #expect(!table.cells.contains { $0.isSynthetic }, "\(label): \(id) has cells the source lacked")
        }
        let unknown = document.tables.filter { $0.layout == nil }
        if truth.hasUnknownTable {
            #expect(unknown.count == 1, "\(label): the unknown table")
            #expect(unknown.first?.cells.contains { $0.text == "政务动态" } == true, "\(label): unknown table content")
        } else {
            #expect(unknown.isEmpty, "\(label): tables without layout")
        }
    }

    /// The source's own grid (read from w:gridSpan/w:vMerge) agrees with the layout cell for cell:
    /// two independent descriptions of the format (generator vs layout files) give the same spans
    /// and the same text.
    static func verifyAgainstSource(_ resolved: Document, source: Document, label: String, allowSplitDifference: Bool) {
        for (r, s) in zip(resolved.tables, source.tables) where r.layout != nil {
            let differs = r.cells.map { [$0.row, $0.column, $0.rowSpan, $0.colSpan] } != s.cells.map { [$0.row, $0.column, $0.rowSpan, $0.colSpan] }
            if differs && allowSplitDifference && r.layout?.template.hasSuffix("proactive") == true { continue }
            #expect(!differs, "\(label): \(r.id) spans differ from the source's own merges")
            #expect(r.cells.map(\.text) == s.cells.map(\.text), "\(label): \(r.id) text differs from the source")
        }
    }
}
