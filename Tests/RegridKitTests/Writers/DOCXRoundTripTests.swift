import Foundation
import Testing
@testable import RegridKit

/// model → DOCXWriter → the real DOCXReader → the same model (what DOCX can carry of it).
@Suite("DOCX round trip through the DOCX reader")
struct DOCXRoundTripTests {
    /// What a DOCX carries of a block: a table loses its header columns (Word has no such
    /// notion) and its diagnostics (findings about the source, not content); nested tables alike.
    static func docxView(_ block: Block) -> Block {
        guard case .table(var t) = block else { return block }
        t.headerColumns = 0
        t.diagnostics = []
        t.layout = nil
        t.cells = t.cells.map { cell in
            var c = cell
            c.blocks = c.blocks.map { $0.map(docxView) }
            return c
        }
        return .table(t)
    }

    /// The first difference between two blocks, for people.
    static func difference(_ x: Block, _ y: Block) -> String {
        guard case .table(let s) = x, case .table(let t) = y else { return "block \(x) became \(y)" }
        if (s.rows, s.columns, s.headerRows) != (t.rows, t.columns, t.headerRows) {
            return "table \(s.id): \(s.rows)×\(s.columns) h\(s.headerRows) became \(t.rows)×\(t.columns) h\(t.headerRows)"
        }
        for (c, d) in zip(s.cells, t.cells) where c != d {
            if let cb = c.blocks, let db = d.blocks, cb.count == db.count, let i = cb.indices.first(where: { cb[$0] != db[$0] }) {
                return "table \(s.id) cell [\(c.row), \(c.column)] nested: " + difference(cb[i], db[i])
            }
            return "table \(s.id): \(c) became \(d)"
        }
        return "table \(s.id): \(s.cells.count) cells became \(t.cells.count)"
    }

    private func roundTrip(_ document: Document) throws -> Document {
        try DOCXReader().read(bytes: try DOCXWriter().write(document), name: document.source.name)
    }

    @Test func fixtureDocumentReadsBackTheSame() throws {
        let original = WriterFixtures.document
        let back = try roundTrip(original)
        #expect(back.diagnostics == [])
        #expect(back.blocks.count == original.blocks.count)
        for (a, b) in zip(original.blocks.map(Self.docxView), back.blocks.map(Self.docxView)) {
            #expect(a == b)
        }
    }

    @Test func syntheticCellsAndEdgeGapsSurvive() throws {
        let raw = RawTable(rows: [
            RawRow(cells: [RawCell(text: "a"), RawCell(text: "b"), RawCell(text: "c")], isHeader: true),
            RawRow(cells: [RawCell(text: "d")], gridBefore: 1, gridAfter: 1),
            RawRow(cells: [RawCell(text: "e", colSpan: 2, vMerge: .restart), RawCell(text: "f")]),
            RawRow(cells: [RawCell(text: "", colSpan: 2, vMerge: .continue), RawCell(text: "g\nh")]),
        ], declaredColumns: 3)
        let table = try GridAssembler().assemble(raw, id: "t1")
        let doc = Document(source: Source(name: "gaps.docx", kind: .docx), blocks: [.table(table)])
        let back = try roundTrip(doc)
        guard case .table(let read)? = back.blocks.first else { Issue.record("no table read back"); return }
        #expect(read.cells == table.cells)
        #expect(read.headerRows == 1)
        #expect(read.cells.contains { $0.rowSpan == 2 && $0.colSpan == 2 && $0.text == "e" })
    }

    /// Every table of the shared DOCX corpus, read, written and read again, gives the same grid.
    @Test func corpusTablesSurviveARewrite() throws {
        let files = SharedCorpus.files(in: "corpus/docx", ext: "docx")
        guard !files.isEmpty else {
            print("skipped: shared corpus/docx not found")
            return
        }
        var tables = 0
        for url in files {
            guard let original = try? Regrid.read(bytes: Array(Data(contentsOf: url)), name: url.lastPathComponent) else { continue }
            let back = try roundTrip(original)
            let a = original.blocks.map(Self.docxView)
            let b = back.blocks.map(Self.docxView)
            #expect(a.count == b.count, "\(url.lastPathComponent): block count")
            for (x, y) in zip(a, b) where x != y {
                Issue.record("\(url.lastPathComponent): \(Self.difference(x, y))")
                break
            }
            tables += original.tables.count
        }
        print("DOCX rewrite round trip: \(files.count) corpus files, \(tables) top-level tables")
        #expect(tables > 0)
    }
}
