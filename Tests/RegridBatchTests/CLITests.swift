import Foundation
import RegridBatch
import RegridFixtures
import RegridKit
import Testing

@Suite("regrid batch and catalog commands", .enabled(if: RegridExecutable.url != nil, "the built regrid executable was not found beside the tests"))
struct CLITests {
    @Test func exitCodesSayWhatHappened() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        try fx.write("good/a.docx", try BatchFixtures.docx(["a"]))
        try fx.write("good/notes.rtf", Array("{\\rtf1 notes}\n".utf8))
        try fx.write("bad/b.docx", Array("PK\u{3}\u{4}broken".utf8))

        let ok = try RegridExecutable.run(["batch", fx.path("good"), "--out", fx.path("out1"), "--quiet"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stderr.isEmpty)   // --quiet: nothing but errors

        let someFailed = try RegridExecutable.run(["batch", fx.path("good"), fx.path("bad"), "--out", fx.path("out2")])
        #expect(someFailed.status == 1)
        // Not a terminal: the failed document named, then one plain summary line.
        let lines = someFailed.stderr.split(separator: "\n")
        #expect(lines.count == 2, "\(someFailed.stderr)")
        #expect(lines.first?.hasPrefix("regrid: \(fx.path("bad/b.docx")): not a readable zip archive") == true, "\(someFailed.stderr)")
        #expect(lines.last?.hasPrefix("regrid batch: 3 documents: 1 ok, 1 failed, 1 skipped (0 already done)") == true, "\(someFailed.stderr)")
        #expect(!someFailed.stderr.contains("\r"))

        let missing = try RegridExecutable.run(["batch", fx.path("good"), fx.path("nope"), "--out", fx.path("out3")])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope"))
        for usage in [["batch", fx.path("good")], ["batch", fx.path("good"), "--out", fx.path("o"), "--shard", "4/4"],
                      ["batch", fx.path("good"), "--out", fx.path("o"), "-t", "json,pdf"],
                      ["batch", fx.path("good"), "--out", fx.path("o"), "--jobs", "0"]] {
            let result = try RegridExecutable.run(usage)
            #expect(result.status == 2, "\(usage): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: fx.path("o")))
    }

    @Test func shardsMergeAndExport() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        for i in 0..<12 { try fx.write("in/r\(i).docx", try BatchFixtures.docx(["report \(i)"])) }
        for index in 0..<3 {
            let run = try RegridExecutable.run(["batch", fx.path("in"), "--out", fx.path("out"), "--shard", "\(index)/3", "--quiet"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let shards = (0..<3).map { fx.path("out/catalog-\($0)-of-3.sqlite") }
        let counts = try shards.map { try Catalog(path: $0).entries().count }
        #expect(counts.reduce(0, +) == 12)
        let merge = try RegridExecutable.run(["catalog", "merge"] + shards + ["-o", fx.path("all.sqlite")])
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(try Catalog(path: fx.path("all.sqlite")).entries().count == 12)

        let export = try RegridExecutable.run(["catalog", "export", fx.path("all.sqlite"), "-t", "json"])
        #expect(export.status == 0, "\(export.stderr)")
        let document = try JSONDecoder().decode(Document.self, from: Data(export.stdout.utf8))
        let table = try #require(document.tables.first)
        #expect(table.rows == 13)
        let paths = (1..<13).compactMap { table.cell(coveringRow: $0, column: 0)?.text }
        #expect(Set(paths) == Set((0..<12).map { "in/r\($0).docx" }))

        let figures = try RegridExecutable.run(["catalog", "export", fx.path("all.sqlite"), "--figures", "-t", "json"])
        #expect(figures.status == 0)
        #expect(try JSONDecoder().decode(Document.self, from: Data(figures.stdout.utf8)).tables.first?.rows == 1)

        let notCatalog = try RegridExecutable.run(["catalog", "export", fx.path("in/r0.docx")])
        #expect(notCatalog.status == 2)
        let missing = try RegridExecutable.run(["catalog", "merge", fx.path("nope.sqlite"), "-o", fx.path("x.sqlite")])
        #expect(missing.status == 2)
    }
}

@Suite("Batch formats", .enabled(if: RegridExecutable.url != nil, "the built regrid executable was not found beside the tests"))
struct BatchFormatTests {
    @Test func everyFormatIsWrittenAndCatalogExportsAsCSV() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        let report = DisclosureReportGenerator(.init(layout: "2019", seed: 3)).generate()
        try fx.write("in/report.docx", try report.docx())
        try fx.write("in/b,\"odd\".docx", try BatchFixtures.docx(["no tables"]))
        let run = try RegridExecutable.run(["batch", fx.path("in"), "--out", fx.path("out"), "-t", "json,csv,html,md,xlsx,docx", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try BatchRunTests.rows(fx.path("out/catalog.sqlite"), root: fx.root)
        let outputs = try #require(rows["in/report.docx"]).outputs.map { ($0 as NSString).lastPathComponent }
        let tables = try Regrid.read(bytes: try report.docx(), name: "report.docx").tables.count
        #expect(outputs == ["report.docx.json"] + (1...tables).map { "report.docx-t\($0).csv" }
                + ["report.docx.html", "report.docx.md", "report.docx.xlsx", "report.docx.docx"])
        #expect(fx.files(under: "out").filter { !$0.hasPrefix("catalog") }.count == outputs.count + 5)

        let export = try RegridExecutable.run(["catalog", "export", fx.path("out/catalog.sqlite"), "-t", "csv"])
        #expect(export.status == 0, "\(export.stderr)")
        let lines = export.stdout.split(whereSeparator: \.isNewline)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("source_path,status,error,reader,layout"))
        #expect(lines.contains { $0.hasPrefix("\"in/b,\"\"odd\"\".docx\",ok,") })
        let figures = try RegridExecutable.run(["catalog", "export", fx.path("out/catalog.sqlite"), "-t", "csv", "--figures"])
        #expect(figures.stdout.split(whereSeparator: \.isNewline).count == report.truth.figures.count + 1)
    }
}

@Suite("--no-layouts", .enabled(if: RegridExecutable.url != nil, "the built regrid executable was not found beside the tests"))
struct NoLayoutsTests {
    @Test func layoutsAreAppliedUnlessSwitchedOff() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        let report = DisclosureReportGenerator(.init(layout: "2019", seed: 42)).generate()
        try fx.write("in/report.docx", try report.docx())

        let with = try RegridExecutable.run(["convert", fx.path("in/report.docx")])
        let without = try RegridExecutable.run(["convert", fx.path("in/report.docx"), "--no-layouts"])
        #expect(with.status == 0 && without.status == 0, "\(with.stderr) \(without.stderr)")
        #expect(with.stdout.contains("\"template\": \"cn-gov-disclosure-2019/applications\""))
        #expect(!without.stdout.contains("\"template\""))
        // The tables themselves are the same DOCX tables either way (DOCX states its spans).
        let a = try JSONDecoder().decode(Document.self, from: Data(with.stdout.utf8)).tables.map(\.cells)
        let b = try JSONDecoder().decode(Document.self, from: Data(without.stdout.utf8)).tables.map(\.cells)
        #expect(a == b)

        let conflicting = try RegridExecutable.run(["convert", fx.path("in/report.docx"), "--no-layouts", "--layout", fx.path("x.json")])
        #expect(conflicting.status == 2 && conflicting.stderr.contains("exclude each other"))

        let batch = try RegridExecutable.run(["batch", fx.path("in"), "--out", fx.path("out"), "--no-layouts", "--quiet"])
        #expect(batch.status == 0, "\(batch.stderr)")
        let rows = try Catalog(path: fx.path("out/catalog.sqlite")).entries()
        #expect(rows.count == 1 && rows.first?.layout == nil)
    }
}
