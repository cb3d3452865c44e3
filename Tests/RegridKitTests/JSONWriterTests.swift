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

    @Test func everyControlCharacterAndLineSeparatorIsEscapedAndReadsBack() throws {
        let controls = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
        let tricky = [controls, "\u{7F}\u{2027}\u{2028}x\u{2029}\u{202A}", "\u{2028}", "end\\", "\"", "数据🙂\u{E2}", "plain 中文 text", ""]
        for text in tricky {
            let quoted = JSONText.quote(text)
            let decoded = try JSONSerialization.jsonObject(with: Data(quoted.utf8), options: .fragmentsAllowed) as? String
            #expect(decoded == text)
            #expect(!quoted.unicodeScalars.dropFirst().dropLast().contains { $0.value < 0x20 || $0 == "\u{2028}" || $0 == "\u{2029}" })
        }
        #expect(JSONText.quote("\u{08}\u{0C}\u{1F}\u{7F}") == "\"\\b\\f\\u001f\u{7F}\"")
        #expect(JSONText.quote("a\u{2029}") == "\"a\\u2029\"")
    }

    /// ``JSONBuffer/string`` skips checking its UTF-8: whatever is written (escapes cut into
    /// Chinese, emoji and U+2028 at every offset, numbers, raw JSON) leaves whole, valid scalars.
    @Test func bufferHoldsOnlyValidUTF8() {
        let pieces = ["数据🙂\u{2028}表\u{01}\"\\", "\u{2029}", "é\u{301}\u{E2}", "\u{FEFF}x\u{10FFFF}", ""]
        for piece in pieces {
            for offset in 0...9 {
                let text = String(String.UnicodeScalarView(Array(("中文abc" + piece).unicodeScalars).shuffledDeterministically(offset)))
                var out = JSONBuffer()
                out.append("[")
                out.quoted(text)
                out.int(-offset * 1_000_003)
                out.append(raw: text)
                out.spaces(offset)
                #expect(String(validating: out.bytes, as: UTF8.self) == out.string, "\(text.unicodeScalars.map(\.value))")
                #expect(out.string.utf8.elementsEqual(out.bytes))
            }
        }
    }

    /// The buffer grows from any capacity to whatever is written, each piece where it belongs.
    @Test func bufferGrowsPastItsCapacity() {
        for capacity in [0, 1, 33, 4096] {
            var out = JSONBuffer(capacity: capacity)
            var expected = ""
            for i in 0..<3000 {
                let text = i % 3 == 0 ? "数据\"\(i)\"" : String(repeating: "x", count: i % 50)
                out.append("[")
                out.quoted(text)
                out.int(i - 1500)
                out.spaces(i % 4)
                out.append(raw: "null")
                expected += "[" + JSONText.quote(text) + String(i - 1500) + String(repeating: " ", count: i % 4) + "null"
            }
            var copy = JSONBuffer()
            copy.append(out)
            #expect(out.string == expected)
            #expect(copy.bytes == Array(expected.utf8))
            #expect(out.takeBytes() == Array(expected.utf8))
        }
    }

    /// Long texts are scanned sixteen, then eight bytes at a time: every character that needs
    /// escaping is found at every offset within and across those words (the first 34 scalars,
    /// past two 16-byte steps of ASCII), between ASCII and Chinese text.
    @Test(arguments: ["abcdefghijklmnopq", "数据表格合并单元格"])
    func escapesAreFoundAtEveryOffsetOfALongText(_ padding: String) {
        var expected: [(Unicode.Scalar, String)] = [("\"", "\\\""), ("\\", "\\\\"), ("\n", "\\n"), ("\r", "\\r"),
                                                    ("\t", "\\t"), ("\u{08}", "\\b"), ("\u{0C}", "\\f"),
                                                    ("\u{2028}", "\\u2028"), ("\u{2029}", "\\u2029")]
        expected += [0x00, 0x01, 0x0B, 0x1F].map { (Unicode.Scalar(UInt8($0)), String(format: "\\u%04x", $0)) }
        let unescaped: [Unicode.Scalar] = ["\u{7F}", "\u{2027}", "\u{202A}", "“", " "]
        for (scalar, escape) in expected + unescaped.map({ ($0, String($0)) }) {
            for offset in 0...33 {
                let before = String((padding + padding).unicodeScalars.prefix(offset))
                let text = before + String(scalar) + padding
                #expect(JSONText.quote(text) == "\"" + before + escape + padding + "\"", "\(scalar.value) at \(offset)")
            }
        }
        #expect(JSONText.quote(padding + padding) == "\"" + padding + padding + "\"")
    }

    /// The word test that lets the quoting skip bytes is nonzero exactly when one of the eight
    /// bytes is below 0x20, `"`, `\` or 0xE2: every byte value in every position among bytes
    /// that need nothing, and pseudo-random words, against the test byte by byte.
    @Test func escapeBitsFlagExactlyTheWordsWithAByteToEscape() {
        func needs(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 }
        func bytes(_ word: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) } }
        var words: [UInt64] = []
        for fill: UInt64 in [0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x80, 0xE1, 0xE3, 0xFF] {
            for position in 0..<8 {
                for value: UInt64 in 0...0xFF {
                    let base = fill &* 0x0101_0101_0101_0101
                    words.append(base & ~(0xFF << (8 * position)) | value << (8 * position))
                }
            }
        }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<200_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            words.append(state ^ (state >> 29))
        }
        for word in words where (JSONBuffer.escapeBits(word) != 0) != bytes(word).contains(where: needs) {
            Issue.record("word \(String(word, radix: 16))")
        }
    }

    @Test func nestedCellsAreWrittenOneMemberPerLine() {
        let inner = Table(id: "t1.1", rows: 1, columns: 1, cells: [Cell(row: 0, column: 0, text: "内")])
        let outer = Table(id: "t1", rows: 1, columns: 1, cells: [Cell(row: 0, column: 0, text: "外", blocks: [.table(inner)])])
        let text = JSONWriter().write(Document(source: Source(name: "n.docx", kind: .docx), blocks: [.table(outer)]))
        // Cells sit at their table's member indent (6); a nested cell's members 2 deeper, its blocks 4.
        #expect(text.contains("""
                  "cells": [
                  {
                    "row": 0,
                    "column": 0,
                    "rowSpan": 1,
                    "colSpan": 1,
                    "text": "外",
                    "blocks": [
                      {
                        "type": "table",
            """))
        #expect(text.hasSuffix("  \"diagnostics\": []\n}\n"))
        #expect(text.contains(#""source": {"name": "n.docx", "kind": "docx"}"#))
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

    @Test func sha256GivesTheSameDigestHoweverTheInputIsCut() {
        // 448-bit NIST vector; then the same bytes fed in uneven pieces that cross block edges.
        let text = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        let expected = "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        #expect(SHA256.hex(text) == expected)
        for cut in [1, 3, 7, 55, 56, 57] {
            var h = SHA256()
            var i = 0
            while i < text.count {
                h.update(text[i..<min(text.count, i + cut)])
                i += cut
            }
            #expect(h.finalizeHex() == expected, "pieces of \(cut)")
        }
        // A collection without contiguous storage.
        #expect(SHA256.hex(text.lazy.map { $0 }) == expected)
        let long = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var h = SHA256()
        h.update(long[0..<63]); h.update(long[63..<64]); h.update(long[64..<200]); h.update(long[200...])
        #expect(h.finalizeHex() == SHA256.hex(long))
    }

    @Test func stepwiseHashAgreesAndCanBeCalledOff() {
        // The background digest hashes in steps so that a failing reader can call it off.
        for (length, step) in [(0, 7), (1, 7), (64, 64), (1_000, 7), (1_000, 1_000), (65_537, 4_096)] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 17 &+ $0 >> 5) }
            #expect(SHA256.hex(bytes, chunk: step) { false } == SHA256.hex(bytes), "length \(length), step \(step)")
        }
        var asked = 0
        let bytes = [UInt8](repeating: 1, count: 100)
        let abandoned = SHA256.hex(bytes, chunk: 10) {
            asked += 1
            return asked >= 3
        }
        #expect(abandoned == nil)
        #expect(asked >= 3 && asked <= 4, "stops at the step it is told to, not at the end (asked \(asked) times)")
    }

    @Test func backgroundDigestStopsItsThreadWhenReleasedUnused() {
        // A reader that fails drops its digest unread; the thread must not outlive it, or the
        // process can exit while libcrypto is busy on it (signal 11 in libcrypto's clean-up).
        let bytes = (0..<(8 << 20)).map { UInt8(truncatingIfNeeded: $0 >> 3) }
        #expect(BackgroundDigest(bytes).value() == SHA256.hex(bytes))
        for _ in 0..<20 { _ = BackgroundDigest(bytes) }
        #expect(BackgroundDigest(bytes, known: "given").value() == "given")
    }

    @Test func libcryptoAndTheSwiftRoundsAgree() {
        // `hex` of an array goes through libcrypto; the incremental hasher through the Swift
        // rounds. Every length around the block and padding edges, and a long input.
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        for length in Array(0...130) + [1_000, 65_537, 1_000_003] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 7) }
            var h = SHA256()
            h.update(bytes)
            #expect(SHA256.hex(bytes) == h.finalizeHex(), "length \(length)")
        }
    }

    @Test func formatIsSniffedFromContent() {
        #expect(InputFormat.detect([]) == .empty)
        #expect(InputFormat.detect(Array("{\"format\": \"regrid.document\", \"version\": 1}".utf8)) == .regridJSON)
        #expect(InputFormat.detect(Array("{\"format\": \"other\"}".utf8)) == .text)
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

    @Test func aDigestTheCallerHasIsUsedInsteadOfHashingAgain() throws {
        let text = Array("\t甲\n\t乙\n\n\n".utf8)
        #expect(try Regrid.read(bytes: text, name: "r.txt").source.sha256 == SHA256.hex(text))
        #expect(try Regrid.read(bytes: text, name: "r.txt", sha256: "known").source.sha256 == "known")
        var zip = ZipWriter()
        zip.add("word/document.xml", text: "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>")
        let docx = try zip.archive()
        #expect(try Regrid.read(bytes: docx, name: "r.docx").source.sha256 == SHA256.hex(docx))
        #expect(try Regrid.read(bytes: docx, name: "r.docx", sha256: "known").source.sha256 == "known")
    }
}

extension Array {
    /// The elements rotated by `seed` places and every other pair swapped: a fixed reordering.
    fileprivate func shuffledDeterministically(_ seed: Int) -> [Element] {
        guard !isEmpty else { return self }
        var out = Array(self[(seed % count)...] + self[..<(seed % count)])
        for i in stride(from: 0, to: out.count - 1, by: 2) where (i / 2 + seed) % 2 == 0 { out.swapAt(i, i + 1) }
        return out
    }
}
