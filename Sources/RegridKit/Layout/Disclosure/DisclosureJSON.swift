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
        lines(report.figures, figure)
    }

    /// The report's `checks` array alone, one compact object per line (for the batch catalog).
    public func checks(_ report: DisclosureReport) -> String {
        lines(report.checks, check)
    }

    /// What `jsonArray(items.map(write), indent: 0)` gives, written into one buffer (the batch
    /// writes a report's figures for every document; a string per value was most of its cost).
    private func lines<T>(_ items: [T], _ write: (T, inout JSONBuffer, inout PathCache) -> Void) -> String {
        guard !items.isEmpty else { return "[]" }
        var out = JSONBuffer(capacity: 256 * items.count)
        var paths = PathCache()
        out.append("[\n")
        for (i, item) in items.enumerated() {
            out.append(i == 0 ? "  " : ",\n  ")
            write(item, &out, &paths)
        }
        out.append("\n]")
        return out.string
    }

    private func figure(_ f: DisclosureFigure) -> String {
        var out = JSONBuffer()
        var paths = PathCache()
        figure(f, into: &out, paths: &paths)
        return out.string
    }

    private func check(_ c: DisclosureCheck) -> String {
        var out = JSONBuffer()
        var paths = PathCache()
        check(c, into: &out, paths: &paths)
        return out.string
    }

    /// The JSON of the paths written so far, by array storage: a report's figures and checks
    /// repeat a few dozen paths (its template's own arrays, see
    /// ``LayoutTemplate/sharingFigurePaths()``), and quoting their labels for every figure cost
    /// more than the rest of the figure. Only arrays that outlive the cache are looked up (the
    /// report's), so no address is reused for other labels.
    private struct PathCache {
        private var entries: [(address: UnsafeRawPointer, count: Int, json: JSONBuffer)] = []

        /// Appends the JSON of `p` (`["a", "b"]`) to `out`.
        mutating func write(_ p: [String], into out: inout JSONBuffer) {
            let address = p.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
            if let address, let hit = entries.last(where: { $0.address == address && $0.count == p.count }) {
                out.append(hit.json)
                return
            }
            var json = JSONBuffer()
            json.append("[")
            for (i, label) in p.enumerated() {
                if i > 0 { json.append(", ") }
                json.quoted(label)
            }
            json.append("]")
            out.append(json)
            // A few dozen paths per report: searched, not hashed; a report with more stops caching.
            if let address, entries.count < 64 { entries.append((address, p.count, json)) }
        }
    }

    /// One compact figure object, as ``JSONObject/compact()`` lays it out.
    private func figure(_ f: DisclosureFigure, into out: inout JSONBuffer, paths: inout PathCache) {
        out.append("{\"table\": ")
        out.quoted(f.table.rawValue)
        out.append(", \"row\": ")
        paths.write(f.row, into: &out)
        out.append(", \"column\": ")
        paths.write(f.column, into: &out)
        out.append(", \"value\": ")
        out.append(raw: f.value.map(JSONText.number) ?? "null")
        out.append(", \"text\": ")
        out.quoted(f.text)
        out.append(", \"at\": {\"table\": ")
        out.quoted(f.tableID)
        out.append(", \"row\": ")
        out.int(f.cellRow)
        out.append(", \"column\": ")
        out.int(f.cellColumn)
        out.append("}}")
    }

    /// One compact check object, as ``JSONObject/compact()`` lays it out.
    private func check(_ c: DisclosureCheck, into out: inout JSONBuffer, paths: inout PathCache) {
        out.append("{\"rule\": ")
        out.quoted(c.rule)
        out.append(", \"ok\": ")
        out.append(c.ok ? "true" : "false")
        out.append(", \"table\": ")
        out.quoted(c.table.rawValue)
        if let row = c.row {
            out.append(", \"row\": ")
            paths.write(row, into: &out)
        }
        if let column = c.column {
            out.append(", \"column\": ")
            paths.write(column, into: &out)
        }
        out.append(", \"expected\": ")
        out.append(raw: JSONText.number(c.expected))
        out.append(", \"actual\": ")
        out.append(raw: JSONText.number(c.actual))
        out.append(", \"message\": ")
        out.quoted(c.message)
        out.append("}")
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
            lines.append(head + ": \(Wording.count(figures.count, "figure")), \(Wording.count(checks.count, "check")), "
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
