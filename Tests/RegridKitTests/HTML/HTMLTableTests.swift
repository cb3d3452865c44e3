import Foundation
import Testing
import RegridKit

/// Reads an HTML string through the library's front door (format sniffing included).
func readHTML(_ html: String, name: String = "page.html") throws -> Document {
    let document = try Regrid.read(bytes: Array(html.utf8), name: name)
    try document.validate()
    return document
}

/// The grid of a table as `row,column rowSpan×colSpan text` lines, for readable comparisons.
func slots(_ table: Table) -> [String] {
    table.cells.map { "\($0.row),\($0.column) \($0.rowSpan)x\($0.colSpan) \($0.text)\($0.synthetic == true ? " (synthetic)" : "")" }
}

/// Table structure: spans through the GridAssembler, malformed spans, header rows, nested
/// tables, cell text, what is dropped, layout tables.
@Suite struct HTMLTableTests {
    @Test func rowspanAndColspanBecomeMergedCells() throws {
        let doc = try readHTML("""
            <table><tr><th rowspan=2>项目</th><th colspan=2>申请人</th></tr>
            <tr><th>自然人</th><th>法人</th></tr>
            <tr><td>一、新收</td><td>13</td><td>0</td></tr></table>
            """)
        let table = try #require(doc.tables.first)
        #expect(doc.source.kind == .html)
        #expect(table.rows == 3 && table.columns == 3)
        #expect(table.headerRows == 2)
        #expect(slots(table) == ["0,0 2x1 项目", "0,1 1x2 申请人", "1,1 1x1 自然人", "1,2 1x1 法人",
                                 "2,0 1x1 一、新收", "2,1 1x1 13", "2,2 1x1 0"])
    }

    @Test func rowspanInTheMiddleShiftsLaterCellsRight() throws {
        let doc = try readHTML("<table><tr><td>a</td><td rowspan=3>b</td><td>c</td></tr><tr><td>d</td><td>e</td></tr><tr><td>f</td><td>g</td></tr></table>")
        let table = try #require(doc.tables.first)
        #expect(slots(table) == ["0,0 1x1 a", "0,1 3x1 b", "0,2 1x1 c", "1,0 1x1 d", "1,2 1x1 e", "2,0 1x1 f", "2,2 1x1 g"])
    }

    @Test func malformedSpansFollowTheHTMLRules() throws {
        // rowspan past the table stops at its last row; colspan=0 and junk are 1; rowspan=0 runs to
        // the end of its row group; a short (ragged) row is filled with a synthetic cell.
        let doc = try readHTML("""
            <table><tbody><tr><td rowspan=9>a</td><td colspan=0>b</td><td colspan=x>c</td></tr>
            <tr><td>d</td></tr></tbody>
            <tbody><tr><td rowspan=0>e</td><td>f</td><td>g</td></tr><tr><td>h</td><td>i</td></tr><tr><td>j</td></tr></tbody></table>
            """)
        let table = try #require(doc.tables.first)
        #expect(slots(table) == ["0,0 2x1 a", "0,1 1x1 b", "0,2 1x1 c", "1,1 1x1 d", "1,2 1x1  (synthetic)",
                                 "2,0 3x1 e", "2,1 1x1 f", "2,2 1x1 g", "3,1 1x1 h", "3,2 1x1 i", "4,1 1x1 j", "4,2 1x1  (synthetic)"])
        #expect(table.diagnostics.contains { $0.code == "span-clamped" })
    }

    @Test func colspanRunningIntoARowspanIsNarrowed() throws {
        let doc = try readHTML("<table><tr><td>a</td><td rowspan=2>b</td><td>c</td></tr><tr><td colspan=3>d</td><td>e</td></tr></table>")
        let table = try #require(doc.tables.first)
        #expect(slots(table) == ["0,0 1x1 a", "0,1 2x1 b", "0,2 1x1 c", "1,0 1x1 d", "1,2 1x1 e"])
        #expect(table.diagnostics.contains { $0.code == "span-overlap" })
    }

    @Test func cellTextKeepsLinesAndNormalisesSpaces() throws {
        let doc = try readHTML("""
            <table><tr><td><p>第一行</p><p>&nbsp;</p>第二&nbsp;&nbsp;行<br>第三
               行</td><td>  a <b>b</b>\n c <o:p>&nbsp;</o:p></td></tr></table>
            """)
        let table = try #require(doc.tables.first)
        #expect(table.cells.map(\.text) == ["第一行\n第二  行\n第三 行", "a b c"])
    }

    @Test func scriptsStylesHiddenAndCommentsAreDropped() throws {
        let doc = try readHTML("""
            <html><head><title>T</title><style>td{}</style></head><body>
            <script>document.write('x')</script><!--[if gte mso 9]><xml>w</xml><![endif]-->
            <table><tr><td>a<span style="display: none">secret</span></td><td hidden>h</td><td style="mso-hide:all">m</td><td>b</td></tr></table>
            <p>可见</p><div style="visibility:hidden">不可见</div></body></html>
            """)
        let table = try #require(doc.tables.first)
        #expect(table.cells.map(\.text) == ["a", "b"])
        #expect(doc.blocks.compactMap { if case .paragraph(let p) = $0 { return p.text } else { return nil } } == ["可见"])
        #expect(doc.diagnostics.contains { $0.code == "hidden-dropped" })
    }

    @Test func nestedTablesStayInTheirCell() throws {
        let doc = try readHTML("<table><tr><td>外</td><td>说明<table><tr><td>x</td><td>y</td></tr></table></td></tr></table>")
        let table = try #require(doc.tables.first)
        #expect(doc.tables.count == 1)
        #expect(table.cells[1].text == "说明\nx\ny")
        guard case .table(let inner)? = table.cells[1].blocks?.last else {
            Issue.record("no nested table")
            return
        }
        #expect(inner.id == "t1.r0c1.t1")
        #expect(inner.columns == 2)
    }

    @Test func headingsAndParagraphsAroundTables() throws {
        let doc = try readHTML("<body><h1>年度报告</h1><div>一段<br>两段</div><h3>表</h3><table><tr><td>1</td><td>2</td></tr></table><p>后</p></body>")
        let kinds = doc.blocks.map { block -> String in
            switch block {
            case .heading(let h): return "h\(h.level) \(h.text)"
            case .paragraph(let p): return "p \(p.text)"
            case .table(let t): return "table \(t.id)"
            }
        }
        #expect(kinds == ["h1 年度报告", "p 一段", "p 两段", "h3 表", "table t1", "p 后"])
    }

    @Test func layoutTablesAreReadAsPageContent() throws {
        // Page chrome: a layout table holding navigation and the content cell; a one-column box
        // around the data table; role=presentation.
        let doc = try readHTML("""
            <table width=100%><tr><td><a href=/>首页</a> | <a href=/gk>信息公开</a></td><td>
            <h2>2021年政府信息公开工作年度报告</h2><p>一、总体情况</p><p>二、主动公开</p><p>三、收到和处理</p>
            <table border=1><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>0</td></tr></table>
            </td></tr></table>
            <table><tr><td><table><tr><td>a</td><td>b</td></tr></table></td></tr></table>
            <table role=presentation><tr><td>x</td><td>y</td></tr></table>
            <table><tr><td>一列的表</td></tr><tr><td>仍是表</td></tr></table>
            """)
        #expect(doc.tables.map(\.columns) == [2, 2, 1])
        #expect(doc.tables.map(\.id) == ["t1", "t2", "t3"])
        #expect(doc.tables[0].cells.map(\.text) == ["信息内容", "本年制发件数", "规章", "0"])
        #expect(doc.blocks.contains { if case .heading(let h) = $0 { return h.level == 2 && h.text.hasPrefix("2021年") } else { return false } })
        #expect(doc.diagnostics.contains { $0.code == "layout-tables" && $0.message.hasPrefix("3 ") })
    }

    /// Word's "Save as Web Page": conditional comments, `<![if …]>` markers around list numbers,
    /// `<o:p>`, MsoNormalTable, and the spacer row for misaligned columns.
    @Test func wordSaveAsWebPage() throws {
        let doc = try readHTML(#"""
            <html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
            <head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>x</o:Author></o:DocumentProperties></xml><![endif]--><style><!-- p.MsoNormal {margin:0} --></style></head>
            <body lang=ZH-CN style='tab-interval:21.0pt'><div class=WordSection1>
            <p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>列表项<o:p></o:p></p>
            <table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'>
             <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'><td width=100 rowspan=2 style='width:75pt'><p class=MsoNormal><span>项目<span lang=EN-US><o:p></o:p></span></span></p></td>
              <td colspan=2><p class=MsoNormal>申请人<o:p></o:p></p></td></tr>
             <tr><td><p class=MsoNormal>自然人</p></td><td><p class=MsoNormal>法人<![if !supportMisalignedColumns]><![endif]></p></td></tr>
             <![if !supportMisalignedColumns]><tr height=0><td width=100 style='border:none'></td><td width=50 style='border:none'></td><td width=50 style='border:none'></td></tr><![endif]>
            </table><p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p></div></body></html>
            """#, name: "report.htm")
        #expect(doc.blocks.first == .paragraph(Paragraph(text: "1.    列表项")))
        let table = try #require(doc.tables.first)
        #expect(slots(table) == ["0,0 2x1 项目", "0,1 1x2 申请人", "1,1 1x1 自然人", "1,2 1x1 法人"])
        #expect(doc.blocks.count == 2)
    }

    @Test func theadAndAllThRowsAreHeaderRows() throws {
        let doc = try readHTML("<table><thead><tr><td>h</td></tr></thead><tr><th>th</th></tr><tr><td>d</td></tr><tr><th>late</th></tr></table>")
        let table = try #require(doc.tables.first)
        #expect(table.headerRows == 2)
    }

    @Test func regridsOwnPageReadsBackWithoutItsApparatus() throws {
        let source = try readHTML("<h1>标题</h1><table><tr><td colspan=2>合并</td><td>x</td></tr><tr><td>1</td><td>2</td></tr></table>")
        var flagged = Annotations()
        flagged.mark(table: "t1", row: 1, column: 0, "一 + 二 ≠ 三")
        let page = HTMLWriter(annotations: flagged).write(source)
        let back = try readHTML(page)
        #expect(back.blocks.count == source.blocks.count)
        // A synthetic cell is written as an empty <td>, so it reads back as an empty cell.
        #expect(back.tables.map(slots) == source.tables.map { slots($0).map { $0.replacingOccurrences(of: " (synthetic)", with: "") } })
    }
}
