import Foundation
import Testing
import RegridKit
import RegridFixtures

/// Reports generated in both layouts, with wording variants and planted violations, read back.
@Suite struct GeneratedReportTests {
    static let cases: [DisclosureReportGenerator.Options] = (0..<16).map { i in
        let kinds = PlantedViolation.Kind.allCases
        var violations: [PlantedViolation.Kind] = []
        for (k, kind) in kinds.enumerated() where (i >> k) & 1 == 1 { violations.append(kind) }
        return .init(layout: i % 2 == 0 ? "2019" : "2021", seed: UInt64(1000 + i), year: i % 5 == 0 ? 2022 : nil,
                     variants: i % 7 != 3, violations: violations, unknownTable: i % 3 == 0)
    }

    /// Tables with their real merges (what a correct DOCX reader gives).
    @Test(arguments: cases)
    func generatedWithRealSpans(_ options: DisclosureReportGenerator.Options) throws {
        let generated = DisclosureReportGenerator(options).generate()
        let source = try generated.word.modelDocument(name: "generated.docx")
        let (document, report) = LayoutTestSupport.extract(source)
        try document.validate()
        let label = "seed \(options.seed) layout \(options.layout)"
        GeneratedReportChecks.verify(document, report, truth: generated.truth, label: label)
        GeneratedReportChecks.verifyAgainstSource(document, source: source, label: label, allowSplitDifference: true)
    }

    /// The committed flattened-text fixtures (tika_emulate.py output of generated DOCX), read by
    /// the naive test parser that gets every span wrong.
    @Test(arguments: DisclosureFixtureSet.flat.map(\.name))
    func flattenedFixturesThroughNaiveParser(_ name: String) throws {
        guard let options = DisclosureFixtureSet.flat.first(where: { $0.name == name })?.options else { return }
        let url = SharedCorpus.repositoryRoot.appendingPathComponent("Tests/RegridKitTests/Fixtures/cn-gov-disclosure/\(name).txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        let truth = DisclosureReportGenerator(options).generate().truth
        let (document, report) = LayoutTestSupport.extract(try TikaDOMTestParser.parse(text))
        try document.validate()
        GeneratedReportChecks.verify(document, report, truth: truth, label: name)
    }
}

extension DisclosureReportGenerator.Options: CustomTestStringConvertible {
    public var testDescription: String { "layout \(layout) seed \(seed) violations \(violations.map(\.rawValue))" }
}
