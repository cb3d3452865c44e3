import Foundation
import Testing
@testable import RegridKit

@Suite("Canonical JSON")
struct JSONWriterTests {
    static let sample: Document = {
        let table = Table(id: "t1", rows: 2, columns: 2, cells: [
            Cell(row: 0, column: 0, colSpan: 2, text: "申请人情况"),
            Cell(row: 1, column: 0, text: "a \"quoted\"\nline"),
            Cell(row: 1, column: 1, text: "", synthetic: true),
        ], headerRows: 1, layout: LayoutMatch(template: "x/y", confidence: 0.5),
          diagnostics: [Diagnostic(.info, "span-inferred", "inferred", cell: (0, 0))])
        return Document(source: Source(name: "r.docx", kind: .docx, sha256: "00"),
                        blocks: [.heading(Heading(level: 1, text: "标题")), .paragraph(Paragraph(text: "tab\there")), .table(table)],
                        diagnostics: [Diagnostic(.warning, "w", "m", line: 3)])
    }()

    @Test func decodesBackToTheSameModel() throws {
        let text = JSONWriter().write(Self.sample)
        let decoded = try JSONDecoder().decode(Document.self, from: Data(text.utf8))
        #expect(decoded == Self.sample)
    }

    @Test func keysFollowTheSpecOrderAndOutputIsDeterministic() {
        let text = JSONWriter().write(Self.sample)
        #expect(text == JSONWriter().write(Self.sample))
        let order = ["\"format\"", "\"version\"", "\"source\"", "\"blocks\"", "\"diagnostics\""].map { text.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
        #expect(text.contains(#"{"row": 1, "column": 0, "rowSpan": 1, "colSpan": 1, "text": "a \"quoted\"\nline"}"#))
        #expect(text.contains(#""synthetic": true"#))
        #expect(text.contains("申请人情况"))
    }

    @Test func controlCharactersAreEscaped() {
        #expect(JSONText.quote("a\u{01}b\u{2028}") == "\"a\\u0001b\\u2028\"")
    }
}

@Suite("Support")
struct SupportTests {
    @Test func sha256MatchesKnownVectors() {
        #expect(SHA256.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let million = [UInt8](repeating: 0x61, count: 1_000_000)
        #expect(SHA256.hex(million) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func formatIsSniffedFromContent() {
        #expect(InputFormat.detect([]) == .empty)
        #expect(InputFormat.detect([0x50, 0x4B, 0x03, 0x04, 0]) == .zip)
        #expect(InputFormat.detect(Array("%PDF-1.7".utf8)) == .pdf)
        #expect(InputFormat.detect(Array("\t一、\n".utf8)) == .text)
        #expect(InputFormat.detect(Array("  <!DOCTYPE html><html>".utf8)) == .html)
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 32)
        let word = ole + "WordDocument".utf16.flatMap { [UInt8($0 & 0xff), UInt8($0 >> 8)] }
        #expect(InputFormat.detect(word) == .legacyWord)
        let encrypted = ole + "EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xff), UInt8($0 >> 8)] }
        #expect(InputFormat.detect(encrypted) == .encryptedOOXML)
    }
}

@Suite("Front door")
struct FrontDoorTests {
    @Test func textNamedLikeAWordPackageIsRefusedButReadAsTextOtherwise() throws {
        let text = Array("\t甲\n\t乙\n\n\n".utf8)
        #expect(throws: RegridError.self) { try Regrid.read(bytes: text, name: "report.DOCX") }
        let document = try Regrid.read(bytes: text, name: "report.txt")
        #expect(document.source.kind == .flatText)
        #expect(document.tables.count == 1)
    }
}
