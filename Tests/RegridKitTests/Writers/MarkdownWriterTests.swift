import Testing
@testable import RegridKit

@Suite("Markdown writer")
struct MarkdownWriterTests {
    @Test func simpleTablesArePipeTablesAndMergedOnesHTML() {
        let md = MarkdownWriter().write(WriterFixtures.document)
        #expect(md.hasPrefix("# 2020年政府信息公开工作年度报告\n\n根据《条例》要求，现将情况报告如下。\n\n<table>\n<thead>\n"))
        #expect(md.contains("<tr><th scope=\"row\">上年结转</th><td colspan=\"2\">0</td><td>0</td></tr>\n</tbody>\n</table>\n\n## Notes &amp; \\<remarks\\>\n\n"))
        #expect(md.contains("""
            | name | note | amount |
            | --- | --- | --- |
            | a,b | say "hi" \\<b\\>&amp;\\</b\\> \\| pipe | 12.50 |
            | =SUM(A1:A2) | line1<br>line2 | 007 |
            """))
        // The nested table's outer table is written as HTML too.
        #expect(md.contains("<tr><td>外</td><td>\n  <table>\n"))
        #expect(md.hasSuffix("</table>\n"))
        // An HTML block must not contain a blank line, or Markdown ends it there.
        for block in String(md.dropLast()).components(separatedBy: "\n\n") where block.hasPrefix("<table>") {
            #expect(block.hasSuffix("</table>"))
        }
    }

    @Test func numericColumnsAreRightAligned() {
        let table = Table(id: "t1", rows: 3, columns: 2, cells: [
            Cell(row: 0, column: 0, text: "year"), Cell(row: 0, column: 1, text: "count"),
            Cell(row: 1, column: 0, text: "2019"), Cell(row: 1, column: 1, text: "4"),
            Cell(row: 2, column: 0, text: "total"), Cell(row: 2, column: 1, text: ""),
        ])
        let md = MarkdownWriter().write(Document(source: Source(name: "a", kind: .docx), blocks: [.table(table)]))
        #expect(md == "| year | count |\n| --- | ---: |\n| 2019 | 4 |\n| total |  |\n")
    }

    @Test func lineStartMarkersAreEscaped() {
        #expect(MarkdownWriter.inline("# not a heading") == "\\# not a heading")
        #expect(MarkdownWriter.inline("- not a list") == "\\- not a list")
        #expect(MarkdownWriter.inline("1. not a list") == "1\\. not a list")
        #expect(MarkdownWriter.inline("2020年 1. ok") == "2020年 1. ok")
        #expect(MarkdownWriter.inline("12.50") == "12.50")
        #expect(MarkdownWriter.inline("3)") == "3\\)")
        #expect(MarkdownWriter.inline("a *b* _c_ [d](e)") == "a \\*b\\* \\_c\\_ \\[d\\](e)")
        let doc = Document(source: Source(name: "a", kind: .docx), blocks: [.paragraph(Paragraph(text: "one\n# two"))])
        #expect(MarkdownWriter().write(doc) == "one\\\n\\# two\n")
    }

    @Test func emptyTablesAreHTML() {
        let empty = Table(id: "t1", rows: 0, columns: 0, cells: [])
        #expect(!MarkdownWriter.isPipeTable(empty))
        #expect(MarkdownWriter().write(Document(source: Source(name: "a", kind: .docx), blocks: [.table(empty)])) == "<table>\n</table>\n")
    }
}
