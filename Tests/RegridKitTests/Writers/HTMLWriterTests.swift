import Testing
@testable import RegridKit

@Suite("HTML writer")
struct HTMLWriterTests {
    @Test func mergedCellsBecomeRowspanAndColspanWithHeaderRowsInThead() {
        let html = HTMLTableRenderer(styled: false, annotations: Annotations())
            .render(WriterFixtures.mergedTable, notes: [])
        #expect(html == """
            <table>
            <thead>
            <tr><th rowspan="2" scope="col">项目</th><th colspan="2" scope="colgroup">申请人情况</th><th rowspan="2" scope="col">合计</th></tr>
            <tr><th scope="col">自然人</th><th scope="col">法人</th></tr>
            </thead>
            <tbody>
            <tr><th scope="row">本年新收</th><td>12</td><td>3</td><td>15</td></tr>
            <tr><th scope="row">上年结转</th><td colspan="2">0</td><td>0</td></tr>
            </tbody>
            </table>

            """)
    }

    @Test func theadGrowsSoThatNoRowspanCrossesIntoTheBody() {
        var table = WriterFixtures.mergedTable
        table.headerRows = 1
        #expect(HTMLTableRenderer.headRowCount(table) == 2)
        table.headerRows = 0
        #expect(HTMLTableRenderer.headRowCount(table) == 0)
        let html = HTMLTableRenderer(styled: false, annotations: Annotations()).render(table, notes: [])
        #expect(!html.contains("<thead>"))
        #expect(html.contains("<tr><th scope=\"row\">本年新收</th>"))   // header column still th
    }

    @Test func textIsEscapedAndLineBreaksKept() {
        let page = HTMLWriter().write(WriterFixtures.document)
        #expect(page.contains("<td>say &quot;hi&quot; &lt;b&gt;&amp;&lt;/b&gt; | pipe</td>") == false)  // quotes need no escaping in text
        #expect(page.contains("<td>say \"hi\" &lt;b&gt;&amp;&lt;/b&gt; | pipe</td>"))
        #expect(page.contains("<td>line1<br>line2</td>"))
        #expect(page.contains("<h2>Notes &amp; &lt;remarks&gt;</h2>"))
        #expect(!page.contains("<b>&</b>"))
    }

    @Test func pageIsStandaloneWithLanguageFromContent() {
        let page = HTMLWriter().write(WriterFixtures.document)
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">"))
        #expect(page.contains("<title>2020年政府信息公开工作年度报告</title>"))
        #expect(page.contains("<style>"))
        #expect(!page.contains("<script"))
        #expect(!page.contains("http://") && !page.contains("https://"))
        #expect(page.hasSuffix("</main>\n</body>\n</html>\n"))
    }

    @Test func languageGuess() {
        #expect(ContentLanguage.guess(texts: ["2020年政府信息公开报告 Annual report"]) == "zh")
        #expect(ContentLanguage.guess(texts: ["Annual report 2020 年"]) == "en")
        #expect(ContentLanguage.guess(texts: ["ひらがなと漢字"]) == "ja")
        #expect(ContentLanguage.guess(texts: ["한국어 보고서"]) == "ko")
        #expect(ContentLanguage.guess(texts: ["12", "—"]) == "und")
    }

    @Test func diagnosticsAndMarksAreNumberedBesideTheirTable() {
        var notes = Annotations()
        notes.mark(table: "t1", row: 2, column: 3, "合计 ≠ 自然人 + 法人")
        notes.mark(table: "t1", row: 3, column: 2, "covered slot marks its merged cell", severity: .warning)
        let page = HTMLWriter(annotations: notes).write(WriterFixtures.document)
        // The diagnostic on [0, 3] is note 1, the marks are 2 and 3.
        #expect(page.contains("<th rowspan=\"2\" scope=\"col\" class=\"mark-info\" title=\"合计 assumed to span two rows\">合计<a class=\"ref info\" href=\"#t1-n1\">1</a></th>"))
        #expect(page.contains("<td class=\"num mark-error\" title=\"合计 ≠ 自然人 + 法人\">15<a class=\"ref error\" href=\"#t1-n2\">2</a></td>"))
        #expect(page.contains("<td colspan=\"2\" class=\"num mark-warning\" title=\"covered slot marks its merged cell\">0<a class=\"ref warning\" href=\"#t1-n3\">3</a></td>"))
        #expect(page.contains("<li id=\"t1-n2\" class=\"error\"><span class=\"severity\">error</span> <span class=\"slot\">[2, 3]</span> 合计 ≠ 自然人 + 法人</li>"))
        // The notes sit in the same section as the table, after it and before the next heading.
        guard let aside = page.firstRange(of: "<aside class=\"notes\">"),
              let table = page.firstRange(of: "<table id=\"t1\">"),
              let next = page.firstRange(of: "<h2>Notes") else {
            Issue.record("the page lacks the notes aside, table t1 or the Notes heading")
            return
        }
        #expect(table.upperBound < aside.lowerBound && aside.upperBound < next.lowerBound)
        // t1 and t2 have notes; t3, without, gets no aside.
        #expect(page.components(separatedBy: "<aside").count == 3)
        #expect(page.contains("<td class=\"mark-warning\" title=\"amount 007 is not a number\">007<a class=\"ref warning\" href=\"#t2-n1\">1</a></td>"))
    }

    @Test func nestedTablesRenderInsideTheirCell() {
        let page = HTMLWriter().write(WriterFixtures.document)
        #expect(page.contains("<tr><td>外</td><td>\n  <table id=\"t3.r0c1.t1\">\n  <tbody>\n  <tr><td>内</td><td>表</td></tr>\n  </tbody>\n  </table>\n</td></tr>"))
    }

    @Test func syntheticCellsAndLayoutAreShown() {
        var table = Table(id: "t1", rows: 1, columns: 2, cells: [
            Cell(row: 0, column: 0, text: "a"), Cell(row: 0, column: 1, text: "", synthetic: true),
        ])
        table.layout = LayoutMatch(template: "cn-gov/applications", confidence: 0.5)
        let page = HTMLWriter().write(Document(source: Source(name: "x.txt", kind: .flatText), blocks: [.table(table)]))
        #expect(page.contains("<td class=\"synthetic\"></td>"))
        #expect(page.contains("layout <code>cn-gov/applications</code> (confidence 0.5)"))
        #expect(page.contains("<title>x.txt</title>"))
    }
}
