import Foundation
import RegridFixtures
import RegridKit

/// `regrid-samples [DIR]`: writes the generated sample reports (default `Samples/`).
/// `regrid-samples --fixtures DIR`: writes the DOCX of the committed flat-text test fixtures
/// (``DisclosureFixtureSet``), to be flattened with `tika_emulate.py`.
/// `regrid-samples --pdf-fixtures DIR`: the DOCX of the PDF-text fixtures (``DisclosureFixtureSet/pdf``),
/// made into PDF and text by `scripts/pdf-text-fixtures.sh`.
/// Benchmark inputs (``BenchmarkCorpus``, used by `Benchmarks/run.sh`):
/// `--bench-reports N DIR` (N report-like DOCX), `--bench-table ROWS FILE` (one long merged-cell
/// table as DOCX, and as flattened text in FILE.txt), `--bench-flat MB FILE` (flattened reports
/// concatenated to MB megabytes).
let arguments = Array(CommandLine.arguments.dropFirst())

func write(_ bytes: [UInt8], to path: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}

func flattened(_ word: WordML, name: String) throws -> String {
    let document = try DOCXReader().read(bytes: try word.docx(), name: name)
    return FlatTextWriter().write(document)
}

func count(_ text: String) throws -> Int {
    guard let n = Int(text), n > 0 else { throw RegridError.invalidInput("not a positive number: \(text)") }
    return n
}

let usage = """
    usage: regrid-samples [DIR]                   the sample reports (default Samples/)
           regrid-samples --fixtures DIR          DOCX of the flat-text test fixtures
           regrid-samples --pdf-fixtures DIR      DOCX of the PDF-text test fixtures
           regrid-samples --bench-reports N DIR   N report-like DOCX
           regrid-samples --bench-table ROWS FILE one long merged-cell table (FILE and FILE.txt)
           regrid-samples --bench-flat MB FILE    MB megabytes of flattened reports
    """

do {
    switch arguments.first {
    case "-h", "--help":
        print(usage)
    case let option? where option.hasPrefix("-") && !["--fixtures", "--pdf-fixtures", "--bench-reports", "--bench-table", "--bench-flat"].contains(option):
        FileHandle.standardError.write(Data("regrid-samples: unknown option \(option)\n\(usage)\n".utf8))
        exit(2)
    case let option? where ["--bench-reports", "--bench-table", "--bench-flat"].contains(option) && arguments.count != 3:
        FileHandle.standardError.write(Data("regrid-samples: \(arguments[0]) takes two arguments\n\(usage)\n".utf8))
        exit(2)
    case "--bench-reports" where arguments.count == 3:
        let n = try count(arguments[1])
        try FileManager.default.createDirectory(atPath: arguments[2], withIntermediateDirectories: true)
        for i in 0..<n {
            try write(try BenchmarkCorpus.report(i).docx(),
                      to: (arguments[2] as NSString).appendingPathComponent(String(format: "report-%05d.docx", i)))
        }
        print("\(arguments[2]): \(n) benchmark reports")
    case "--bench-table" where arguments.count == 3:
        let rows = try count(arguments[1])
        let word = BenchmarkCorpus.longTable(rows: rows)
        try write(try word.docx(), to: arguments[2])
        try write(Array(try flattened(word, name: arguments[2]).utf8), to: arguments[2] + ".txt")
        print("\(arguments[2]), \(arguments[2]).txt: \(rows) rows")
    case "--bench-flat" where arguments.count == 3:
        let target = try count(arguments[1]) * 1_000_000
        var distinct: [[UInt8]] = []
        for i in 0..<100 { distinct.append(Array(try flattened(BenchmarkCorpus.report(i), name: "r\(i)").utf8)) }
        var out: [UInt8] = []
        out.reserveCapacity(target + 200_000)
        var i = 0
        while out.count < target { out += distinct[i % distinct.count]; i += 1 }
        try write(out, to: arguments[2])
        print("\(arguments[2]): \(out.count) bytes, \(i) flattened reports")
    default:
        let fixtures = arguments.first == "--fixtures" || arguments.first == "--pdf-fixtures"
        let directory = (fixtures ? arguments.dropFirst().first : arguments.first) ?? "Samples"
        let set = arguments.first == "--pdf-fixtures" ? DisclosureFixtureSet.pdf : DisclosureFixtureSet.flat
        let samples: [(String, DisclosureReportGenerator.Options)] = fixtures
            ? set.map { ($0.name + ".docx", $0.options) }
            : [
            ("annual-report-2019.docx", .init(layout: "2019", seed: 2019, agency: "西宁市城中区人民政府")),
            ("annual-report-2021.docx", .init(layout: "2021", seed: 2021, agency: "平潭综合实验区管理委员会", violations: [.balance, .reviewTotal])),
            ("annual-report-2019-layout-2022.docx", .init(layout: "2019", seed: 2022, year: 2022, agency: "丰收乡人民政府", unknownTable: true)),
        ]
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, options) in samples {
            let report = DisclosureReportGenerator(options).generate()
            let path = (directory as NSString).appendingPathComponent(name)
            try write(try report.docx(), to: path)
            let planted = report.truth.violations.map(\.description).joined(separator: "; ")
            print("\(path): layout \(options.layout), seed \(options.seed), \(report.truth.figures.count) figures"
                  + (planted.isEmpty ? "" : ", planted: \(planted)"))
        }
    }
} catch {
    FileHandle.standardError.write(Data("regrid-samples: \(error)\n".utf8))
    exit(1)
}
