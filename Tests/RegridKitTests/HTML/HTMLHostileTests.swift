import Foundation
import Testing
import RegridKit

/// Hostile HTML: every page fails with a clear error or is read within the limits, never a
/// crash, a hang or unbounded memory.
@Suite struct HTMLHostileTests {
    func read(_ html: String, limits: ReaderLimits = .default) throws(RegridError) -> Document {
        try Regrid.read(bytes: Array(html.utf8), name: "hostile.html", options: ReadOptions(limits: limits))
    }

    @Test func hugeElementNestingIsRefused() {
        let page = "<html><body>" + String(repeating: "<div>", count: 100_000) + "x"
        #expect(throws: RegridError.limitExceeded(what: "HTML element nesting", limit: 256)) { try read(page) }
        let spans = "<html><body>" + String(repeating: "<span><b>", count: 50_000) + "x"
        #expect(throws: RegridError.self) { try read(spans) }
    }

    @Test func nestingJustUnderTheLimitIsRead() throws {
        let page = "<html><body>" + String(repeating: "<div>", count: 200) + "深处" + String(repeating: "</div>", count: 200)
        let doc = try read(page)
        #expect(doc.blocks == [.paragraph(Paragraph(text: "深处"))])
    }

    @Test func tablesNestedPastTheCapAreRefused() {
        let page = String(repeating: "<table><tr><td>a</td><td>", count: 40) + "x"
        var limits = ReaderLimits()
        limits.maxXMLDepth = 10_000
        #expect(throws: RegridError.limitExceeded(what: "nested HTML tables", limit: 16)) { try read(page, limits: limits) }
    }

    @Test func colspan100000IsClampedTo1000() throws {
        let doc = try read("<table><tr><td colspan=100000>a</td><td>b</td></tr><tr><td>c</td></tr></table>")
        let table = try #require(doc.tables.first)
        #expect(table.columns == 1001)
        #expect(table.cells.first?.colSpan == 1000)
        #expect(table.diagnostics.contains { $0.code == "span-clamped" })
    }

    @Test func wideSpansOnManyRowsHitTheGridLimit() {
        // 5 000 rows × 1 000 columns = 5 M slots from 100 KB of markup.
        let page = "<table>" + String(repeating: "<tr><td colspan=1000>x", count: 5_000) + "</table>"
        #expect(throws: RegridError.limitExceeded(what: "HTML table grid slots (rows × columns, spans included)", limit: 4_000_000)) {
            try read(page)
        }
    }

    @Test func rowspanBombIsBounded() throws {
        // 1 000 cells spanning 65 534 rows, then 10 000 empty rows: 10 M slots asked for.
        let page = "<table><tr>" + String(repeating: "<td rowspan=65534>x</td>", count: 1_000) + "</tr>"
            + String(repeating: "<tr></tr>", count: 10_000) + "</table>"
        #expect(throws: RegridError.limitExceeded(what: "HTML table grid slots (rows × columns, spans included)", limit: 4_000_000)) {
            try read(page)
        }
        // Spans past the last row cost nothing.
        let doc = try read("<table><tr>" + String(repeating: "<td rowspan=65534>x</td>", count: 1_000) + "</tr><tr></tr></table>")
        #expect(doc.tables.first?.rows == 2)
        #expect(doc.tables.first?.cells.count == 1_000)
    }

    @Test func entitiesAreNeverLoadedOrExpandedBeyondHTMLs() throws {
        let page = """
            <!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY lol "lollollollollol">]>
            <html><body><table><tr><td>&xxe;&lol;</td><td>&amp;&lt;&#x4E00;&#19968;&nbsp;&copy;&bogus;</td></tr></table></body></html>
            """
        let doc = try read(page)
        let cells = try #require(doc.tables.first).cells.map(\.text)
        #expect(!cells.joined().contains("root:"))
        #expect(!cells.joined().contains("lollol"))
        #expect(cells[1] == "&<一一 ©&bogus;")
        let many = "<p>" + String(repeating: "&amp;&lt;&#20013;", count: 200_000) + "</p>"
        #expect(try read(many).blocks.count == 1)
    }

    @Test(arguments: [0.1, 0.37, 0.5, 0.93])
    func truncatedPagesAreReadAsFarAsTheyGo(_ share: Double) throws {
        let page = "<html><body><h1>报告</h1>" + String(repeating: "<table><tr><td rowspan=2>a</td><td>b</td></tr><tr><td>c</td></tr></table><p>文字</p>", count: 20)
        let bytes = Array(page.utf8)
        let cut = Array(bytes.prefix(Int(Double(bytes.count) * share)))
        let doc = try Regrid.read(bytes: cut, name: "cut.html")
        try doc.validate()
    }

    @Test func binaryJunkAfterAnHTMLOpeningIsReadOrRefusedCleanly() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let junk = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let bytes = Array("<html><body><table><tr><td>".utf8) + junk
            do {
                let doc = try Regrid.read(bytes: bytes, name: "junk.html")
                try doc.validate()
            } catch let error as RegridError {
                #expect(!error.description.isEmpty)
            }
        }
    }

    @Test func manyTablesAndCellsStayLinear() throws {
        // 20 000 rows of 10 cells read in one pass (no quadratic step): a time bound would be a
        // timed test, so this only checks the result is complete.
        let page = "<table>" + String(repeating: "<tr>" + String(repeating: "<td>9</td>", count: 10) + "</tr>", count: 20_000) + "</table>"
        let doc = try read(page)
        #expect(doc.tables.first?.cells.count == 200_000)
    }
}
