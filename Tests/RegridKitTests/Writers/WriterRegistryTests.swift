import Foundation
import Testing
@testable import RegridKit

@Suite("Writer registry and canonical JSON input")
struct WriterRegistryTests {
    private var fixtureURL: URL {
        SharedCorpus.repositoryRoot.appendingPathComponent("Tests/RegridKitTests/Fixtures/writers/report.json")
    }

    @Test func filesAreNamedAfterTheSource() throws {
        let doc = WriterFixtures.document
        let csv = try WriterRegistry.write(doc, as: .csv)
        #expect(csv.map(\.name) == ["report-t1.csv", "report-t2.csv", "report-t3.csv"])
        #expect(String(decoding: csv[0].bytes, as: UTF8.self) == CSVWriter().text(WriterFixtures.mergedTable))
        for format in [OutputFormat.json, .html, .md, .xlsx, .docx] {
            let files = try WriterRegistry.write(doc, as: format)
            #expect(files.map(\.name) == ["report.\(format.rawValue)"])
        }
        #expect(try WriterRegistry.write(doc, as: .xlsx)[0].bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        let tidy = try WriterRegistry.write(doc, as: .csv, options: WriteOptions(csv: .init(shape: .tidy, byteOrderMark: true)))
        #expect(tidy[0].bytes.starts(with: [0xEF, 0xBB, 0xBF] + Array("table,row,column".utf8)))
    }

    @Test func stemsAreSafeFileNames() {
        #expect(WriterRegistry.stem(of: "report.docx") == "report")
        #expect(WriterRegistry.stem(of: "dir/sub/年报.2020.txt") == "年报.2020")
        #expect(WriterRegistry.stem(of: ".hidden") == ".hidden")
        #expect(WriterRegistry.stem(of: "..") == "document")
        #expect(WriterRegistry.stem(of: "") == "document")
        #expect(WriterRegistry.stem(of: "a:b*?.txt") == "a_b__")
    }

    @Test func canonicalJSONReadsBackToTheSameDocument() throws {
        let bytes = try Array(Data(contentsOf: fixtureURL))
        #expect(DocumentJSONReader.recognizes(bytes))
        let doc = try Regrid.read(bytes: bytes, name: "report.json")
        var expected = WriterFixtures.document
        expected.diagnostics = doc.diagnostics
        #expect(doc == expected)
        #expect(doc.diagnostics.map(\.code) == ["example"])
        #expect(JSONWriter().write(doc) == String(decoding: bytes, as: UTF8.self))
    }

    @Test func hostileJSONIsRefusedClearly() throws {
        #expect(!DocumentJSONReader.recognizes(Array("{\"format\": \"other\"}".utf8)))
        #expect(!DocumentJSONReader.recognizes(Array("text mentioning \"regrid.document\"".utf8)))
        func read(_ text: String) throws(RegridError) -> Document {
            try DocumentJSONReader().read(bytes: Array(text.utf8), name: "x.json")
        }
        #expect(throws: RegridError.invalidInput("not a valid Regrid document JSON: malformed JSON")) {
            try read("{\"format\": \"regrid.document\", \"version\": 1, ")
        }
        #expect(throws: RegridError.invalidInput("Regrid document JSON version 9; this build reads version 1")) {
            try read("{\"format\": \"regrid.document\", \"version\": 9, \"source\": {\"name\": \"a\", \"kind\": \"docx\"}, \"blocks\": [], \"diagnostics\": []}")
        }
        let overlap = """
            {"format": "regrid.document", "version": 1, "source": {"name": "a", "kind": "docx"}, "diagnostics": [],
             "blocks": [{"type": "table", "id": "t1", "rows": 1, "columns": 1, "cells": [
               {"row": 0, "column": 0, "rowSpan": 1, "colSpan": 1, "text": "a"},
               {"row": 0, "column": 0, "rowSpan": 1, "colSpan": 1, "text": "b"}]}]}
            """
        #expect(throws: RegridError.invalidInput("the document JSON breaks the grid rules: table t1: cell at [0, 0] is out of row-major order")) {
            try read(overlap)
        }
        let huge = """
            {"format": "regrid.document", "version": 1, "source": {"name": "a", "kind": "docx"}, "diagnostics": [],
             "blocks": [{"type": "table", "id": "t1", "rows": 1, "columns": 1, "cells": [
               {"row": 0, "column": 0, "rowSpan": 1000000000, "colSpan": 1, "text": "a"}]}]}
            """
        #expect(throws: RegridError.self) { try read(huge) }
        do {
            _ = try read("{\"format\": \"regrid.document\", \"version\": 1, \"source\": {\"name\": \"a\", \"kind\": \"odt\"}, \"blocks\": [], \"diagnostics\": []}")
            Issue.record("an unknown source kind was accepted")
        } catch {
            #expect(error.description.hasPrefix("not a valid Regrid document JSON:"))
            #expect(error.description.contains("kind"))
        }
        // Deep nesting: a table in a cell, 40 levels down, is refused by the nesting limit.
        var nested = "{\"type\": \"paragraph\", \"text\": \"x\"}"
        for level in 0..<40 {
            nested = "{\"type\": \"table\", \"id\": \"n\(level)\", \"rows\": 1, \"columns\": 1, \"cells\": [{\"row\": 0, \"column\": 0, \"rowSpan\": 1, \"colSpan\": 1, \"text\": \"x\", \"blocks\": [\(nested)]}]}"
        }
        let deep = "{\"format\": \"regrid.document\", \"version\": 1, \"source\": {\"name\": \"a\", \"kind\": \"docx\"}, \"diagnostics\": [], \"blocks\": [\(nested)]}"
        #expect(throws: RegridError.limitExceeded(what: "nested tables", limit: ReaderLimits.default.maxTableNesting)) { try read(deep) }
    }

    @Test func brokenDocumentsAreRefusedForEveryFormat() {
        let broken = Table(id: "t4", rows: 2, columns: 1, cells: [Cell(row: 0, column: 0, text: "x")])
        let doc = Document(source: Source(name: "b.docx", kind: .docx), blocks: [.table(broken)])
        for format in OutputFormat.allCases {
            #expect(throws: RegridError.output("cannot write the document: it breaks the grid rules (table t4: slot [1, 0] is not covered by any cell); nothing written")) {
                try WriterRegistry.write(doc, as: format)
            }
        }
    }

    @Test func outputIsDeterministic() throws {
        for format in OutputFormat.allCases {
            #expect(try WriterRegistry.write(WriterFixtures.document, as: format) == WriterRegistry.write(WriterFixtures.document, as: format))
        }
        // Zip entries carry the fixed DOS epoch, not the time of writing: the local header's
        // modification time (offset 10) is 00:00 and its date (offset 12) 1980-01-01.
        let xlsx = try WriterRegistry.write(WriterFixtures.document, as: .xlsx)[0].bytes
        #expect(Array(xlsx[10..<14]) == [0x00, 0x00, 0x21, 0x00])
    }
}
