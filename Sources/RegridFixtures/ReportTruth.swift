/// What a generated report holds, known independently of Regrid's layouts: every figure under
/// its canonical labels, and the rule violations that were planted.
public struct ReportTruth: Equatable, Sendable {
    public var layout: String
    public var agency: String
    public var year: Int
    public var figures: [ExpectedFigure]
    public var violations: [PlantedViolation]
    /// True when the report carries a table that no known layout describes.
    public var hasUnknownTable: Bool

    /// Every check that must fail (the union over the planted violations).
    public var expectedFailures: Set<ExpectedFailure> {
        Set(violations.flatMap(\.failures))
    }
}

/// One figure of a generated report.
public struct ExpectedFigure: Equatable, Sendable {
    /// `proactive`, `applications` or `review_litigation`.
    public var table: String
    public var row: [String]
    public var column: [String]
    public var value: Double
    /// The cell text as written in the document.
    public var text: String
}

/// A rule violation planted into a generated report.
public struct PlantedViolation: Equatable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// 一[c] raised: the column balance and row 一's 总计 fail.
        case balance
        /// The 总计 of an outcome row raised: that row's total and （七）总计's 总计 column fail.
        case rowTotal
        /// One outcome cell and its row's 总计 raised: （七）总计 fails in that column and in 总计.
        case outcomeSum
        /// A table-四 block's 总计 raised.
        case reviewTotal
    }
    public var kind: Kind
    /// What was changed, for people.
    public var description: String
    /// The checks this violation makes fail.
    public var failures: [ExpectedFailure]
}

/// A check that must fail: rule id and the row/column path it is reported at.
public struct ExpectedFailure: Hashable, Sendable, CustomStringConvertible {
    public var rule: String
    public var row: [String]?
    public var column: [String]?
    public init(rule: String, row: [String]?, column: [String]?) {
        self.rule = rule
        self.row = row
        self.column = column
    }
    public var description: String {
        "\(rule) row=\(row?.joined(separator: "›") ?? "-") column=\(column?.joined(separator: "›") ?? "-")"
    }
}
