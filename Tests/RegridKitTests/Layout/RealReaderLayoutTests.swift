import Foundation
import Testing
import RegridKit
import RegridFixtures

/// Whether the real readers are built yet (they land from their own branches); the tests below
/// run as soon as a reader gives tables for an input that has them.
enum ReaderAvailability {
    static let docx: Bool = {
        guard let bytes = try? DisclosureReportGenerator(.init(layout: "2019", seed: 1)).generate().docx(),
              let document = try? Regrid.read(bytes: bytes, name: "probe.docx") else { return false }
        return document.tables.count == 3
    }()

    static let flatText: Bool = {
        let probe = "标题\n\t甲\n\t乙\n\n\t1\n\t2\n\n\n"
        guard let document = try? Regrid.read(bytes: Array(probe.utf8), name: "probe.txt") else { return false }
        return !document.tables.isEmpty
    }()
}

/// The acceptance tests of issue 4 through the real readers.
@Suite struct RealReaderLayoutTests {
    @Test(.enabled(if: ReaderAvailability.flatText, "the flattened-text reader is not built yet"))
    func seedThroughTheFlatTextReader() throws {
        guard let root = SharedCorpus.root else {
            print("skipped: ../shared is not available")
            return
        }
        let bytes = try Array(Data(contentsOf: root.appendingPathComponent(LayoutTestSupport.seedPath)))
        let (document, report) = LayoutTestSupport.extract(try Regrid.read(bytes: bytes, name: "seed.txt"))
        try document.validate()
        #expect(document.tables.compactMap { $0.layout?.template } == [
            "cn-gov-disclosure-2019/proactive", "cn-gov-disclosure-2019/applications", "cn-gov-disclosure-2019/review_litigation",
        ])
        try SeedExpectations.verify(report, document: document)
    }

    @Test(.enabled(if: ReaderAvailability.docx, "the DOCX reader is not built yet"), arguments: GeneratedReportTests.cases)
    func generatedDOCXThroughTheDOCXReader(_ options: DisclosureReportGenerator.Options) throws {
        let generated = DisclosureReportGenerator(options).generate()
        let read = try Regrid.read(bytes: generated.docx(), name: "generated.docx")
        let (document, report) = LayoutTestSupport.extract(read)
        try document.validate()
        let label = "docx seed \(options.seed) layout \(options.layout)"
        GeneratedReportChecks.verify(document, report, truth: generated.truth, label: label)
        GeneratedReportChecks.verifyAgainstSource(document, source: try generated.word.modelDocument(name: "g.docx"),
                                                  label: label, allowSplitDifference: true)
    }

    @Test(.enabled(if: ReaderAvailability.flatText, "the flattened-text reader is not built yet"),
          arguments: DisclosureFixtureSet.flat.map(\.name))
    func flattenedFixturesThroughTheFlatTextReader(_ name: String) throws {
        guard let options = DisclosureFixtureSet.flat.first(where: { $0.name == name })?.options else { return }
        let url = SharedCorpus.repositoryRoot.appendingPathComponent("Tests/RegridKitTests/Fixtures/cn-gov-disclosure/\(name).txt")
        let read = try Regrid.read(bytes: Array(Data(contentsOf: url)), name: "\(name).txt")
        let (document, report) = LayoutTestSupport.extract(read)
        try document.validate()
        GeneratedReportChecks.verify(document, report, truth: DisclosureReportGenerator(options).generate().truth, label: name)
    }
}
