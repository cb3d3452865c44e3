import Foundation
import GRDB
import RegridBatch
import RegridFixtures
import RegridKit
import Testing

@Suite("Catalog")
struct CatalogTests {
    static func entry(_ path: String, status: CatalogEntry.Status = .ok, at seconds: Double,
                      figures: String? = nil, layout: String? = nil, agency: String? = nil, year: Int? = nil) -> CatalogEntry {
        CatalogEntry(sourcePath: path, sha256: SHA256.hex(Array(path.utf8)), byteCount: 10, status: status,
                     error: status == .ok ? nil : "broken", reader: "docx", layout: layout, agency: agency, year: year, tableCount: 2,
                     figures: figures, outputs: [path + ".json"], readMs: 1, convertMs: 2, writeMs: 3, totalMs: 6,
                     optionsHash: "h", regridVersion: Regrid.version, convertedAt: Date(timeIntervalSince1970: seconds))
    }

    @Test func rowsRoundTrip() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        let catalog = try Catalog(path: fx.path("c.sqlite"))
        let row = Self.entry("in/a.docx", at: 1000, figures: #"[{"value": 1}]"#, layout: "2019")
        try catalog.record(row)
        #expect(try catalog.entry(for: "in/a.docx") == row)
        #expect(try catalog.entry(for: "in/b.docx") == nil)
        var replaced = row
        replaced.status = .failed
        try catalog.record(replaced)
        #expect(try catalog.entries() == [replaced])
        #expect(try catalog.counts() == [.failed: 1])
    }

    /// `record` inserts through one prepared statement with the values listed by hand: its rows
    /// must be, byte for byte, what GRDB's own record encoding of the entry stores (every column,
    /// nils, the outputs' JSON with slashes, quotes and Chinese, the date's text).
    @Test func recordStoresWhatTheRecordEncodingStores() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        var full = Self.entry("in/报告 \"一\".docx", at: 1_700_000_000.123, figures: #"[{"value": 1}]"#, layout: "2019",
                              agency: "某市", year: 2020)
        full.checks = "[]"
        full.checksFailed = 0
        full.outputs = ["in/报告 \"一\".docx.json", "in/a\\b.csv"]
        var bare = CatalogEntry(sourcePath: "x.txt", sha256: nil, byteCount: nil, status: .skipped, optionsHash: "h",
                                regridVersion: Regrid.version, convertedAt: Date(timeIntervalSince1970: 5))
        bare.error = "not a document"
        // Dates at millisecond edges, leap days, before 2000 (left to GRDB) and far ahead.
        let dates = [0.0, 946_684_799.9995, 946_684_800, 951_782_400.5, 1_234_567_890.999_999, 1_700_000_000.0005,
                     1_709_164_800.123_456, 4_102_444_799.999, 253_402_300_799.5]
        // And 400 more, anywhere in this century, to any fraction of a millisecond.
        var generator = SeededRandom(seed: 12)
        let spread = (0..<400).map { _ in Double(generator.next() % 3_155_760_000_000_000) / 1_000_000 + 946_684_800 }
        let dated = (dates + spread).enumerated().map { index, seconds in
            CatalogEntry(sourcePath: "d\(index)", sha256: nil, byteCount: nil, status: .ok, optionsHash: "h",
                         regridVersion: Regrid.version, convertedAt: Date(timeIntervalSince1970: seconds))
        }
        let entries = [full, bare] + dated
        let byRecord = try Catalog(path: fx.path("record.sqlite"))
        for entry in entries { try byRecord.record(entry) }
        try byRecord.close()
        try Catalog(path: fx.path("grdb.sqlite")).close()
        let queue = try DatabaseQueue(path: fx.path("grdb.sqlite"))
        try queue.write { db in for entry in entries { try entry.insert(db, onConflict: .replace) } }
        let select = "SELECT *, typeof(converted_at) AS date_type, typeof(outputs) AS outputs_type FROM documents ORDER BY source_path"
        let expected = try queue.read { db in try Row.fetchAll(db, sql: select) }
        try queue.close()
        let written = try DatabaseQueue(path: fx.path("record.sqlite")).read { db in try Row.fetchAll(db, sql: select) }
        #expect(expected.count == entries.count)
        #expect(written == expected)
    }

    /// A closed catalog is one file: no `-wal`/`-shm` left beside it to copy or to confuse (they
    /// stayed when a read-only reader connection of the pool was the last one closed).
    @Test func closingLeavesOnlyTheDatabaseFile() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        let catalog = try Catalog(path: fx.path("c.sqlite"))
        try catalog.record(Self.entry("in/a.docx", at: 1000))
        _ = try catalog.entries()
        _ = try catalog.counts()
        try catalog.close()
        let left = try FileManager.default.contentsOfDirectory(atPath: fx.path("")).sorted()
        #expect(left == ["c.sqlite"])
        #expect(try Catalog(path: fx.path("c.sqlite")).entries().map(\.sourcePath) == ["in/a.docx"])
    }

    @Test func mergeKeepsTheLatestRowOfEachDocument() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        let a = try Catalog(path: fx.path("a.sqlite"))
        try a.record(Self.entry("x.docx", at: 100))
        try a.record(Self.entry("shared.docx", status: .failed, at: 100))
        let b = try Catalog(path: fx.path("b.sqlite"))
        try b.record(Self.entry("y.docx", at: 100))
        try b.record(Self.entry("shared.docx", at: 200))
        let c = try Catalog(path: fx.path("c.sqlite"))
        try c.record(Self.entry("shared.docx", status: .skipped, at: 150))
        try a.close()
        try b.close()

        let all = try Catalog(path: fx.path("all.sqlite"))
        #expect(try all.merge(from: [fx.path("a.sqlite"), fx.path("b.sqlite"), fx.path("c.sqlite")]) == 3)
        let rows = try all.entries()
        #expect(rows.map(\.sourcePath) == ["shared.docx", "x.docx", "y.docx"])
        #expect(rows[0] == Self.entry("shared.docx", at: 200))
        // Merging again changes nothing.
        #expect(try all.merge(from: [fx.path("b.sqlite"), fx.path("a.sqlite")]) == 3)
        #expect(try all.entries() == rows)
    }

    @Test func foreignFilesAreRefused() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        try fx.write("text.sqlite", Array("just some text, not a database at all......................................................................".utf8))
        #expect(throws: RegridError.self) { try Catalog(path: fx.path("text.sqlite")) }
        let all = try Catalog(path: fx.path("all.sqlite"))
        #expect(throws: RegridError.self) { try all.merge(from: [fx.path("missing.sqlite")]) }
        #expect(throws: RegridError.self) { try all.merge(from: [fx.path("text.sqlite")]) }
        #expect(try all.entries().isEmpty)
    }

    @Test func exportHasOneRowPerDocument() throws {
        let rows = [Self.entry("a.docx", at: 0), Self.entry("b,\"quoted\".docx", status: .failed, at: 60)]
        let table = CatalogExport.documentsTable(rows)
        try table.validate()
        #expect(table.rows == 3)
        #expect(table.columns == CatalogExport.documentColumns.count)
        #expect(table.headerRows == 1)
        let column = { (name: String) in try #require(CatalogExport.documentColumns.firstIndex(of: name)) }
        #expect(table.cell(coveringRow: 2, column: try column("source_path"))?.text == "b,\"quoted\".docx")
        #expect(table.cell(coveringRow: 2, column: try column("status"))?.text == "failed")
        #expect(table.cell(coveringRow: 2, column: try column("error"))?.text == "broken")
        #expect(table.cell(coveringRow: 1, column: try column("outputs"))?.text == "a.docx.json")
        #expect(table.cell(coveringRow: 1, column: try column("total_ms"))?.text == "6.0")
        #expect(table.cell(coveringRow: 2, column: try column("converted_at"))?.text == "1970-01-01T00:01:00Z")
    }

    @Test func figuresExportHasOneRowPerFigure() throws {
        let figures = """
            [{"table": "applications", "row": ["三、本年度办理结果", "（一）予以公开"], "column": ["申请人情况", "自然人"], "value": 12, "text": "12"},
             {"table": "proactive", "row": [], "column": ["本年新制作数量"], "value": 0.5, "text": "0.5万元"}]
            """
        let rows = [Self.entry("a.docx", at: 0, figures: figures, layout: "2019", agency: "某市", year: 2020), Self.entry("b.docx", at: 0),
                    Self.entry("c.docx", at: 0, figures: "[]", layout: "2021")]
        let table = try CatalogExport.figuresTable(rows)
        try table.validate()
        #expect(table.rows == 3)
        let texts = (1..<3).map { r in (0..<table.columns).map { table.cell(coveringRow: r, column: $0)?.text ?? "?" } }
        #expect(texts[0] == ["a.docx", "2019", "某市", "2020", "applications", "三、本年度办理结果 / （一）予以公开", "申请人情况 / 自然人", "12", "12"])
        #expect(texts[1] == ["a.docx", "2019", "某市", "2020", "proactive", "", "本年新制作数量", "0.5", "0.5万元"])

        #expect(throws: RegridError.self) { try CatalogExport.figuresTable([Self.entry("d.docx", at: 0, figures: "{not json")]) }
    }
}
