import Testing
@testable import RegridKit

/// One test per merge feature of `w:tbl`, each with the exact grid expected.
@Suite("DOCX tables")
struct DOCXTableTests {
    typealias X = TestDOCX

    private func onlyTable(_ body: String) throws -> Table {
        let document = try TestDOCX(body: body).read()
        try document.validate()
        #expect(document.tables.count == 1)
        return try #require(document.tables.first)
    }

    @Test func gridSpanWidensCells() throws {
        let t = try onlyTable(X.tbl(columns: 3,
            X.tr(X.tc("wide", "<w:gridSpan w:val=\"2\"/>"), X.tc("c")),
            X.tr(X.tc("a"), X.tc("b"), X.tc("c2"))))
        #expect(t.rows == 2 && t.columns == 3)
        #expect(t.layoutLines == ["0,0 1x2 wide", "0,2 1x1 c", "1,0 1x1 a", "1,1 1x1 b", "1,2 1x1 c2"])
    }

    @Test func verticalMergeRestartAndContinueWithoutValue() throws {
        let t = try onlyTable(X.tbl(columns: 2,
            X.tr(X.tc("tall", "<w:vMerge w:val=\"restart\"/>"), X.tc("r0")),
            X.tr(X.tc("", "<w:vMerge/>"), X.tc("r1")),
            X.tr(X.tc("", "<w:vMerge w:val=\"continue\"/>"), X.tc("r2")),
            X.tr(X.tc("x"), X.tc("r3"))))
        #expect(t.layoutLines == ["0,0 3x1 tall", "0,1 1x1 r0", "1,1 1x1 r1", "2,1 1x1 r2", "3,0 1x1 x", "3,1 1x1 r3"])
    }

    @Test func verticalMergeOfSpannedCells() throws {
        let t = try onlyTable(X.tbl(columns: 3,
            X.tr(X.tc("block", "<w:gridSpan w:val=\"2\"/><w:vMerge w:val=\"restart\"/>"), X.tc("a")),
            X.tr(X.tc("", "<w:gridSpan w:val=\"2\"/><w:vMerge/>"), X.tc("b"))))
        #expect(t.layoutLines == ["0,0 2x2 block", "0,2 1x1 a", "1,2 1x1 b"])
    }

    @Test func orphanAndMismatchedContinuationsBecomeCells() throws {
        let t = try onlyTable(X.tbl(columns: 3,
            X.tr(X.tc("orphan", "<w:vMerge/>"), X.tc("top", "<w:gridSpan w:val=\"2\"/><w:vMerge w:val=\"restart\"/>")),
            X.tr(X.tc("a"), X.tc("narrow", "<w:vMerge/>"), X.tc("b"))))
        #expect(t.layoutLines == ["0,0 1x1 orphan", "0,1 1x2 top", "1,0 1x1 a", "1,1 1x1 narrow", "1,2 1x1 b"])
        #expect(t.diagnostics.map(\.code).contains("vmerge-orphan"))
        #expect(t.diagnostics.map(\.code).contains("vmerge-span-mismatch"))
    }

    @Test func legacyHorizontalMerge() throws {
        let t = try onlyTable(X.tbl(columns: 3,
            X.tr(X.tc("merged", "<w:hMerge w:val=\"restart\"/>"), X.tc("", "<w:hMerge/>"), X.tc("c")),
            X.tr(X.tc("a"), X.tc("b"), X.tc("c2"))))
        #expect(t.layoutLines == ["0,0 1x2 merged", "0,2 1x1 c", "1,0 1x1 a", "1,1 1x1 b", "1,2 1x1 c2"])
    }

    @Test func gridBeforeAndAfterLeaveSyntheticCells() throws {
        let t = try onlyTable(X.tbl(columns: 3,
            X.tr(X.tc("b"), X.tc("c"), trPr: "<w:gridBefore w:val=\"1\"/>"),
            X.tr(X.tc("a"), trPr: "<w:gridAfter w:val=\"2\"/>"),
            X.tr(X.tc("a"), X.tc("b"), X.tc("c"))))
        #expect(t.layoutLines == ["0,0 1x1* ", "0,1 1x1 b", "0,2 1x1 c", "1,0 1x1 a", "1,1 1x2* ", "2,0 1x1 a", "2,1 1x1 b", "2,2 1x1 c"])
    }

    @Test func rowsWithMoreOrFewerCellsThanTheGrid() throws {
        let t = try onlyTable(X.tbl(columns: 2,
            X.tr(X.tc("a"), X.tc("b"), X.tc("extra")),
            X.tr(X.tc("only"))))
        #expect(t.columns == 3)
        #expect(t.layoutLines == ["0,0 1x1 a", "0,1 1x1 b", "0,2 1x1 extra", "1,0 1x1 only", "1,1 1x2* "])
        #expect(t.diagnostics.map(\.code).contains("grid-width-differs"))
    }

    @Test func headerRowsCountLeadingTblHeaderRows() throws {
        let t = try onlyTable(X.tbl(columns: 1,
            X.tr(X.tc("h1"), trPr: "<w:tblHeader/>"),
            X.tr(X.tc("h2"), trPr: "<w:tblHeader w:val=\"true\"/>"),
            X.tr(X.tc("d"), trPr: "<w:tblHeader w:val=\"0\"/>")))
        #expect(t.headerRows == 2)
    }

    @Test func nestedTablesLiveInTheCellsBlocksAndText() throws {
        let inner = X.tbl(columns: 2, X.tr(X.tc("n1"), X.tc("n2")), X.tr(X.tc("n3", "<w:gridSpan w:val=\"2\"/>")))
        let document = try TestDOCX(body: X.tbl(columns: 2,
            X.tr(X.tc("outer"), X.tc(X.p("before") + inner + X.p("after"))))
            + X.tbl(columns: 1, X.tr(X.tc("second")))).read()
        try document.validate()
        #expect(document.tables.map(\.id) == ["t1", "t2"])
        let cell = try #require(document.tables[0].cells.last)
        #expect(cell.text == "before\nn1\nn2\nn3\nafter")
        let blocks = try #require(cell.blocks)
        #expect(blocks.count == 3)
        guard case .table(let nested) = blocks[1] else { Issue.record("no nested table"); return }
        #expect(nested.id == "t1.r0c1.t1")
        #expect(nested.layoutLines == ["0,0 1x1 n1", "0,1 1x1 n2", "1,0 1x2 n3"])
        #expect(document.tables[0].cells[0].blocks == nil)
    }

    @Test func tableNestingBeyondTheLimitIsRefused() throws {
        var xml = X.p("core")
        for _ in 0..<4 { xml = X.tbl(columns: 1, X.tr(X.tc(xml))) }
        var limits = ReaderLimits.default
        limits.maxTableNesting = 3
        #expect(throws: RegridError.limitExceeded(what: "nested tables in word/document.xml", limit: 3)) {
            try TestDOCX(body: xml).read(limits: limits)
        }
        limits.maxTableNesting = 4
        #expect(try TestDOCX(body: xml).read(limits: limits).tables.count == 1)
    }

    @Test func contentControlsAroundTablesRowsAndCells() throws {
        let sdt = { (inner: String) in "<w:sdt><w:sdtPr><w:alias w:val=\"x\"/></w:sdtPr><w:sdtContent>\(inner)</w:sdtContent></w:sdt>" }
        let body = sdt(X.tbl(columns: 2,
            sdt(X.tr(X.tc("r0a"), X.tc("r0b"))),
            X.tr(sdt(X.tc("cell-sdt")), "<w:customXml w:element=\"c\">\(X.tc("custom"))</w:customXml>"),
            "<w:customXml w:element=\"row\">\(X.tr(X.tc("x"), X.tc("y")))</w:customXml>"))
        let t = try onlyTable(body)
        #expect(t.layoutLines == ["0,0 1x1 r0a", "0,1 1x1 r0b", "1,0 1x1 cell-sdt", "1,1 1x1 custom", "2,0 1x1 x", "2,1 1x1 y"])
    }

    @Test func trackedChangesInCellsAndDeletedRows() throws {
        let t = try onlyTable(X.tbl(columns: 1,
            X.tr(X.tc("<w:p><w:r><w:t>keep </w:t></w:r><w:ins w:id=\"1\"><w:r><w:t>new</w:t></w:r></w:ins><w:del w:id=\"2\"><w:r><w:delText>old</w:delText></w:r></w:del><w:moveFrom w:id=\"3\"><w:r><w:t>moved</w:t></w:r></w:moveFrom></w:p>")),
            X.tr(X.tc("gone"), trPr: "<w:del w:id=\"4\"/>"),
            X.tr(X.tc("last"))))
        #expect(t.layoutLines == ["0,0 1x1 keep new", "1,0 1x1 last"])
    }

    @Test func alternateContentTakesTheFallbackOnce() throws {
        let cell = "<w:tc><w:p><w:r><w:t>a</w:t></w:r><mc:AlternateContent><mc:Choice Requires=\"w14\"><w:r><w:t>CHOICE</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>b</w:t></w:r></mc:Fallback><mc:Fallback><w:r><w:t>SECOND</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p></w:tc>"
        let t = try onlyTable(X.tbl(columns: 1, "<w:tr>\(cell)</w:tr>"))
        #expect(t.layoutLines == ["0,0 1x1 ab"])
    }

    @Test func cellTextJoinsTrimmedParagraphsAndKeepsTabsAndBreaks() throws {
        let t = try onlyTable(X.tbl(columns: 1, X.tr(X.tc(
            "<w:p><w:r><w:t xml:space=\"preserve\">  one </w:t><w:tab/><w:t>two</w:t><w:br/><w:t>three  </w:t></w:r></w:p><w:p/><w:p><w:r><w:t xml:space=\"preserve\">  </w:t></w:r></w:p><w:p><w:r><w:t>four</w:t></w:r></w:p>"))))
        #expect(t.cells[0].text == "one \ttwo\nthree\nfour")
    }

    @Test func tablesWithoutRowsAreDroppedWithADiagnostic() throws {
        let document = try TestDOCX(body: "<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid></w:tbl>" + X.p("after")).read()
        #expect(document.tables.isEmpty)
        #expect(document.diagnostics.map(\.code).contains("empty-table-dropped"))
    }

    @Test func absurdSpansAreClampedToAValidGrid() throws {
        let t = try onlyTable(X.tbl(columns: 2,
            X.tr(X.tc("huge", "<w:gridSpan w:val=\"99999999999\"/>"), X.tc("b")),
            X.tr(X.tc("neg", "<w:gridSpan w:val=\"-3\"/>"), X.tc("c")),
            X.tr(X.tc("x"), X.tc("y"), trPr: "<w:gridBefore w:val=\"-1\"/>")))
        try t.validate()
        // The span is clamped to the declared grid (2), so "b" lands in a third column.
        #expect(t.layoutLines == ["0,0 1x2 huge", "0,2 1x1 b", "1,0 1x1 neg", "1,1 1x1 c", "1,2 1x1* ",
                                  "2,0 1x1 x", "2,1 1x1 y", "2,2 1x1* "])
    }
}
