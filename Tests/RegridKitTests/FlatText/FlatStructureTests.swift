import Testing
@testable import RegridKit

/// Structures of Tika text that the reader must map back to what the DOCX reader gives.
@Suite struct FlatStructureTests {
    func read(_ text: String) throws -> Document {
        let doc = try FlatTextReader().read(bytes: Array(text.utf8), name: "in.txt")
        try doc.validate()
        return doc
    }

    @Test func tikaCheckboxMarksBecomeBoxGlyphs() throws {
        let doc = try read("Office |X| Urgent |_| Routine\n\t|_| A\n\t|X| B\n\n\n")
        #expect(doc.blocks.first == .paragraph(Paragraph(text: "Office ☒ Urgent ☐ Routine")))
        #expect(doc.tables.first?.cells.map(\.text) == ["☐ A", "☒ B"])
    }

    @Test func emptyParagraphsInACellAreLeftOutOfItsText() throws {
        let doc = try read("\tA\n\nB\n\n\t1\n\n\n")
        #expect(doc.tables.first?.cells.map(\.text) == ["A\nB", "1"])
    }

    func tableRows(_ text: String) throws -> [[[String]]] {
        try read(text).tables.map { t in
            (0..<t.rows).map { r in t.cells.filter { $0.row == r && !$0.isSynthetic }.map(\.text) }
        }
    }

    // `→X ∅ ∅ →Y` (§3.2 b): a table end followed by a table, or X's empty last paragraph + row end.
    @Test func blankLinesAfterAMultiParagraphCellDoNotSplitTheTable() throws {
        // The third cell has two paragraphs and an empty third: the rows after it go on.
        let text = "\tWeek\n\tDay\n\tTopic\n\n\t1\n\tTue\n\tLab\nHW 1\n\n\n\t2\n\tTue\n\tQuiz\n\n\nafter\n"
        let tables = try tableRows(text)
        #expect(tables.count == 1)
        #expect(tables.first == [["Week", "Day", "Topic"], ["1", "Tue", "Lab\nHW 1"], ["2", "Tue", "Quiz"]])
        let doc = try read(text)
        #expect(doc.diagnostics.contains { $0.code == "tables-joined" })
    }

    // A one-column table in Tika ≥ 3.3.2 (row-per-line) text has no line with two TABs: the TAB
    // counts cannot tell the layout, the row widths do (the chatchat 行标编制说明 cover table).
    @Test func oneColumnRowPerLineTableIsReadAsOneColumn() throws {
        let text = "\n\t\n\tNB/T XXXX\n标准名称\n\n\t编制说明\n\t（征求意见稿）\n（从工作组讨论稿）\n\n\t（2023年3月）\n\n\n正文\n"
        let tables = try tableRows(text)
        #expect(tables == [[[""], ["NB/T XXXX\n标准名称"], ["编制说明"], ["（征求意见稿）\n（从工作组讨论稿）"], ["（2023年3月）"]]])
        #expect(try read(text).diagnostics.contains { $0.code == "flat-layout-per-table" })
        // As FlatTextWriter (Tika ≥ 3.3.2) writes it: one blank line, then the next paragraph,
        // which the cell-per-line reading would take as a paragraph of the last cell.
        #expect(try tableRows("\tA\n\tB\nb2\n\n\tC\n\nbody\n") == [[["A"], ["B\nb2"], ["C"]]])
    }

    // A one-column table of empty cells that ends the text (FlatTextWriter's row per line, as in
    // the round trip of `2003_Consumer_Confidence_Report`): one blank line after it is row per
    // line's table end, while cell per line would need two (the row's end and the table's); so
    // it is a column, not one row cut short. With both blank lines, cell per line fits: one row.
    @Test func aOneColumnTableEndingTheTextAfterOneBlankLineIsRowPerLine() throws {
        #expect(try tableRows("\t\n\t\n\t\n\n") == [[[""], [""], [""]]])
        #expect(try tableRows("\t\n\tnote\n\n") == [[[""], ["note"]]])
        let doc = try read("\t\n\t\n\t\n\n")
        #expect(!doc.diagnostics.contains { $0.code == "table-unterminated" })
        #expect(try tableRows("\t\n\t\n\t\n\n\n") == [[["", "", ""]]])
        // Cut short inside a cell-per-line table, with text after row per line's table end: kept
        // as one unterminated table (FlatHostileInputTests).
        #expect(try tableRows("\tA\n\tB\n\n\t1\n\t2") == [[["A", "B"], ["1", "2"]]])
    }

    // The same cells in cell-per-line text stay cell-per-line: one-column rows end with a blank
    // line each, and two-cell rows have both cells on consecutive lines.
    @Test func cellPerLineTablesWithoutTwoTABLinesStayCellPerLine() throws {
        #expect(try tableRows("\tA\n\n\tB\nb2\n\n\tC\n\n\n") == [[["A"], ["B\nb2"], ["C"]]])
        #expect(try tableRows("\tA\n\tB\n\n\tC\n\tD\n\n\n") == [[["A", "B"], ["C", "D"]]])
        #expect(try tableRows("\tA\n\tB\n\n\tC\n\n\n") == [[["A", "B"], ["C"]]])
    }

    // Tables back to back whose first ends in a row of one empty cell (unstructured
    // `tables-with-incomplete-rows`): two tables in both layouts, not one.
    @Test func aTableEndingInAOneEmptyCellRowIsNotJoinedToTheNext() throws {
        let rowLine = "\ta\tb\tc\n\td\n\te\t\tf\n\t\n\n\tData\n\t\n\t\tMore\n\n"
        #expect(try tableRows(rowLine) == [[["a", "b", "c"], ["d"], ["e", "", "f"], [""]], [["Data"], [""], ["", "More"]]])
        let cellLine = "\ta\n\tb\n\tc\n\n\td\n\n\te\n\t\n\tf\n\n\t\n\n\n\tData\n\n\t\n\n\t\n\tMore\n\n\n"
        #expect(try tableRows(cellLine) == [[["a", "b", "c"], ["d"], ["e", "", "f"], [""]], [["Data"], [""], ["", "More"]]])
        // A row with other cells still takes `→ ∅ ∅ →Y` after its empty last cell as a row end.
        #expect(try tableRows("\tA\n\tB\n\n\tC\n\t\n\n\n\tE\n\tF\n\n\n").count == 1)
    }

    // Row per line: text right after a row line, then a TAB line of empty cells only. The text is
    // the cell's second paragraph and the row goes on (poi-tl `render_multiple_column`), even
    // where the row becomes the table's widest; a soft break followed by a row of empty cells
    // never occurs in corpus/docx. And a row as full as most rows ends the table at 3 blanks.
    @Test func rowLineTextThenEmptyCellsContinuesTheRow() throws {
        let text = "\t\tA\t1\t\n\t\t\t\tB\tname\ndesc\n\t\n\t\t\tC\t2\t\n\t\t\tD\t3\t\n\n\n\n\t\n\t\t\n\tX\tY\t\n\n"
        var parser = FlatLineParser(utf8: Array(text.utf8))
        let tables = parser.parse().compactMap { block -> [[String]]? in
            guard case .table(let t) = block else { return nil }
            return t.rows.map { $0.cells.map(\.text) }
        }
        #expect(tables.count == 2)
        #expect(tables.first?.count == 4)
        #expect(tables.first?[1] == ["", "", "", "B", "name\ndesc", ""])
        #expect(try tableRows(text).count == 2)
    }

    @Test func backToBackTablesOfOneLineCellsStaySeparate() throws {
        // python-docx and other generators put tables back to back: one-line cells give no
        // reason to read the blank lines as an empty paragraph.
        let text = "\ta\n\tb\n\n\tc\n\td\n\n\n\te\n\tf\n\n\tg\n\th\n\n\n"
        #expect(try tableRows(text) == [[["a", "b"], ["c", "d"]], [["e", "f"], ["g", "h"]]])
    }

    @Test func backToBackTablesOfOtherWidthsStaySeparate() throws {
        let text = "\tA\n\tB\nB2\n\n\n\tx\n\ty\n\tz\n\n\n"
        #expect(try tableRows(text).count == 2)
    }

    @Test func twoShortRowsAroundTwoBlankLinesMakeOneRow() throws {
        // The third cell ends in two empty paragraphs; the fourth cell (a vertical-merge
        // continuation, empty) follows in the same row.
        let text = "\tW\n\tD\n\tT\n\tN\n\n\t1\n\tTue\n\tLab\nHW\n\n\n\t\n\n\t2\n\tWed\n\tQuiz\n\tx\n\n\n"
        let tables = try tableRows(text)
        #expect(tables.count == 1)
        #expect(tables.first == [["W", "D", "T", "N"], ["1", "Tue", "Lab\nHW", ""], ["2", "Wed", "Quiz", "x"]])
    }

    // A table nested in a cell (§2.2, `extractTable` recurses): `→→` starts it.
    @Test func aTableNestedInACellIsReadAsOne() throws {
        // Outer row 2: a cell holding a 2 × 2 table (and Word's empty paragraph after it), then Y.
        let text = "\tA\n\tB\n\n\t\tn1\n\tn2\n\n\tn3\n\tn4\n\n\n\n\tY\n\n\nafter\n"
        let doc = try read(text)
        #expect(doc.tables.count == 1)
        guard let outer = doc.tables.first else { return }
        #expect(outer.rows == 2 && outer.columns == 2)
        let holder = outer.cells.first { $0.row == 1 && $0.column == 0 }
        #expect(holder?.text == "n1\nn2\nn3\nn4")
        guard case .table(let nested)? = holder?.blocks?.first else {
            Issue.record("no nested table in \(String(describing: holder))")
            return
        }
        #expect(nested.id == "t1.r1c0.t1")
        #expect(nested.rows == 2 && nested.columns == 2)
        #expect(nested.cells.map(\.text) == ["n1", "n2", "n3", "n4"])
        #expect(outer.cells.first { $0.row == 1 && $0.column == 1 }?.text == "Y")
        #expect(doc.blocks.last == .paragraph(Paragraph(text: "after")))
        #expect(doc.diagnostics.contains { $0.code == "nested-table-inferred" })
    }

    @Test func aCellStartingWithATypedTabIsNotANestedTable() throws {
        // `→→indented` here is a cell whose text starts with a TAB: what follows the "nested
        // table" is body text, not more of the outer table, so that reading is dropped.
        let text = "\tA\n\tB\n\n\tD\n\tE\n\n\t\tindented\n\tC\n\n\nafter\nmore\n"
        let doc = try read(text)
        #expect(doc.tables.count == 1)
        #expect(doc.tables.first?.cells.map(\.text) == ["A", "B", "D", "E", "indented", "C"])
        #expect(doc.tables.first?.cells.allSatisfy { $0.blocks == nil } == true)
        #expect(!doc.diagnostics.contains { $0.code == "nested-table-inferred" })
        #expect(doc.blocks.count == 3)
    }

    func rowTexts(_ text: String) throws -> [[String]] {
        var parser = FlatLineParser(utf8: Array(text.utf8))
        return parser.parse().compactMap { block -> [[String]]? in
            if case .table(let t) = block { return t.rows.map { $0.cells.map(\.text) } } else { return nil }
        }.first ?? []
    }

    // Row per line (Tika SAX): later paragraphs of a cell are each preceded and followed by a newline.
    @Test func rowLineMultiParagraphCellsStayInTheirRow() throws {
        // B has paragraphs B1, B2, B3; the row goes on with C; then a second row.
        let text = "\tA\tB1\nB2\n\nB3\n\tC\n\tD\tE\tF\n\nafter\n"
        #expect(try rowTexts(text) == [["A", "B1\nB2\nB3", "C"], ["D", "E", "F"]])
    }

    @Test func rowLineHeaderCellsWithParagraphsStayInTheirRowUnderAWiderTable() throws {
        // A two-cell title row, then a header row whose cells break into two paragraphs each,
        // then data rows four cells wide: the header row is one row, not split where it passes
        // the title row's width.
        var raw = RawTable()
        raw.rows.append(RawRow(cells: [RawCell(text: "Note", vMerge: .restart), RawCell(text: "Applicants", colSpan: 3)]))
        raw.rows.append(RawRow(cells: [RawCell(text: "", vMerge: .continue), RawCell(text: "Busi\nness"),
                                       RawCell(text: "Research\ninstitute"), RawCell(text: "Public\nbody")]))
        raw.rows.append(RawRow(cells: ["x", "1", "2", "3"].map { RawCell(text: $0) }))
        raw.rows.append(RawRow(cells: ["y", "4", "5", "6"].map { RawCell(text: $0) }))
        let table = try GridAssembler().assemble(raw, id: "t1")
        let text = FlatTextWriter(layout: .rowPerLine).write(table)
        #expect(try rowTexts(text) == [["Note", "Applicants"], ["", "Busi\nness", "Research\ninstitute", "Public\nbody"],
                                       ["x", "1", "2", "3"], ["y", "4", "5", "6"]])
    }

    @Test func rowLineTrailingEmptyParagraphIsNotATableEnd() throws {
        // `→1→x` + one blank + `→y`: x ended in an empty paragraph and y is the row's third cell.
        let text = "\tH1\tH2\tH3\n\t1\tx\n\n\ty\n\t2\tz\tw\n\nafter\n"
        #expect(try rowTexts(text) == [["H1", "H2", "H3"], ["1", "x", "y"], ["2", "z", "w"]])
    }

    @Test func rowLineSoftBreakThenCellsOnTheSameLine() throws {
        // `Pr >` soft break `Chi-Square`, then the next cell's TAB on the same line.
        let text = "\tTest\tPr >\nChi-Square\tDF\n\tLog-Rank\t0.2\t1\n\nafter\n"
        #expect(try rowTexts(text) == [["Test", "Pr >\nChi-Square", "DF"], ["Log-Rank", "0.2", "1"]])
    }

    @Test func rowLineSoftBreakInAFullRowStartsANewRow() throws {
        let text = "\tT\n\tA\tB\tPr >\nChi\n\t1\t2\t3\n\nafter\n"
        #expect(try rowTexts(text) == [["T"], ["A", "B", "Pr >\nChi"], ["1", "2", "3"]])
    }

    @Test func rowLineBodyTextAfterBlanksEndsTheTable() throws {
        let doc = try read("\tA\tB\n\nbody one\nbody two\n\tC\tD\n\n")
        #expect(doc.tables.count == 2)
        #expect(doc.blocks.contains(.paragraph(Paragraph(text: "body one"))))
    }

    @Test func rowLineGrammarParities() {
        typealias P = FlatLineParser
        #expect(P.rowLineContinuation(blanks: 1, onRowLine: true, nextIsTab: true) == (.sameRow, true))
        #expect(P.rowLineContinuation(blanks: 2, onRowLine: true, nextIsTab: true) == (.newRow, true))
        #expect(P.rowLineContinuation(blanks: 1, onRowLine: true, nextIsTab: false) == (nil, true))
        #expect(P.rowLineContinuation(blanks: 1, onRowLine: false, nextIsTab: true) == (.newRow, false))
        #expect(P.rowLineContinuation(blanks: 1, onRowLine: false, nextIsTab: false) == (.paragraph, false))
        #expect(P.rowLineContinuation(blanks: 2, onRowLine: false, nextIsTab: true) == (.sameRow, true))
    }
}
