/// The typed records of one 政府信息公开工作年度报告 (`regrid extract`): every figure of the
/// tables 二/三/四 under its canonical labels, and the consistency checks over them.
public struct DisclosureReport: Codable, Equatable, Sendable {
    /// Always ``DisclosureReport/formatName``.
    public var format: String = DisclosureReport.formatName
    public var version: Int = DisclosureReport.currentVersion
    /// `2019` or `2021`: the layout version found in the tables (nil when none matched).
    public var layout: String?
    /// The reporting agency, from the title lines.
    public var agency: String?
    /// The reporting year, from the title lines.
    public var year: Int?
    public var figures: [DisclosureFigure]
    public var checks: [DisclosureCheck]
    public var diagnostics: [Diagnostic]

    public static let formatName = "regrid.cn-gov-disclosure"
    public static let currentVersion = 1

    public init(layout: String?, agency: String?, year: Int?, figures: [DisclosureFigure],
                checks: [DisclosureCheck], diagnostics: [Diagnostic]) {
        self.layout = layout
        self.agency = agency
        self.year = year
        self.figures = figures
        self.checks = checks
        self.diagnostics = diagnostics
    }

    /// The checks that fail.
    public var failures: [DisclosureCheck] { checks.filter { !$0.ok } }

    /// The value of one figure, by canonical paths.
    public func value(_ table: DisclosureTable, row: [String], column: [String]) -> Double? {
        figures.first { $0.table == table && $0.row == row && $0.column == column }?.value
    }
}

/// The three tables of the report.
public enum DisclosureTable: String, Sendable, CaseIterable, Codable {
    /// 二、主动公开政府信息情况
    case proactive
    /// 三、收到和处理政府信息公开申请情况
    case applications
    /// 四、政府信息公开行政复议、行政诉讼情况
    case reviewLitigation = "review_litigation"
}

/// One figure of the report.
public struct DisclosureFigure: Equatable, Sendable {
    public var table: DisclosureTable
    /// Canonical row label path (empty for table 四).
    public var row: [String]
    /// Canonical column label path.
    public var column: [String]
    /// The number; blank and dashes count as 0; nil when the cell is missing or not a number.
    public var value: Double?
    /// The cell's text as written.
    public var text: String
    /// Where the figure sits in the canonical document: table id and the cell's top-left slot.
    public var tableID: String
    public var cellRow: Int
    public var cellColumn: Int

    public init(table: DisclosureTable, row: [String], column: [String], value: Double?, text: String,
                tableID: String, cellRow: Int, cellColumn: Int) {
        self.table = table
        self.row = row
        self.column = column
        self.value = value
        self.text = text
        self.tableID = tableID
        self.cellRow = cellRow
        self.cellColumn = cellColumn
    }
}

/// The outcome of one consistency rule at one row or column.
public struct DisclosureCheck: Equatable, Sendable {
    /// Rule id, e.g. `T3_balance_per_column` (see `spec/cn-gov-disclosure.md` §5).
    public var rule: String
    public var ok: Bool
    public var table: DisclosureTable
    /// The row the check concerns (canonical path), if any.
    public var row: [String]?
    /// The column the check concerns (canonical path), if any.
    public var column: [String]?
    /// What the rule says the value should be.
    public var expected: Double
    /// What the report says.
    public var actual: Double
    /// The finding in plain words.
    public var message: String
    /// The figures the rule added up or compared (both sides), by canonical path.
    public var inputs: [FigurePath]

    public init(rule: String, ok: Bool, table: DisclosureTable, row: [String]?, column: [String]?,
                expected: Double, actual: Double, message: String, inputs: [FigurePath] = []) {
        self.inputs = inputs
        self.rule = rule
        self.ok = ok
        self.table = table
        self.row = row
        self.column = column
        self.expected = expected
        self.actual = actual
        self.message = message
    }
}

/// A figure's place in a known table, by the layout's canonical row and column label paths.
public struct FigurePath: Codable, Hashable, Sendable {
    public var row: [String]
    public var column: [String]
    public init(row: [String], column: [String]) {
        self.row = row
        self.column = column
    }
}
