/// A finding about something that was inferred, repaired or dropped rather than read as is.
///
/// `code` is stable (scripts match on it); `message` is for people.
public struct Diagnostic: Codable, Equatable, Sendable {
    /// How much the finding matters: `info` (inferred, fine), `warning` (repaired or guessed), `error` (lost or refused).
    public enum Severity: String, Codable, Sendable, Comparable {
        case info, warning, error
        private var rank: Int { switch self { case .info: 0; case .warning: 1; case .error: 2 } }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var severity: Severity
    /// Stable identifier, e.g. `span-inferred`, `vmerge-orphan`.
    public var code: String
    /// The finding in plain words.
    public var message: String
    /// `[row, column]` of the table slot concerned, for table diagnostics.
    public var cell: [Int]?
    /// 1-based line of the input, for text inputs.
    public var line: Int?
    /// The package part concerned, for DOCX inputs (e.g. `word/header1.xml`).
    public var part: String?

    /// A finding, optionally located at a table slot, an input line or a package part.
    public init(_ severity: Severity, _ code: String, _ message: String,
                cell: (row: Int, column: Int)? = nil, line: Int? = nil, part: String? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.cell = cell.map { [$0.row, $0.column] }
        self.line = line
        self.part = part
    }
}
