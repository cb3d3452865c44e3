import Testing
import RegridKit
import RegridFixtures

/// The catalog's figures and checks JSON writes each path once per report and copies it for the
/// figures that share its array (the template's): the same text as writing every path afresh.
@Suite struct DisclosureJSONPathTests {
    /// `path` in a new array of new strings (nothing shared with the template).
    static func unshared(_ path: [String]) -> [String] { path.map { String(decoding: Array($0.utf8), as: UTF8.self) } }

    @Test(arguments: [UInt64(7), 8, 9])
    func sharedPathsWriteAsFreshOnes(_ seed: UInt64) throws {
        let options = DisclosureReportGenerator.Options(layout: seed % 2 == 0 ? "2019" : "2021", seed: seed, year: nil,
                                                        variants: true, violations: [.rowTotal], unknownTable: false)
        let generated = DisclosureReportGenerator(options).generate()
        let (_, report) = LayoutTestSupport.extract(try generated.word.modelDocument(name: "generated.docx"))
        #expect(report.figures.count > 100)
        #expect(!report.checks.isEmpty)
        var fresh = report
        fresh.figures = report.figures.map { f in
            var f = f
            f.row = Self.unshared(f.row)
            f.column = Self.unshared(f.column)
            return f
        }
        fresh.checks = report.checks.map { c in
            var c = c
            c.row = c.row.map(Self.unshared)
            c.column = c.column.map(Self.unshared)
            return c
        }
        let writer = DisclosureJSONWriter()
        #expect(writer.figures(report) == writer.figures(fresh))
        #expect(writer.checks(report) == writer.checks(fresh))
        #expect(writer.figures(report).contains("\"row\": [\"三、本年度办理结果\""))
    }
}
