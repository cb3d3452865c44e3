import Foundation
import Testing
@testable import RegridKit

@Suite("XLSX writer")
struct XLSXWriterTests {
    @Test func oneSheetPerTableWithRealMergesAndTypedValues() throws {
        let book = try XLSXReadBack(XLSXWriter().write(WriterFixtures.document))
        // Named after the heading or short line above each table; t3 has neither.
        #expect(book.sheets.map(\.name) == ["2020年政府信息公开工作年度报告", "Notes & <remarks>", "t3"])
        let t1 = book.sheets[0]
        #expect(t1.merges == ["A1:A2", "B1:C1", "D1:D2", "B4:C4"])
        #expect(t1.cells["A1"]?.value == "项目" && t1.cells["A1"]?.type == "s")
        #expect(t1.cells["B1"]?.value == "申请人情况")
        #expect(t1.cells["C1"]?.value == nil && t1.cells["C1"] != nil)   // covered slot: styled, empty
        #expect(t1.cells["B3"]?.type == "n" && t1.cells["B3"]?.value == "12")
        #expect(t1.cells["D3"]?.value == "15")
        #expect(t1.cells["B4"]?.value == "0" && t1.cells["B4"]?.type == "n")
        #expect(t1.cells.count == 16)
        // Header rows (2) and header column (1) are frozen.
        #expect(t1.xml.contains("<pane xSplit=\"1\" ySplit=\"2\" topLeftCell=\"B3\" activePane=\"bottomRight\" state=\"frozen\"/>"))
    }

    @Test func numbersKeepTheirDecimalsAndIdentifiersStayText() throws {
        let book = try XLSXReadBack(XLSXWriter().write(WriterFixtures.document))
        let t2 = book.sheets[1]
        #expect(t2.merges.isEmpty)
        #expect(!t2.xml.contains("<mergeCells"))
        #expect(t2.cells["C2"]?.type == "n" && t2.cells["C2"]?.value == "12.5")
        #expect(t2.cells["C2"]?.style == String(XLSXParts.Style.number(decimals: 2)))
        #expect(t2.cells["C3"]?.type == "s" && t2.cells["C3"]?.value == "007")
        #expect(t2.cells["A3"]?.type == "s" && t2.cells["A3"]?.value == "=SUM(A1:A2)")
        #expect(!t2.xml.contains("<f>"))
        #expect(t2.cells["B2"]?.value == "say \"hi\" <b>&</b> | pipe")
        #expect(t2.cells["B3"]?.value == "line1\nline2")
        #expect(XLSXParts.styles.contains("<numFmt numFmtId=\"165\" formatCode=\"0.00\"/>"))
    }

    @Test func packageHasTheRequiredParts() throws {
        let book = try XLSXReadBack(XLSXWriter().write(WriterFixtures.document))
        #expect(Set(book.parts) == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                    "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml",
                                    "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"])
        let types = XLSXParts.contentTypes(sheets: 3)
        #expect(types.contains("<Override PartName=\"/xl/worksheets/sheet3.xml\""))
        #expect(!types.contains("sheet4.xml"))
    }

    @Test func documentsWithoutTablesGiveOneEmptySheet() throws {
        let book = try XLSXReadBack(XLSXWriter().write(Document(source: Source(name: "a", kind: .docx),
                                                                blocks: [.paragraph(Paragraph(text: "x"))])))
        #expect(book.sheets.map(\.name) == ["Sheet1"])
        #expect(book.sheets[0].cells.isEmpty)
    }

    @Test func sheetNamesAndReferences() {
        #expect(SpreadsheetNames.column(0) == "A")
        #expect(SpreadsheetNames.column(25) == "Z")
        #expect(SpreadsheetNames.column(26) == "AA")
        #expect(SpreadsheetNames.column(16_383) == "XFD")
        #expect(SpreadsheetNames.range(Cell(row: 3, column: 1, colSpan: 2, text: "")) == "B4:C4")
        #expect(SpreadsheetNames.sheetNames(["t1", "T1", "a/b:c", "", "'q'", String(repeating: "x", count: 40)])
                == ["t1", "T1 (2)", "a_b_c", "Sheet", "q", String(repeating: "x", count: 31)])
    }

    @Test func ooxmlEscapesAndLongTextAreHandled() {
        #expect(XLSXWriter.cellText("a_x0041_b") == "a_x005F_x0041_b")
        #expect(XLSXWriter.cellText("_x12") == "_x12")
        let long = String(repeating: "表", count: 40_000)
        #expect(XLSXWriter.cellText(long).utf16.count == XLSXWriter.maxCellText)
        let emoji = String(repeating: "😀", count: 20_000)
        #expect(XLSXWriter.cellText(emoji).utf16.count == XLSXWriter.maxCellText - 1)   // never splits a pair
    }

    @Test func controlCharactersNeverBreakTheXML() throws {
        let table = Table(id: "t1", rows: 1, columns: 1, cells: [Cell(row: 0, column: 0, text: "a\u{0}b\u{1B}c")])
        let book = try XLSXReadBack(XLSXWriter().write(Document(source: Source(name: "a", kind: .docx), blocks: [.table(table)])))
        #expect(book.sheets[0].cells["A1"]?.value == "abc")
    }

    @Test func tablesLargerThanASheetAreRefused() {
        let wide = Table(id: "t1", rows: 1, columns: 16_385, cells: [Cell(row: 0, column: 0, colSpan: 16_385, text: "x")])
        #expect(throws: RegridError.limitExceeded(what: "columns of table t1 for a spreadsheet", limit: 16_384)) {
            try XLSXWriter().write(Document(source: Source(name: "a", kind: .docx), blocks: [.table(wide)]))
        }
        let broken = Table(id: "t1", rows: 1, columns: 2, cells: [Cell(row: 0, column: 0, text: "x")])
        #expect(throws: RegridError.self) {
            try XLSXWriter().write(Document(source: Source(name: "a", kind: .docx), blocks: [.table(broken)]))
        }
    }

    /// Opens the workbook in LibreOffice when it is installed (skipped otherwise) and checks
    /// that every value comes out as written, where the grid CSV puts it.
    @Test(arguments: [WriterFixtures.mergedTable, WriterFixtures.hazardTable])
    func libreOfficeReadsTheValues(table: Table) throws {
        guard let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].first(where: FileManager.default.isExecutableFile) else {
            print("skipped: LibreOffice (soffice) is not installed")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("regrid-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let doc = Document(source: Source(name: "a", kind: .docx), blocks: [.table(table)])
        try Data(try XLSXWriter().write(doc)).write(to: dir.appendingPathComponent("book.xlsx"))
        let arguments = ["-env:UserInstallation=file://\(dir.path)/profile", "--headless",
                         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", dir.path,
                         dir.appendingPathComponent("book.xlsx").path]
        guard try ExternalTool.run(soffice, arguments, timeout: 180) else {
            Issue.record("LibreOffice did not finish converting within 180 s")
            return
        }
        let csv = try String(contentsOf: dir.appendingPathComponent("book.csv"), encoding: .utf8)
        let expected = (0..<table.rows).map { r in
            (0..<table.columns).map { c in table.cells.first { $0.row == r && $0.column == c }?.text ?? "" }
        }
        #expect(try CSVParse.records(csv) == expected)
    }
}
