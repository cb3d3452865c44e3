import Foundation
import RegridBatch
import RegridKit
import Testing

@Suite("Batch runs")
struct BatchRunTests {
    /// Catalog rows keyed by source path relative to the fixture root.
    static func rows(_ catalog: String, root: URL) throws -> [String: CatalogEntry] {
        let prefix = root.path + "/"
        var rows: [String: CatalogEntry] = [:]
        for entry in try Catalog(path: catalog).entries() {
            rows[entry.sourcePath.hasPrefix(prefix) ? String(entry.sourcePath.dropFirst(prefix.count)) : entry.sourcePath] = entry
        }
        return rows
    }

    @Test func mixedFolderEndsInTheCatalog() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        let expected = try fx.makeMixedFolder()
        let options = BatchOptions(inputs: [fx.path("in")], outputDirectory: fx.path("out"), jobs: 2)
        let result = try BatchRunner(options: options).run()

        #expect(result.total == expected.count)
        #expect(result.ok == expected.values.filter { $0.status == "ok" }.count)
        #expect(result.failed == expected.values.filter { $0.status == "failed" }.count)
        #expect(result.skipped == 1)
        #expect(result.alreadyDone == 0)

        let rows = try Self.rows(options.catalogPath, root: fx.root)
        #expect(Set(rows.keys) == Set(expected.keys))
        for (path, want) in expected {
            let row = try #require(rows[path], "\(path) has no row")
            #expect(row.status.rawValue == want.status, "\(path): \(row.error ?? "")")
            if let fragment = want.errorContains {
                #expect(row.error?.localizedCaseInsensitiveContains(fragment) == true, "\(path): \(row.error ?? "nil")")
                #expect(row.outputs.isEmpty)
            } else {
                #expect(row.error == nil)
                #expect(row.reader == "docx")
                #expect(row.outputs.count == 1)
            }
            #expect(row.optionsHash == options.optionsHash)
        }

        // Good rows: the hash is of the document's bytes, the output parses back to its document.
        let good = try #require(rows["in/good1.docx"])
        let goodBytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: fx.path("in/good1.docx"))))
        #expect(good.sha256 == SHA256.hex(goodBytes))
        #expect(good.byteCount == goodBytes.count)
        let output = URL(fileURLWithPath: fx.path("out")).appendingPathComponent(good.outputs[0])
        let document = try JSONDecoder().decode(Document.self, from: Data(contentsOf: output))
        #expect(document == (try Regrid.read(bytes: goodBytes, name: "good1.docx")))

        // Archive entries are read in place; the zip-slip name stays inside the output folder.
        let escaped = try #require(rows["in/reports.zip!/../../escape.docx"])
        let escapedOutput = URL(fileURLWithPath: fx.path("out")).appendingPathComponent(escaped.outputs[0]).standardizedFileURL
        #expect(escapedOutput.path.hasPrefix(fx.path("out") + "/"))
        #expect(FileManager.default.fileExists(atPath: escapedOutput.path))
        #expect(!FileManager.default.fileExists(atPath: fx.root.deletingLastPathComponent().appendingPathComponent("escape.docx.json").path))
        #expect(!fx.files(under: "in").contains { $0.hasSuffix(".json") })

        // Only outputs and the catalog in the output folder: no temporary files.
        let outputs = Set(rows.values.flatMap(\.outputs))
        let present = fx.files(under: "out").filter { !$0.hasPrefix("catalog.sqlite") }
        #expect(Set(present) == outputs)
    }

    @Test func secondRunDoesNothingAndForceRedoes() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        let expected = try fx.makeMixedFolder()
        var options = BatchOptions(inputs: [fx.path("in")], outputDirectory: fx.path("out"), jobs: 2)
        let first = try BatchRunner(options: options).run()
        let before = try Self.rows(options.catalogPath, root: fx.root)

        // Ok and skipped documents are left alone; failed ones are tried again (and fail again).
        let final = expected.filter { $0.value.status != "failed" }.count
        let second = try BatchRunner(options: options).run()
        #expect(second.alreadyDone == final)
        #expect(second.failed == first.failed && second.ok == first.ok && second.skipped == first.skipped)
        let after = try Self.rows(options.catalogPath, root: fx.root)
        #expect(after.filter { $0.value.status != .failed } == before.filter { $0.value.status != .failed })
        for (path, row) in before where row.status == .failed {
            #expect(after[path]?.status == .failed && after[path]?.error == row.error, "\(path)")
            #expect(after[path].map { $0.convertedAt > row.convertedAt } == true, "\(path) was not tried again")
        }

        // A changed document is converted again; the others are left alone.
        try fx.write("in/sub/good2.docx", try BatchFixtures.docx(["Second, revised"]))
        let third = try BatchRunner(options: options).run()
        #expect(third.alreadyDone == final - 1)
        let revised = try Self.rows(options.catalogPath, root: fx.root)
        #expect(revised["in/sub/good2.docx"]?.sha256 != before["in/sub/good2.docx"]?.sha256)
        #expect(revised["in/good1.docx"] == before["in/good1.docx"])

        // A deleted output is written again.
        let good1 = try #require(before["in/good1.docx"])
        try FileManager.default.removeItem(atPath: fx.path("out/" + good1.outputs[0]))
        #expect(try BatchRunner(options: options).run().alreadyDone == final - 1)
        #expect(FileManager.default.fileExists(atPath: fx.path("out/" + good1.outputs[0])))

        options.force = true
        let forced = try BatchRunner(options: options).run()
        #expect(forced.alreadyDone == 0)
        #expect(forced.ok == first.ok)
    }

    @Test func missingInputIsAnErrorBeforeAnyWork() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        try fx.write("in/a.docx", try BatchFixtures.docx(["a"]))
        let options = BatchOptions(inputs: [fx.path("in"), fx.path("nope")], outputDirectory: fx.path("out"))
        #expect(throws: RegridError.io("\(fx.path("nope")) (no such file or folder)")) {
            try BatchRunner(options: options).run()
        }
        #expect(fx.files(under: "out").filter { $0.hasSuffix(".json") }.isEmpty)
    }

    @Test func outputFolderInsideTheInputIsNotReadBack() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        try fx.write("in/a.docx", try BatchFixtures.docx(["a"]))
        let options = BatchOptions(inputs: [fx.path("in")], outputDirectory: fx.path("in/out"), jobs: 1)
        _ = try BatchRunner(options: options).run()
        let again = try BatchRunner(options: options).run()
        #expect(again.total == 1)
        #expect(again.alreadyDone == 1)
    }

    @Test func archiveOfDocumentsIsToldFromADocx() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        let docx = try BatchFixtures.docx(["x"])
        try fx.write("word.docx", docx)
        try fx.write("bundle.zip", try BatchFixtures.archive([("a.docx", docx), ("b/c.docx", docx), ("b/", [])]))
        #expect(try DocumentArchive(path: fx.path("word.docx")).isOfficePackage)
        let bundle = try DocumentArchive(path: fx.path("bundle.zip"))
        #expect(!bundle.isOfficePackage)
        #expect(bundle.documentEntries.map(\.name) == ["a.docx", "b/c.docx"])
        #expect(try bundle.read(bundle.documentEntries[1]) == docx)

        let refs = try InputEnumerator().documents(in: [fx.path("word.docx"), fx.path("bundle.zip"), fx.path("word.docx")])
        #expect(refs.map(\.sourcePath) == ["word.docx", "bundle.zip!/a.docx", "bundle.zip!/b/c.docx"])
        #expect(refs.map(\.locationPath) == [fx.path("word.docx"), fx.path("bundle.zip") + "!/a.docx", fx.path("bundle.zip") + "!/b/c.docx"])
    }

    @Test func unreadableArchivesFailClearly() throws {
        let fx = try BatchFixtures()
        defer { fx.remove() }
        #expect(throws: RegridError.self) { try DocumentArchive(path: fx.path("missing.zip")) }
        try fx.write("cut.zip", Array(try BatchFixtures.archive([("a.docx", try BatchFixtures.docx(["x"]))]).prefix(30)))
        #expect(throws: RegridError.self) { try DocumentArchive(path: fx.path("cut.zip")) }
    }
}
