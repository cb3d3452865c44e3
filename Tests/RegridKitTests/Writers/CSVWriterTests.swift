import Testing
import RegridFixtures
@testable import RegridKit

@Suite("CSV writer")
struct CSVWriterTests {
    @Test func fixturesAreValidTables() throws {
        try WriterFixtures.document.validate()
    }

    @Test func gridPutsMergedTextInTheTopLeftSlot() {
        let csv = CSVWriter().text(WriterFixtures.mergedTable)
        #expect(csv == "项目,申请人情况,,合计\r\n,自然人,法人,\r\n本年新收,12,3,15\r\n上年结转,0,,0\r\n")
    }

    @Test func fillMergedRepeatsTextInEveryCoveredSlot() {
        let csv = CSVWriter(options: .init(fillMerged: true)).text(WriterFixtures.mergedTable)
        #expect(csv == "项目,申请人情况,申请人情况,合计\r\n项目,自然人,法人,合计\r\n本年新收,12,3,15\r\n上年结转,0,0,0\r\n")
    }

    @Test func quotingFollowsRFC4180() {
        let csv = CSVWriter().text(WriterFixtures.hazardTable)
        #expect(csv == """
            name,note,amount\r
            "a,b","say ""hi"" <b>&</b> | pipe",12.50\r
            =SUM(A1:A2),"line1
            line2",007\r

            """)
        #expect(CSVWriter.field("plain 中文") == "plain 中文")
        #expect(CSVWriter.field("cr\r\nlf") == "\"cr\r\nlf\"")
        #expect(CSVWriter.field("") == "")
    }

    @Test func byteOrderMarkOnlyWhenAsked() {
        let table = Table(id: "t1", rows: 1, columns: 1, cells: [Cell(row: 0, column: 0, text: "é")])
        #expect(CSVWriter().bytes(table) == [0xC3, 0xA9, 0x0D, 0x0A])
        #expect(CSVWriter(options: .init(byteOrderMark: true)).bytes(table) == [0xEF, 0xBB, 0xBF, 0xC3, 0xA9, 0x0D, 0x0A])
    }

    @Test func tidyGivesOneRecordPerDataCellWithHeaderPaths() {
        let csv = CSVWriter(options: .init(shape: .tidy)).text(WriterFixtures.mergedTable)
        #expect(csv == """
            table,row,column,row_header,column_header,value\r
            t1,2,1,本年新收,申请人情况 / 自然人,12\r
            t1,2,2,本年新收,申请人情况 / 法人,3\r
            t1,2,3,本年新收,合计,15\r
            t1,3,1,上年结转,申请人情况,0\r
            t1,3,3,上年结转,合计,0\r

            """)
    }

    @Test func tidyInfersHeadersWhenTheModelDoesNotSay() {
        var table = WriterFixtures.mergedTable
        table.headerRows = 0
        table.headerColumns = 0
        let headers = TableHeaders(table)
        #expect(headers.rows == 2)      // 项目 reaches down into row 1
        #expect(headers.columns == 1)   // column 0 below the header holds labels, not numbers
        #expect(headers.inferred)
        let stated = CSVWriter(options: .init(shape: .tidy)).text(WriterFixtures.mergedTable)
        #expect(CSVWriter(options: .init(shape: .tidy)).text(table) == stated)
    }

    @Test func inferenceLeavesNumericFirstColumnsAsData() {
        let table = Table(id: "t1", rows: 3, columns: 2, cells: [
            Cell(row: 0, column: 0, text: "year"), Cell(row: 0, column: 1, text: "count"),
            Cell(row: 1, column: 0, text: "2019"), Cell(row: 1, column: 1, text: "4"),
            Cell(row: 2, column: 0, text: "2020"), Cell(row: 2, column: 1, text: "5"),
        ])
        let headers = TableHeaders(table)
        #expect(headers.rows == 1 && headers.columns == 0)
        let csv = CSVWriter(options: .init(shape: .tidy)).text(table)
        #expect(csv.contains("t1,1,0,,year,2019\r\n"))
        #expect(csv.contains("t1,2,1,,count,5\r\n"))
    }

    @Test func oneRowTablesHaveNoHeaderRow() {
        let table = Table(id: "t9", rows: 1, columns: 2, cells: [
            Cell(row: 0, column: 0, text: "x"), Cell(row: 0, column: 1, text: "y"),
        ])
        let csv = CSVWriter(options: .init(shape: .tidy)).text(table)
        // No header row; the text in column 0 still reads as a row label.
        #expect(csv == "table,row,column,row_header,column_header,value\r\nt9,0,1,x,,y\r\n")
    }

    @Test func emptyTablesWriteNothingButTheTidyHeader() {
        let table = Table(id: "t1", rows: 0, columns: 0, cells: [])
        #expect(CSVWriter().text(table) == "")
        #expect(CSVWriter(options: .init(shape: .tidy)).text(table) == "table,row,column,row_header,column_header,value\r\n")
    }

    @Test func gridParsesBackToTheTableText() throws {
        for table in [WriterFixtures.mergedTable, WriterFixtures.hazardTable] {
            let records = try CSVParse.records(CSVWriter(options: .init(fillMerged: true)).text(table))
            #expect(records.count == table.rows)
            for r in 0..<table.rows {
                #expect(records[r].count == table.columns)
                for c in 0..<table.columns {
                    #expect(records[r][c] == table.cell(coveringRow: r, column: c)?.text)
                }
            }
        }
    }

    @Test func tidyParsesBackToOneRecordPerDataCell() throws {
        let records = try CSVParse.records(CSVWriter(options: .init(shape: .tidy)).text(WriterFixtures.hazardTable))
        #expect(records.first == ["table", "row", "column", "row_header", "column_header", "value"])
        #expect(records.dropFirst().map { $0[5] } == ["say \"hi\" <b>&</b> | pipe", "12.50", "line1\nline2", "007"])
        #expect(records.dropFirst().map { $0[3] } == ["a,b", "a,b", "=SUM(A1:A2)", "=SUM(A1:A2)"])
        #expect(records.dropFirst().map { $0[4] } == ["note", "amount", "note", "amount"])
    }

    @Test func headerLabelsAreOneLine() {
        #expect(TableHeaders.label("商业\n企业") == "商业企业")
        #expect(TableHeaders.label("Total\nsamples ") == "Total samples")
        #expect(TableHeaders.label("2020年\nTotal") == "2020年 Total")
        #expect(TableHeaders.label("\n") == "")
    }

    @Test func aTitleRowSpanningTheHeaderColumnsJoinsEveryColumnPath() {
        let table = Table(id: "t1", rows: 3, columns: 3, cells: [
            Cell(row: 0, column: 0, colSpan: 3, text: "第二十条 第(一)项"),
            Cell(row: 1, column: 0, text: "信息内容"), Cell(row: 1, column: 1, text: "本年新\n制作数量"), Cell(row: 1, column: 2, text: "总数"),
            Cell(row: 2, column: 0, text: "规章"), Cell(row: 2, column: 1, text: "0"), Cell(row: 2, column: 2, text: "16"),
        ], headerRows: 2, headerColumns: 1)
        #expect(CSVWriter(options: .init(shape: .tidy)).text(table) == """
            table,row,column,row_header,column_header,value\r
            t1,2,1,规章,第二十条 第(一)项 / 本年新制作数量,0\r
            t1,2,2,规章,第二十条 第(一)项 / 总数,16\r

            """)
    }
}

@Suite("Tidy CSV of a known layout")
struct TidyLayoutCSVTests {
    /// Table 二 of the 2019 layout is four sections, each with its own sub-header row: every
    /// figure is labelled with its own section's sub-header, and sub-header rows are no records.
    @Test func eachSectionOfTable2IsLabelledWithItsOwnSubHeader() throws {
        let report = DisclosureReportGenerator(.init(layout: "2019", seed: 7)).generate()
        let (document, extracted) = LayoutTestSupport.extract(try Regrid.read(bytes: try report.docx(), name: "r.docx"))
        let table = try #require(document.tables.first { $0.layout?.template == "cn-gov-disclosure-2019/proactive" })
        let csv = CSVWriter(options: .init(shape: .tidy), statedHeaders: extracted.statedHeaderPaths()).text(table)
        let records = try CSVParse.records(csv).dropFirst()
        #expect(records.count == 22)   // the layout's 22 figures, nothing else
        let subHeaders: Set<String> = ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量",
                                       "本年增/减", "处理决定数量", "采购项目数量", "采购总金额"]
        for record in records {
            let (rowPath, columnPath, value) = (record[3], record[4], record[5])
            #expect(!subHeaders.contains(value), "a sub-header became data: \(record)")
            // The section named first in the row path heads the column path too.
            let section = try #require(rowPath.components(separatedBy: CSVWriter.pathSeparator).first)
            #expect(columnPath.hasPrefix(section + CSVWriter.pathSeparator), "\(record)")
        }
        let licensing = try #require(records.first { $0[3].hasSuffix("行政许可") && $0[4].hasSuffix("处理决定数量") })
        #expect(licensing[4] == "第二十条第（五）项 / 处理决定数量")
        // Without the layout, the grid rule labels the （五） section with the （一） section's headers:
        // the defect this fixes (kept visible so that the stated paths stay needed).
        let inferred = try CSVParse.records(CSVWriter(options: .init(shape: .tidy)).text(table)).dropFirst()
        #expect(inferred.contains { $0[3].contains("行政许可") && ($0[4].contains("（一）") || $0[4].contains("(一)")) })
    }
}
