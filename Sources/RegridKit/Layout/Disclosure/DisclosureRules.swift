/// The consistency rules of `spec/cn-gov-disclosure.md` §5 over extracted figures:
///
/// - `T3_balance_per_column`: for each column of table 三, 一 + 二 = 三（七）总计 + 四 (stated in the table's own corner cell);
/// - `T3_row_total_is_sum_of_applicants`: for each row, 总计 = the six applicant columns;
/// - `T3_total_is_sum_of_outcomes`: for each column, （七）总计 = the sum of the outcome rows
///   (（一）…（六）; in 2019 （六） is one row, in 2021 its three sub-rows);
/// - `T4_totals`: in each 复议/诉讼 block of table 四, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
///
/// Every evaluated rule instance gives one ``DisclosureCheck`` (ok or not); instances whose
/// figures are missing are skipped with a diagnostic.
public enum DisclosureRules {
    static let received = "一、本年新收政府信息公开申请数量"
    static let carriedIn = "二、上年结转政府信息公开申请数量"
    static let outcomes = "三、本年度办理结果"
    static let outcomeTotal = "（七）总计"
    static let carriedOut = "四、结转下年度继续办理"
    static let total = "总计"

    /// The checks over `figures`, and diagnostics for rule instances that could not be evaluated.
    /// `applications` gives the row and column order of table 三 (the template that matched it).
    public static func check(_ figures: [DisclosureFigure], applications: LayoutTemplate?) -> ([DisclosureCheck], [Diagnostic]) {
        var checks: [DisclosureCheck] = []
        var skipped: [Diagnostic] = []
        // Figures are looked up by their paths (the last figure wins when two share them). Paths
        // are compared, never hashed: hashing Chinese text normalizes it first, which cost more
        // than all the rest of the rules.
        let review = figures.filter { $0.table == .reviewLitigation }
        func reviewValue(_ row: [String], _ column: [String]) -> Double? {
            review.last { $0.column == column && $0.row == row }?.value ?? nil
        }
        func record(_ rule: String, _ table: DisclosureTable, row: [String]?, column: [String]?,
                    expected: Double?, actual: Double?, inputs: [([String], [String])],
                    describe: (Double, Double) -> String) {
            guard let expected, let actual else {
                let at = [row.map { "row " + $0.joined(separator: "›") }, column.map { "column " + $0.joined(separator: "›") }]
                    .compactMap { $0 }.joined(separator: ", ")
                skipped.append(Diagnostic(.warning, "check-skipped", "\(rule) at \(at): a figure it needs is missing or unreadable"))
                return
            }
            let ok = abs(expected - actual) < 1e-6
            checks.append(DisclosureCheck(rule: rule, ok: ok, table: table, row: row, column: column,
                                          expected: expected, actual: actual, message: describe(expected, actual),
                                          inputs: inputs.map { FigurePath(row: $0.0, column: $0.1) }))
        }
        let n = { (d: Double) in JSONText.number(d) }

        if let template = applications {
            var rows: [[String]] = []
            var columns: [[String]] = []
            for cell in template.cells {
                guard let p = cell.figure else { continue }
                // A template lists its cells row by row: the row is most often the last one seen.
                if rows.last != p.row && index(of: p.row, in: rows) == nil { rows.append(p.row) }
                if index(of: p.column, in: columns) == nil { columns.append(p.column) }
            }
            // Table 三's figures on the grid of its template's rows × columns.
            var grid = [Double?](repeating: nil, count: rows.count * columns.count)
            for f in figures where f.table == .applications {
                guard let r = index(of: f.row, in: rows), let c = index(of: f.column, in: columns) else { continue }
                grid[r * columns.count + c] = f.value
            }
            func value(_ row: [String], _ column: [String]) -> Double? {
                guard let r = index(of: row, in: rows), let c = index(of: column, in: columns) else { return nil }
                return grid[r * columns.count + c]
            }
            func sum(_ cells: [([String], [String])]) -> Double? { DisclosureRules.sum(cells.map { value($0.0, $0.1) }) }
            let totalColumn = columns.first { $0.last == total }
            let applicantColumns = columns.filter { $0 != totalColumn }
            let rowOne = rows.first { $0.first == received }
            let rowTwo = rows.first { $0.first == carriedIn }
            let rowSeven = rows.first { $0.first == outcomes && $0.last == outcomeTotal }
            let rowFour = rows.first { $0.first == carriedOut }
            let outcomeRows = rows.filter { $0.first == outcomes && $0.last != outcomeTotal }

            if let rowOne, let rowTwo, let rowSeven, let rowFour {
                for column in columns {
                    let left = sum([(rowOne, column), (rowTwo, column)])
                    let right = sum([(rowSeven, column), (rowFour, column)])
                    record("T3_balance_per_column", .applications, row: nil, column: column, expected: left, actual: right,
                           inputs: [rowOne, rowTwo, rowSeven, rowFour].map { ($0, column) }) { e, a in
                        "column \(column.last ?? ""): 一 + 二 = \(n(e)), 三（七）总计 + 四 = \(n(a))" + (e == a ? "" : "; they should be equal")
                    }
                }
            }
            if let totalColumn {
                for row in rows {
                    let parts = sum(applicantColumns.map { (row, $0) })
                    record("T3_row_total_is_sum_of_applicants", .applications, row: row, column: totalColumn,
                           expected: parts, actual: value(row, totalColumn),
                           inputs: columns.map { (row, $0) }) { e, a in
                        "row \(row.last ?? ""): 总计 is \(n(a)), the six applicant columns add up to \(n(e))"
                    }
                }
            }
            if let rowSeven, !outcomeRows.isEmpty {
                for column in columns {
                    let parts = sum(outcomeRows.map { ($0, column) })
                    record("T3_total_is_sum_of_outcomes", .applications, row: rowSeven, column: column,
                           expected: parts, actual: value(rowSeven, column),
                           inputs: (outcomeRows + [rowSeven]).map { ($0, column) }) { e, a in
                        "column \(column.last ?? ""): （七）总计 is \(n(a)), the outcome rows （一）–（六） add up to \(n(e))"
                    }
                }
            }
        }

        // Table 四: group its columns into blocks by their path without the last label.
        var blocks: [[String]] = []
        for f in review where !blocks.contains(Array(f.column.dropLast())) { blocks.append(Array(f.column.dropLast())) }
        for block in blocks {
            let members = review.filter { Array($0.column.dropLast()) == block }
            guard let totalFigure = members.first(where: { $0.column.last == total }) else { continue }
            let parts = DisclosureRules.sum(members.filter { $0.column.last != total }.map { reviewValue($0.row, $0.column) })
            record("T4_totals", .reviewLitigation, row: nil, column: totalFigure.column,
                   expected: parts, actual: totalFigure.value,
                   inputs: members.map { ($0.row, $0.column) }) { e, a in
                "\(block.joined(separator: "›")): 总计 is \(n(a)), 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = \(n(e))"
            }
        }
        return (checks, skipped)
    }

    /// The index of `path` in `paths` (whose elements are distinct), found by storage identity
    /// first: the paths handed around are the template's own arrays, equal ones shared
    /// (``LayoutTemplate/sharingFigurePaths()``), and comparing Chinese labels that are equal but
    /// stored apart costs a normalizing comparison each.
    private static func index(of path: [String], in paths: [[String]]) -> Int? {
        let storage = path.withUnsafeBufferPointer { $0.baseAddress }
        if let storage, let i = paths.firstIndex(where: { $0.count == path.count && $0.withUnsafeBufferPointer { $0.baseAddress } == storage }) {
            return i
        }
        return paths.firstIndex(of: path)
    }

    private static func sum(_ values: [Double?]) -> Double? {
        var s = 0.0
        for v in values { guard let v else { return nil }; s += v }
        return s
    }
}
