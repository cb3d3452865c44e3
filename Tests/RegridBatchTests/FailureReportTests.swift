import Foundation
import RegridBatch
import RegridFixtures
import RegridKit
import Testing

/// Issue 14, items 3, 4, 10 and 2 as a user of `regrid batch` meets them: failed documents
/// named and tried again, CSV options, and archives with GBK names.
@Suite("Batch failures, retries, CSV options and zip name encodings")
struct FailureReportTests {
    // Item 4: a write error is not final; the next run converts the document.
    @Test func failedDocumentsAreTriedAgain() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        try fx.write("in/a.docx", try BatchFixtures.docx(["a"]))
        try fx.write("in/b.docx", try BatchFixtures.docx(["b"]))
        // A folder where a's output must go: writing it fails.
        try fx.write("out/in/a.docx.json/blocker", [1])
        let options = BatchOptions(inputs: [fx.path("in")], outputDirectory: fx.path("out"), jobs: 1)
        let first = try BatchRunner(options: options).run()
        #expect(first.failed == 1 && first.ok == 1)
        let failed = try #require(try Catalog(path: options.catalogPath).entry(for: "in/a.docx"))
        #expect(failed.status == .failed)
        #expect(failed.error?.contains("a.docx.json") == true, "\(failed.error ?? "")")

        try FileManager.default.removeItem(atPath: fx.path("out/in/a.docx.json"))
        let second = try BatchRunner(options: options).run()
        #expect(second.ok == 2 && second.failed == 0)
        #expect(second.alreadyDone == 1)   // b only
        #expect(try Catalog(path: options.catalogPath).entry(for: "in/a.docx")?.status == .ok)
        #expect(FileManager.default.fileExists(atPath: fx.path("out/in/a.docx.json")))
    }

    // Item 3: one line per failed document on standard error, also with --quiet; export of the failed ones.
    @Test(.enabled(if: RegridExecutable.url != nil, "the built regrid executable was not found beside the tests"))
    func failedDocumentsAreNamedEvenWhenQuiet() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        try fx.write("in/good.docx", try BatchFixtures.docx(["a"]))
        try fx.write("in/cut.docx", Array(try BatchFixtures.docx(["a"]).prefix(100)))
        try fx.write("in/empty.docx", [])
        try fx.write("in/pack.zip", try BatchFixtures.archive([("2021/bad.docx", Array("PK\u{3}\u{4}junk".utf8))]))
        let run = try RegridExecutable.run(["batch", fx.path("in"), "--out", fx.path("out"), "--quiet", "--jobs", "2"])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n").map(String.init).sorted()
        try #require(lines.count == 3, "\(run.stderr)")
        #expect(lines[0].hasPrefix("regrid: \(fx.path("in/cut.docx")): not a readable zip archive"), "\(lines)")
        #expect(lines[1] == "regrid: \(fx.path("in/empty.docx")): the file is empty", "\(lines)")
        #expect(lines[2].hasPrefix("regrid: \(fx.path("in/pack.zip"))!/2021/bad.docx: not a readable zip archive"), "\(lines)")

        let export = try RegridExecutable.run(["catalog", "export", fx.path("out/catalog.sqlite"), "-t", "csv", "--status", "failed"])
        #expect(export.status == 0, "\(export.stderr)")
        let rows = export.stdout.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",").first.map(String.init) ?? "" }
        #expect(rows == ["in/cut.docx", "in/empty.docx", "in/pack.zip!/2021/bad.docx"])
        let ok = try RegridExecutable.run(["catalog", "export", fx.path("out/catalog.sqlite"), "-t", "csv", "--status", "ok"])
        #expect(ok.stdout.split(whereSeparator: \.isNewline).count == 2)
        let bad = try RegridExecutable.run(["catalog", "export", fx.path("out/catalog.sqlite"), "--status", "broken"])
        #expect(bad.status == 2)
    }

    // Item 10: --csv, --fill-merged and --bom for batch and catalog export, as for convert.
    @Test(.enabled(if: RegridExecutable.url != nil, "the built regrid executable was not found beside the tests"))
    func csvOptionsAreSharedByConvertBatchAndExport() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        let report = DisclosureReportGenerator(.init(layout: "2019", seed: 5)).generate()
        try fx.write("in/report.docx", try report.docx())
        let options = ["--csv", "tidy", "--bom"]
        let batch = try RegridExecutable.run(["batch", fx.path("in"), "--out", fx.path("out"), "-t", "csv", "--quiet"] + options)
        #expect(batch.status == 0, "\(batch.stderr)")
        let convert = try RegridExecutable.run(["convert", fx.path("in/report.docx"), "-t", "csv", "-o", fx.path("conv") + "/"] + options)
        #expect(convert.status == 0, "\(convert.stderr)")
        let batchCSV = try Data(contentsOf: URL(fileURLWithPath: fx.path("out/in/report.docx-t1.csv")))
        let convertCSV = try Data(contentsOf: URL(fileURLWithPath: fx.path("conv/report-t1.csv")))
        #expect(batchCSV.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(batchCSV == convertCSV)
        #expect(String(decoding: batchCSV.dropFirst(3), as: UTF8.self).hasPrefix("table,row,column,"))

        // Other CSV options are other outputs: the documents are converted again.
        let grid = try RegridExecutable.run(["batch", fx.path("in"), "--out", fx.path("out"), "-t", "csv", "--fill-merged"])
        #expect(grid.stderr.contains("(0 already done)"), "\(grid.stderr)")
        let filled = try RegridExecutable.run(["convert", fx.path("in/report.docx"), "-t", "csv", "-o", fx.path("grid") + "/", "--fill-merged"])
        #expect(filled.status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: fx.path("out/in/report.docx-t1.csv")))
                == (try Data(contentsOf: URL(fileURLWithPath: fx.path("grid/report-t1.csv")))))

        let export = try RegridExecutable.run(["catalog", "export", fx.path("out/catalog.sqlite"), "-t", "csv", "--bom"])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(Array(export.stdout.utf8).starts(with: [0xEF, 0xBB, 0xBF, 0x73]))   // BOM, then "source_path"
    }

    /// `2020年报告/广州市政府.docx` in GBK: 26 bytes.
    static let gbkName: [UInt8] = [0x32, 0x30, 0x32, 0x30, 0xC4, 0xEA, 0xB1, 0xA8, 0xB8, 0xE6, 0x2F, 0xB9, 0xE3, 0xD6,
                                   0xDD, 0xCA, 0xD0, 0xD5, 0xFE, 0xB8, 0xAE, 0x2E, 0x64, 0x6F, 0x63, 0x78]

    /// A zip archive holding one DOCX under `gbkName`, without the UTF-8 flag, as zip tools on
    /// Chinese Windows write it: written under an ASCII name of the same length, then renamed byte for byte.
    static func gbkArchive() throws -> [UInt8] {
        let placeholder = Array("2020XXXXXX/XXXXXXXXXX.docx".utf8)
        #expect(placeholder.count == gbkName.count)
        var bytes = try BatchFixtures.archive([(String(decoding: placeholder, as: UTF8.self), try BatchFixtures.docx(["报告"]))])
        var replaced = 0
        var i = 0
        while i + placeholder.count <= bytes.count {
            if bytes[i..<(i + placeholder.count)].elementsEqual(placeholder) {
                bytes.replaceSubrange(i..<(i + placeholder.count), with: gbkName)
                replaced += 1
            }
            i += 1
        }
        #expect(replaced == 2)   // local and central header
        return bytes
    }

    // Item 2: outputs and catalog rows of GBK-named entries are readable; --zip-encoding forces one.
    @Test(.enabled(if: RegridExecutable.url != nil, "the built regrid executable was not found beside the tests"))
    func gbkNamesInArchivesGiveReadablePaths() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        try fx.write("年报.zip", try Self.gbkArchive())
        let run = try RegridExecutable.run(["batch", fx.path("年报.zip"), "--out", fx.path("out"), "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Catalog(path: fx.path("out/catalog.sqlite")).entries().map(\.sourcePath) == ["年报.zip!/2020年报告/广州市政府.docx"])
        #expect(fx.files(under: "out").contains("年报.zip/2020年报告/广州市政府.docx.json"))

        let cp437 = try RegridExecutable.run(["batch", fx.path("年报.zip"), "--out", fx.path("out437"), "--quiet", "--zip-encoding", "cp437"])
        #expect(cp437.status == 0, "\(cp437.stderr)")
        #expect(try Catalog(path: fx.path("out437/catalog.sqlite")).entries().map(\.sourcePath) == ["年报.zip!/2020─Ω▒¿╕µ/╣π╓▌╩╨╒■╕«.docx"])
        let unknown = try RegridExecutable.run(["batch", fx.path("年报.zip"), "--out", fx.path("o"), "--zip-encoding", "latin9"])
        #expect(unknown.status == 2)
    }
}
