import Foundation
import Testing
import RegridKit

/// Every DOCX of `../shared/corpus/docx` saved as Word 97–2003 `.doc` by LibreOffice
/// (`scripts/doc-corpus.sh`, cached in `.build/doc-corpus`), read by the binary Word reader and
/// compared table by table (grid, spans, cell text) with the DOCX reader's reading of
/// LibreOffice's `.docx` of the same `.doc` — the same content through LibreOffice's model, so
/// what differs is ours — and, as a second figure, with the original DOCX. Skipped, saying so,
/// where the corpus or LibreOffice is absent.
@Suite struct DOCCorpusTests {
    static func shapes(_ document: Document) -> [String] {
        var out: [String] = []
        func visit(_ blocks: [Block]) {
            for case .table(let t) in blocks {
                out.append("\(t.rows)x\(t.columns) " + t.cells.map {
                    "\($0.row),\($0.column) \($0.rowSpan)x\($0.colSpan) \($0.text.split(whereSeparator: \.isWhitespace).joined(separator: " "))"
                }.joined(separator: " | "))
                for cell in t.cells { if let inner = cell.blocks { visit(inner) } }
            }
        }
        visit(document.blocks)
        return out
    }

    static func converted() -> URL? {
        guard SharedCorpus.directory("corpus/docx") != nil else { return nil }
        let process = Process()
        process.executableURL = SharedCorpus.repositoryRoot.appendingPathComponent("scripts/doc-corpus.sh")
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        process.waitUntilExit()
        return SharedCorpus.repositoryRoot.appendingPathComponent(".build/doc-corpus")
    }

    static func equalCount(_ a: [String], _ b: [String]) -> Int {
        zip(a, b).filter { $0 == $1 }.count
    }

    @Test func savedAsDocTheCorpusReadsAsItsDOCX() throws {
        guard let folder = Self.converted() else {
            print("skipped: ../shared/corpus/docx is absent")
            return
        }
        var files = 0, tables = 0, equalRoundTrip = 0, originalTables = 0, equalOriginal = 0
        var lines: [String] = []
        for original in SharedCorpus.files(in: "corpus/docx", ext: "docx") {
            let stem = original.deletingPathExtension().lastPathComponent
            let doc = folder.appendingPathComponent("doc/\(stem).doc")
            let back = folder.appendingPathComponent("docx/\(stem).docx")
            guard let docBytes = FileManager.default.contents(atPath: doc.path),
                  let backBytes = FileManager.default.contents(atPath: back.path),
                  let originalBytes = FileManager.default.contents(atPath: original.path) else { continue }
            files += 1
            let read = try Regrid.read(bytes: Array(docBytes), name: doc.lastPathComponent)
            #expect(read.source.kind == .doc)
            try read.validate()
            let got = Self.shapes(read)
            let reference = Self.shapes(try Regrid.read(bytes: Array(backBytes), name: back.lastPathComponent))
            let first = Self.shapes(try Regrid.read(bytes: Array(originalBytes), name: original.lastPathComponent))
            tables += reference.count
            let same = reference.count == got.count ? Self.equalCount(reference, got) : min(Self.equalCount(reference, got), got.count)
            equalRoundTrip += same
            originalTables += first.count
            equalOriginal += Self.equalCount(first, got)
            if same < reference.count || got.count != reference.count {
                lines.append("\(stem): \(same)/\(reference.count) tables equal (\(got.count) read)")
                if let i = Array(zip(reference, got)).firstIndex(where: { $0.0 != $0.1 }) {
                    lines.append("  first difference, table \(i + 1):\n    docx: \(reference[i].prefix(300))\n    doc:  \(got[i].prefix(300))")
                }
            }
        }
        guard files > 0 else {
            print("skipped: no .doc files (is LibreOffice installed?)")
            return
        }
        print("DOC corpus: \(equalRoundTrip)/\(tables) tables equal to the DOCX reading of LibreOffice's .docx of the same .doc; \(equalOriginal)/\(originalTables) equal to the original DOCX (\(files) files)")
        if ProcessInfo.processInfo.environment["REGRID_DOC_SCORES"] != nil { lines.forEach { print($0) } }
        #expect(tables > 0)
        // Held at what was measured when the reader was written (see README); a regression fails.
        #expect(equalRoundTrip * 100 >= tables * 89, "\(equalRoundTrip)/\(tables)")
    }
}
