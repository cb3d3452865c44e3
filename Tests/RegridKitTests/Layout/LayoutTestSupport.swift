import Foundation
import RegridKit

/// Shared helpers of the layout tests.
enum LayoutTestSupport {
    static let resolver: LayoutResolver = {
        do { return try LayoutResolver.standard() } catch { fatalError("built-in layouts: \(error)") }
    }()

    static let seedPath = "seed/000_0f1794d3cae041d2.txt"

    static func seedText() -> String? {
        guard let root = SharedCorpus.root else { return nil }
        return try? String(contentsOf: root.appendingPathComponent(seedPath), encoding: .utf8)
    }

    static func extract(_ document: Document) -> (Document, DisclosureReport) {
        let resolved = resolver.resolve(document)
        return (resolved, DisclosureExtractor(templates: resolver.templates).extract(resolved))
    }

    static let applicants = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
}
