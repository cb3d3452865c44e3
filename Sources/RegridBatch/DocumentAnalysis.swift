import RegridKit

/// What the catalog records about a converted document beyond its tables: the known layout
/// found, check results and extracted figures (JSON). The one place where layout analysis is
/// wired into batches.
public struct DocumentAnalysis: Equatable, Sendable {
    /// The known layout's name, when a table matched one.
    public var layout: String?
    /// Check results as a JSON array (nil when the layout has no rules or none matched).
    public var checks: String?
    /// How many checks failed.
    public var checksFailed: Int?
    /// Extracted figures as a JSON array (nil when none).
    public var figures: String?

    public init(layout: String? = nil, checks: String? = nil, checksFailed: Int? = nil, figures: String? = nil) {
        self.layout = layout
        self.checks = checks
        self.checksFailed = checksFailed
        self.figures = figures
    }

    /// The analysis of `document`: the first layout its tables name.
    public static func of(_ document: Document) -> DocumentAnalysis {
        DocumentAnalysis(layout: document.tables.lazy.compactMap { $0.layout?.template }.first)
    }
}
