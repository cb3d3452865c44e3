import Foundation
import RegridKit
import RegridFixtures

/// What Regrid made of one generated report's PDF text, against the report's truth: figures
/// exact, left empty (with their row named in a diagnostic) or wrong; planted violations found
/// or not checkable; checks failing that nothing planted.
struct PDFTextScore {
    var figures = 0
    var exact = 0
    var missing = 0
    /// Figures with another value or text than the truth's: must stay 0.
    var wrong: [String] = []
    /// Missing figures whose row no diagnostic names: must stay 0.
    var unexplained: [String] = []
    var violations = 0
    var violationsFound = 0
    /// Failing checks that no planted violation explains: must stay 0.
    var falseAlarms: [String] = []

    init() {}

    init(_ document: Document, _ report: DisclosureReport, truth: ReportTruth) {
        let named = document.tables.flatMap(\.diagnostics).filter { $0.code == "row-unplaced" || $0.code == "row-label-missing" }
        for expected in truth.figures {
            figures += 1
            let found = report.figures.first {
                $0.table.rawValue == expected.table && $0.row == expected.row && $0.column == expected.column
            }
            guard let found, let value = found.value else {
                missing += 1
                let row = expected.row.isEmpty ? "the figure row" : "row " + expected.row.joined(separator: "›")
                if !named.contains(where: { $0.message.hasPrefix(row + ":") }) {
                    unexplained.append("\(expected.table) \(expected.row) \(expected.column)")
                }
                continue
            }
            if value == expected.value && found.text == expected.text { exact += 1 } else {
                wrong.append("\(expected.table) \(expected.row) \(expected.column): \(found.text) for \(expected.text)")
            }
        }
        let failed = Set(report.failures.map { ExpectedFailure(rule: $0.rule, row: $0.row, column: $0.column) })
        falseAlarms = failed.subtracting(truth.expectedFailures).map(\.description).sorted()
        violations = truth.violations.count
        violationsFound = truth.violations.filter { Set($0.failures).isSubset(of: failed) }.count
    }

    static func + (a: PDFTextScore, b: PDFTextScore) -> PDFTextScore {
        var s = a
        s.figures += b.figures; s.exact += b.exact; s.missing += b.missing
        s.wrong += b.wrong; s.unexplained += b.unexplained
        s.violations += b.violations; s.violationsFound += b.violationsFound; s.falseAlarms += b.falseAlarms
        return s
    }
}
