import Foundation
import CoreFoundation
import Testing
@testable import RegridKit

/// Broken and hostile flattened text: clear diagnostics or a clear RegridError, never a crash.
@Suite struct FlatHostileInputTests {
    let table = "\tA\n\tB\n\tC\n\n\t1\n\t2\n\t3\n\n\n"

    func read(_ bytes: [UInt8]) throws -> Document {
        let doc = try FlatTextReader().read(bytes: bytes, name: "in.txt")
        try doc.validate()
        return doc
    }

    @Test func deeplyNestedAndEndlessNestedTableStartsAreBounded() throws {
        // Tables nested twenty deep (each level: a cell opening the next table, Word's empty
        // paragraph after it, a second cell), then 20 000 `→→` lines that never close (each a
        // rejected nested reading): read with the text kept, nesting capped, no hang.
        var deep = "\tx\n\ty\n\n\n"
        for _ in 0..<20 { deep = "\t" + deep + "\n\tw\n\n\n" }
        // Rows of one-line cells first, so that the table is not taken for row-per-line text.
        let opening = String(repeating: "\tA\n\tB\n\n", count: 4)
        let endless = String(repeating: "\t\tz\n", count: 20_000)
        let doc = try read(Array((table + opening + deep + table + endless).utf8))
        let texts = doc.tables.flatMap { $0.cells.map(\.text) }.joined(separator: "\n")
        #expect(texts.components(separatedBy: "x").count - 1 == 1)
        #expect(texts.components(separatedBy: "w").count - 1 >= 20)
        #expect(texts.components(separatedBy: "z").count - 1 == 20_000)
        func depth(_ cell: Cell) -> Int {
            1 + (cell.blocks ?? []).compactMap { block -> Int? in
                guard case .table(let t) = block else { return nil }
                return t.cells.map(depth).max() ?? 0
            }.max(or: 0)
        }
        let deepest = doc.tables.flatMap(\.cells).map(depth).max() ?? 0
        // The input nests deeper than the cap: the outer table plus exactly the capped levels.
        #expect(FlatLineParser.maxNesting < 20)
        #expect(deepest == FlatLineParser.maxNesting + 1)
    }

    @Test func emptyInputIsAnError() {
        #expect(throws: RegridError.emptyInput) { try FlatTextReader().read(bytes: [], name: "e.txt") }
    }

    @Test func truncatedTableIsKeptWithAWarning() throws {
        let text = "Intro\n\tA\n\tB\n\n\t1\n\t2"
        let doc = try read(Array(text.utf8))
        #expect(doc.tables.count == 1)
        #expect(doc.tables.first?.rows == 2)
        #expect(doc.tables.first?.cells.map(\.text) == ["A", "B", "1", "2"])
        #expect(doc.diagnostics.contains { $0.code == "table-unterminated" && $0.severity == .warning && $0.line == 2 })
    }

    @Test func tableThatNeverEndsIsKept() throws {
        var text = ""
        for i in 0..<2000 { text += "\trow \(i)\n\t\(i)\n\n" }
        let doc = try read(Array(text.utf8))
        #expect(doc.tables.count == 1)
        #expect(doc.tables.first?.rows == 2000)
        #expect(doc.diagnostics.contains { $0.code == "table-unterminated" })
    }

    @Test func fiveMegabyteLine() throws {
        let long = String(repeating: "长", count: 5_000_000 / 3) + "x"
        let doc = try read(Array((long + "\n" + table + "\t" + long + "\n\t0\n\n\n").utf8))
        #expect(doc.blocks.count == 3)
        #expect(doc.tables.count == 2)
        #expect(doc.tables.last?.cells.first?.text == long)
    }

    @Test func veryWideRowLineIsLimited() throws {
        let wide = "\t" + String(repeating: "x\t", count: 20_000) + "\n\n"
        #expect(throws: RegridError.limitExceeded(what: "table columns", limit: ReaderLimits.default.maxColumns)) {
            try FlatTextReader().read(bytes: Array(wide.utf8), name: "wide.txt")
        }
    }

    @Test func nulBytesAreRemovedWithAWarning() throws {
        var bytes = Array(table.utf8)
        bytes.insert(0, at: 2)
        bytes.append(contentsOf: [0, 0])
        let doc = try read(bytes)
        #expect(doc.tables.first?.cells.map(\.text) == ["A", "B", "C", "1", "2", "3"])
        #expect(doc.diagnostics.contains { $0.code == "nul-removed" && $0.message.hasPrefix("3 NUL") })
    }

    @Test func invalidUTF8IsReplacedWithAWarning() throws {
        var bytes = Array("Intro\n".utf8)
        bytes += [0xFF, 0xC3, 0x28]   // not UTF-8, not GB18030 (0xFF is no lead byte)
        bytes += Array(("\n" + table).utf8)
        let doc = try read(bytes)
        #expect(doc.source.encoding == "utf-8")
        #expect(doc.diagnostics.contains { $0.code == "encoding-invalid" && $0.severity == .warning })
        #expect(doc.blocks.contains { $0.plainText.contains("\u{FFFD}") })
        #expect(doc.tables.count == 1)
    }

    @Test func utf8WithBOM() throws {
        let doc = try read([0xEF, 0xBB, 0xBF] + Array(("标题\n" + table).utf8))
        #expect(doc.source.encoding == "utf-8")
        #expect(doc.blocks.first?.plainText == "标题")
    }

    func utf16(_ text: String, littleEndian: Bool, bom: Bool) -> [UInt8] {
        var out: [UInt8] = bom ? (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) : []
        for u in text.utf16 {
            let hi = UInt8(u >> 8), lo = UInt8(u & 0xFF)
            out += littleEndian ? [lo, hi] : [hi, lo]
        }
        return out
    }

    @Test(arguments: [(true, true), (false, true), (true, false), (false, false)])
    func utf16(littleEndian: Bool, bom: Bool) throws {
        let text = "Report 报告 𠀀\n" + table
        let doc = try read(utf16(text, littleEndian: littleEndian, bom: bom))
        #expect(doc.source.encoding == (littleEndian ? "utf-16le" : "utf-16be"))
        #expect(doc.blocks.first?.plainText == "Report 报告 𠀀")
        #expect(doc.tables.first?.cells.count == 6)
        #expect(doc.diagnostics.contains { $0.code == "encoding-guessed" } == !bom)
    }

    @Test func utf16WithOddLengthAndLoneSurrogate() throws {
        var bytes = utf16("ab\n" + table, littleEndian: true, bom: true)
        bytes.insert(contentsOf: [0x00, 0xD8], at: 2)   // lone high surrogate
        bytes.append(0x41)
        let doc = try read(bytes)
        #expect(doc.diagnostics.contains { $0.code == "encoding-truncated" })
        #expect(doc.diagnostics.contains { $0.code == "encoding-invalid" })
        #expect(doc.tables.count == 1)
    }

    @Test func gb18030() throws {
        let gb = String.Encoding(rawValue: CFStringConvertEncodingToNSStringEncoding(0x0632))
        let text = "政府信息公开工作年度报告\n\t行政复议\n\t行政诉讼\n\n\t0\n\t0\n\n\n"
        let data = try #require(text.data(using: gb) as Data?)
        #expect(TextDecoding.firstInvalidUTF8(Array(data)) != nil)
        let doc = try read(Array(data))
        #expect(doc.source.encoding == "gb18030")
        #expect(doc.blocks.first?.plainText == "政府信息公开工作年度报告")
        #expect(doc.tables.first?.cells.map(\.text) == ["行政复议", "行政诉讼", "0", "0"])
        #expect(!doc.diagnostics.contains { $0.severity == .warning })
    }

    @Test func crlfAndLoneCR() throws {
        let text = "Intro\r\n\tA\r\n\tB\r\n\r\n\t1\r\n\t2\r\n\r\n\r\nEnd\rLast"
        let doc = try read(Array(text.utf8))
        #expect(doc.tables.first?.cells.map(\.text) == ["A", "B", "1", "2"])
        #expect(doc.blocks.map(\.plainText).suffix(2) == ["End", "Last"])
        #expect(doc.diagnostics.contains { $0.code == "line-ends-normalized" && $0.message.hasPrefix("8 CRLF and 1 lone CR") })
    }

    @Test func onlyBlankLinesAndTabs() throws {
        let doc = try read(Array("\n\n\t\n\t\t\n\n\n\n".utf8))
        #expect(doc.tables.count == 1)
        #expect(doc.tables.first.map { $0.cells.allSatisfy { $0.text.isEmpty } } == true)
    }
}

private extension Sequence where Element == Int {
    func max(or fallback: Int) -> Int { self.max() ?? fallback }
}
