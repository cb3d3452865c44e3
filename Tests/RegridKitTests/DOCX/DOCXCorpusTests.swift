import Foundation
import Testing
@testable import RegridKit

/// The reader over the shared corpus: every DOCX converts, every table is valid and equals the
/// independent reference (``ReferenceTableModel``) cell by cell; the malformed packages convert or
/// fail as `corpus/malformed/EXPECTED.tsv` says.
@Suite("DOCX corpus")
struct DOCXCorpusTests {
    private func summary(_ t: Table) -> ReferenceTableModel.RefTableSummary {
        ReferenceTableModel.RefTableSummary(rows: t.rows, columns: t.columns,
            cells: t.cells.filter { !$0.isSynthetic }.map { "\($0.row),\($0.column) \($0.rowSpan)x\($0.colSpan) \($0.text)" })
    }

    private func nestedSummaries(_ cell: Cell) -> [ReferenceTableModel.RefTableSummary] {
        (cell.blocks ?? []).compactMap { if case .table(let t) = $0 { return summary(t) } else { return nil } }
    }

    @Test func everyCorpusTableMatchesTheIndependentReference() throws {
        let files = SharedCorpus.files(in: "corpus/docx", ext: "docx")
        guard !files.isEmpty else {
            print("shared corpus not found; skipping the DOCX corpus test")
            return
        }
        var tables = 0
        var exact = 0
        var merged = 0
        var nested = 0
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: file))
            let document = try Regrid.read(bytes: bytes, name: file.lastPathComponent)
            try document.validate()
            let archive = try ZipArchive(bytes: bytes, limits: .default)
            let entry = try #require(archive.entry(named: "word/document.xml"), "\(file.lastPathComponent)")
            let root = try #require(ReferenceTableModel.parse(Data(try archive.read(entry))), "\(file.lastPathComponent)")
            let body = try #require(root.child("body"))
            let reference = ReferenceTableModel.tables(under: body).map(ReferenceTableModel.table).filter { $0.rows > 0 }
            let read = document.tables
            #expect(read.count == reference.count, "\(file.lastPathComponent): \(read.count) tables read, \(reference.count) in the XML")
            for (t, ref) in zip(read, reference) {
                tables += 1
                merged += ref.cells.filter { $0.rowSpan > 1 || $0.colSpan > 1 }.count
                nested += ref.cells.reduce(0) { $0 + $1.nested.count }
                let refSummary = ReferenceTableModel.summary(ref)
                let readSummary = summary(t)
                let refNested = ref.cells.map(\.nested)
                let readNested = t.cells.filter { !$0.isSynthetic }.map(nestedSummaries)
                if readSummary == refSummary && readNested == refNested {
                    exact += 1
                } else {
                    let diff = zip(readSummary.cells, refSummary.cells).first { $0 != $1 }
                    Issue.record("\(file.lastPathComponent) \(t.id): read \(t.rows)x\(t.columns) \(readSummary.cells.count) cells, reference \(ref.rows)x\(ref.columns) \(refSummary.cells.count); first difference: \(String(describing: diff))")
                }
            }
        }
        let share = tables == 0 ? 0 : Double(exact) * 100 / Double(tables)
        print("DOCX corpus: \(exact)/\(tables) tables exactly right (\(String(format: "%.1f", share)) %) over \(files.count) files; \(merged) merged cells, \(nested) nested tables")
        #expect(files.count >= 30)
        #expect(exact == tables)
        #expect(merged > 0 && nested > 0)   // the comparison covers spans and nesting
    }

    @Test func malformedPackagesConvertOrFailAsExpected() throws {
        let rows = SharedCorpus.tsv("corpus/malformed/EXPECTED.tsv")
        guard let dir = SharedCorpus.directory("corpus/malformed"), !rows.isEmpty else {
            print("shared corpus not found; skipping the malformed corpus test")
            return
        }
        for row in rows where row.count >= 2 {
            let name = row[0]
            let bytes = [UInt8](try Data(contentsOf: dir.appendingPathComponent(name)))
            switch row[1] {
            case "convert":
                let document = try Regrid.read(bytes: bytes, name: name)
                try document.validate()
                #expect(document.source.kind == .docx, "\(name)")
                #expect(!document.blocks.isEmpty, "\(name) converted to nothing")
            case "error":
                // Through the front door (OLE2 containers are recognised there) and through the DOCX reader.
                #expect("\(name)", performing: { try Regrid.read(bytes: bytes, name: name) },
                        throws: { ($0 as? RegridError).map { !$0.description.isEmpty } ?? false })
                #expect(performing: { try DOCXReader().read(bytes: bytes, name: name) },
                        throws: { ($0 as? RegridError).map { !$0.description.isEmpty } ?? false })
            default:   // error-or-convert: must not crash, and an error must say why
                do { try Regrid.read(bytes: bytes, name: name).validate() } catch let error as RegridError {
                    #expect(!error.description.isEmpty)
                }
            }
        }
        // The specific messages matter for these.
        func message(_ name: String) throws -> String {
            let bytes = [UInt8](try Data(contentsOf: dir.appendingPathComponent(name)))
            do { _ = try Regrid.read(bytes: bytes, name: name); return "" } catch { return error.description }
        }
        #expect(try message("poi__test-data__poifs__protected_agile.docx").contains("password-protected"))
        #expect(try message("poi__test-data__integration__stress025.docx").contains("not a Word <w:document>"))
        #expect(try message("poi__test-data__document__truncated62886.docx").contains("zip"))
        #expect(try message("unstructured__scripts__performance__docs__handbook-1p.docx").contains("holds text, not a zip"))
        #expect(try message("PHPWord__tests__PhpWordTests___files__templates__corrupted_main_document_part.docx").contains("word/document.xml is not well-formed"))
    }
}
