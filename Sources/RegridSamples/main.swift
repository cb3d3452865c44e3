import Foundation
import RegridFixtures

/// `regrid-samples [DIR]`: writes the generated sample reports (default `Samples/`).
/// `regrid-samples --fixtures DIR`: writes the DOCX of the committed flat-text test fixtures
/// (``DisclosureFixtureSet``), to be flattened with `tika_emulate.py`.
let arguments = Array(CommandLine.arguments.dropFirst())
let fixtures = arguments.first == "--fixtures"
let directory = (fixtures ? arguments.dropFirst().first : arguments.first) ?? "Samples"
let samples: [(String, DisclosureReportGenerator.Options)] = fixtures
    ? DisclosureFixtureSet.flat.map { ($0.name + ".docx", $0.options) }
    : [
    ("annual-report-2019.docx", .init(layout: "2019", seed: 2019, agency: "西宁市城中区人民政府")),
    ("annual-report-2021.docx", .init(layout: "2021", seed: 2021, agency: "平潭综合实验区管理委员会", violations: [.balance, .reviewTotal])),
    ("annual-report-2019-layout-2022.docx", .init(layout: "2019", seed: 2022, year: 2022, agency: "丰收乡人民政府", unknownTable: true)),
]
do {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for (name, options) in samples {
        let report = DisclosureReportGenerator(options).generate()
        let path = (directory as NSString).appendingPathComponent(name)
        try Data(report.docx()).write(to: URL(fileURLWithPath: path))
        let planted = report.truth.violations.map(\.description).joined(separator: "; ")
        print("\(path): layout \(options.layout), seed \(options.seed), \(report.truth.figures.count) figures"
              + (planted.isEmpty ? "" : ", planted: \(planted)"))
    }
} catch {
    FileHandle.standardError.write(Data("regrid-samples: \(error)\n".utf8))
    exit(1)
}
