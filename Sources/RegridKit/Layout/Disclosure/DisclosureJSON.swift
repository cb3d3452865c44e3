/// Writes a ``DisclosureReport`` as the `regrid.cn-gov-disclosure` JSON of `regrid extract`:
/// keys in a fixed order, one figure / check / diagnostic per line, deterministic.
public struct DisclosureJSONWriter: Sendable {
    public init() {}

    /// The report as JSON text, ending in a newline.
    public func write(_ report: DisclosureReport) -> String {
        var o = JSONObject()
        o.string("format", report.format)
        o.int("version", report.version)
        o.raw("layout", report.layout.map(JSONText.quote) ?? "null")
        o.raw("agency", report.agency.map(JSONText.quote) ?? "null")
        o.raw("year", report.year.map(String.init) ?? "null")
        o.raw("figures", jsonArray(report.figures.map(figure), indent: 2))
        o.raw("checks", jsonArray(report.checks.map(check), indent: 2))
        o.raw("diagnostics", jsonArray(report.diagnostics.map(JSONWriter().diagnostic), indent: 2))
        return o.pretty(indent: 0) + "\n"
    }

    /// The report's `figures` array alone, one compact object per line (for the batch catalog).
    public func figures(_ report: DisclosureReport) -> String {
        jsonArray(report.figures.map(figure), indent: 0)
    }

    /// The report's `checks` array alone, one compact object per line (for the batch catalog).
    public func checks(_ report: DisclosureReport) -> String {
        jsonArray(report.checks.map(check), indent: 0)
    }

    private func path(_ p: [String]) -> String { "[" + p.map(JSONText.quote).joined(separator: ", ") + "]" }

    private func figure(_ f: DisclosureFigure) -> String {
        var o = JSONObject()
        o.string("table", f.table.rawValue)
        o.raw("row", path(f.row))
        o.raw("column", path(f.column))
        o.raw("value", f.value.map(JSONText.number) ?? "null")
        o.string("text", f.text)
        var at = JSONObject()
        at.string("table", f.tableID)
        at.int("row", f.cellRow)
        at.int("column", f.cellColumn)
        o.raw("at", at.compact())
        return o.compact()
    }

    private func check(_ c: DisclosureCheck) -> String {
        var o = JSONObject()
        o.string("rule", c.rule)
        o.bool("ok", c.ok)
        o.string("table", c.table.rawValue)
        if let row = c.row { o.raw("row", path(row)) }
        if let column = c.column { o.raw("column", path(column)) }
        o.number("expected", c.expected)
        o.number("actual", c.actual)
        o.string("message", c.message)
        return o.compact()
    }
}

extension DisclosureReport {
    /// The findings for people, as `regrid check` prints them: a summary line for `file`, then
    /// one line per failed check (table, row, column, numbers).
    public func findingsText(file: String) -> String {
        var lines: [String] = []
        let who = [agency, year.map { "\($0)" }].compactMap { $0 }.joined(separator: " ")
        let head = "\(file): " + (layout.map { "layout \($0)" } ?? "no known layout") + (who.isEmpty ? "" : ", \(who)")
        if layout == nil {
            lines.append(head + ": no 政府信息公开 tables found, nothing checked")
        } else {
            let failed = failures
            lines.append(head + ": \(figures.count) figures, \(checks.count) checks, "
                         + (failed.isEmpty ? "all hold" : "\(failed.count) fail"))
            for c in failed {
                var at: [String] = []
                if let row = c.row { at.append("row " + row.joined(separator: "›")) }
                if let column = c.column { at.append("column " + column.joined(separator: "›")) }
                lines.append("  FAIL \(c.rule) [\(c.table.rawValue)] \(at.joined(separator: ", ")): "
                             + "expected \(JSONText.number(c.expected)), found \(JSONText.number(c.actual)) (\(c.message))")
            }
        }
        for d in diagnostics where d.severity >= .warning {
            lines.append("  \(d.severity.rawValue): \(d.message)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
