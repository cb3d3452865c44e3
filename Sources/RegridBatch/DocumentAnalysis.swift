import RegridKit

/// What the catalog records about a converted document beyond its tables: the known layout
/// found, the report's agency and year, check results and extracted figures (JSON). The one
/// place where layout analysis is wired into batches.
public struct DocumentAnalysis: Equatable, Sendable {
    /// The known layout found, e.g. `cn-gov-disclosure-2019`; nil when no table matched one.
    public var layout: String?
    public var agency: String?
    public var year: Int?
    /// Check results as a JSON array, as `regrid extract` writes them (nil without a known layout).
    public var checks: String?
    /// How many checks failed (nil without a known layout).
    public var checksFailed: Int?
    /// Extracted figures as a JSON array, as `regrid extract` writes them (nil without a known layout).
    public var figures: String?
    /// The figures of failed checks, highlighted in HTML output.
    public var annotations = Annotations()
    /// The layout's header paths of every figure, for tidy CSV.
    public var statedHeaders = StatedHeaderPaths()

    public init(layout: String? = nil, agency: String? = nil, year: Int? = nil, checks: String? = nil,
                checksFailed: Int? = nil, figures: String? = nil) {
        self.layout = layout
        self.agency = agency
        self.year = year
        self.checks = checks
        self.checksFailed = checksFailed
        self.figures = figures
    }

    /// The analysis of `document`, whose tables `layouts` already resolved: the annual-report
    /// record when the 政府信息公开 layouts matched, else the first layout any table names.
    public static func of(_ document: Document, layouts: LayoutResolver?) -> DocumentAnalysis {
        let anyLayout = document.tables.lazy.compactMap { $0.layout?.template }.first
        guard let layouts else { return DocumentAnalysis(layout: anyLayout) }
        let report = DisclosureExtractor(templates: layouts.templates).extract(document)
        guard let version = report.layout else { return DocumentAnalysis(layout: anyLayout) }
        // The figures and checks exactly as `regrid extract` writes them.
        let writer = DisclosureJSONWriter()
        var analysis = DocumentAnalysis(layout: "\(DisclosureExtractor.family)-\(version)", agency: report.agency,
                                        year: report.year, checks: writer.checks(report),
                                        checksFailed: report.failures.count, figures: writer.figures(report))
        analysis.annotations = report.annotations()
        analysis.statedHeaders = report.statedHeaderPaths()
        return analysis
    }
}
