import Foundation
import Testing
@testable import RegridKit

/// The binary Word reader on a report of our own saved as `.doc` by LibreOffice 7.4
/// (`Fixtures/doc/annual-report-2019.doc`, from `Samples/annual-report-2019.docx` with
/// `soffice --headless --convert-to doc`), and on broken containers.
@Suite("Word 97-2003 reader")
struct DOCReaderTests {
    static let fixture = SharedCorpus.repositoryRoot.appendingPathComponent("Tests/RegridKitTests/Fixtures/doc/annual-report-2019.doc")
    static let sample = SharedCorpus.repositoryRoot.appendingPathComponent("Samples/annual-report-2019.docx")

    static func read(_ url: URL) throws -> Document {
        try Regrid.read(bytes: Array(try Data(contentsOf: url)), name: url.lastPathComponent)
    }

    /// The same paragraphs, tables, spans and cell text as the DOCX it was saved from; so the
    /// known layout, its figures and its failed checks are the same too.
    @Test func aSavedReportReadsAsItsDOCX() throws {
        let doc = try Self.read(Self.fixture)
        try doc.validate()
        let docx = try Self.read(Self.sample)
        #expect(doc.source.kind == .doc)
        #expect(doc.blocks == docx.blocks)
        let resolver = try LayoutResolver.standard()
        let extractor = DisclosureExtractor(templates: resolver.templates)
        let fromDoc = extractor.extract(resolver.resolve(doc)), fromDocx = extractor.extract(resolver.resolve(docx))
        #expect(fromDoc.layout != nil && fromDoc.layout == fromDocx.layout)
        #expect(fromDoc.figures == fromDocx.figures && !fromDoc.figures.isEmpty)
        #expect(fromDoc.failures.map(\.rule) == fromDocx.failures.map(\.rule))
    }

    /// Cut anywhere, or with its allocation table pointing into itself, the file fails with a
    /// reason naming the damage (or reads what is left): never a trap or a hang.
    @Test func brokenContainersFailClearly() throws {
        let bytes = Array(try Data(contentsOf: Self.fixture))
        for cut in [100, 511, 512, 1024, 4096, bytes.count / 2, bytes.count - 600] {
            do {
                let doc = try Regrid.read(bytes: Array(bytes.prefix(cut)), name: "cut.doc")
                try doc.validate()
            } catch let error as RegridError {
                #expect(!error.description.isEmpty)
            }
        }
        // Every FAT entry of the first FAT sector pointing at sector 0: chains loop.
        var looped = bytes
        let fatSector = Int(ByteReader(bytes).u32(0x4C) ?? 0)
        for i in 0..<128 { looped.replaceSubrange((fatSector + 1) * 512 + 4 * i ..< (fatSector + 1) * 512 + 4 * i + 4, with: [0, 0, 0, 0]) }
        #expect(throws: RegridError.self) { try Regrid.read(bytes: looped, name: "loop.doc") }
        // Random bytes over the WordDocument stream's first sectors.
        var scrambled = bytes
        for i in stride(from: 2048, to: min(bytes.count, 12_000), by: 7) { scrambled[i] = UInt8(truncatingIfNeeded: i &* 31) }
        do { try Regrid.read(bytes: scrambled, name: "scrambled.doc").validate() } catch let error as RegridError {
            #expect(!error.description.isEmpty)
        }
    }

    /// The sprm walk: sprmTDefTable's size is two bytes (a one-byte reading gives no cells).
    @Test func tableDefinitionSizeIsTwoBytes() throws {
        // sprmTDefTable, cb = 1 + 1 + 2*3 + 2*20 = 48 → 49, two cells at 0 / 1000 / 3000,
        // the second cell starting a vertical merge (TCGRF 0x0060).
        var operand: [UInt8] = [2, 0x00, 0x00, 0xE8, 0x03, 0xB8, 0x0B]
        operand += [0, 0] + [UInt8](repeating: 0, count: 18)
        operand += [0x60, 0] + [UInt8](repeating: 0, count: 18)
        let prl: [UInt8] = [0x08, 0xD6, UInt8(operand.count + 1), 0] + operand + [0x16, 0x24, 1]
        let sprms = Sprm.list(ByteReader(prl), from: 0)
        #expect(sprms.map(\.code) == [0xD608, 0x2416])
        let row = try #require(TableRowDefinition(sprms[0].operand))
        #expect(row.boundaries == [0, 1000, 3000])
        #expect(row.cells.map(\.vMerge) == [.none, .restart])
    }
}
