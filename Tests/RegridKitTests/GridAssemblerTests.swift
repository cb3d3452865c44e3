import Testing
@testable import RegridKit

@Suite("Grid assembler")
struct GridAssemblerTests {
    private func assemble(_ rows: [RawRow], declared: Int? = nil) throws -> Table {
        let table = try GridAssembler().assemble(RawTable(rows: rows, declaredColumns: declared), id: "t1")
        try table.validate()
        return table
    }

    private func spans(_ t: Table) -> [String] {
        t.cells.map { "\($0.row),\($0.column) \($0.rowSpan)x\($0.colSpan) \($0.text)" }
    }

    @Test func verticalMergeChainsBecomeOneCell() throws {
        let t = try assemble([
            RawRow(cells: [RawCell(text: "A", vMerge: .restart), RawCell(text: "1")]),
            RawRow(cells: [RawCell(text: "", vMerge: .continue), RawCell(text: "2")]),
            RawRow(cells: [RawCell(text: "", vMerge: .continue), RawCell(text: "3")]),
        ])
        #expect(spans(t) == ["0,0 3x1 A", "0,1 1x1 1", "1,1 1x1 2", "2,1 1x1 3"])
        #expect(t.diagnostics.isEmpty)
    }

    @Test func horizontalSpansAndGridBeforeAfterAreFilled() throws {
        let t = try assemble([
            RawRow(cells: [RawCell(text: "wide", colSpan: 3)]),
            RawRow(cells: [RawCell(text: "x")], gridBefore: 1, gridAfter: 1),
        ], declared: 3)
        #expect(spans(t) == ["0,0 1x3 wide", "1,0 1x1 ", "1,1 1x1 x", "1,2 1x1 "])
        #expect(t.cells.filter(\.isSynthetic).count == 2)
        #expect(t.diagnostics.map(\.code) == ["grid-filled"])
    }

    @Test func continuationWithoutCellAboveIsKeptWithWarning() throws {
        let t = try assemble([
            RawRow(cells: [RawCell(text: "a"), RawCell(text: "b")]),
            RawRow(cells: [RawCell(text: "c", colSpan: 2, vMerge: .continue)]),
        ])
        #expect(spans(t) == ["0,0 1x1 a", "0,1 1x1 b", "1,0 1x2 c"])
        #expect(t.diagnostics.map(\.code) == ["vmerge-span-mismatch"])
    }

    @Test func textInAMergedAwayCellIsNotLost() throws {
        let t = try assemble([
            RawRow(cells: [RawCell(text: "top", vMerge: .restart)]),
            RawRow(cells: [RawCell(text: "hidden", vMerge: .continue)]),
        ])
        #expect(spans(t) == ["0,0 2x1 top\nhidden"])
        #expect(t.diagnostics.map(\.code) == ["merged-text-kept"])
    }

    @Test func absurdSpansAreClampedToTheDeclaredGrid() throws {
        let t = try assemble([
            RawRow(cells: [RawCell(text: "a"), RawCell(text: "b", colSpan: Int(Int32.max))]),
            RawRow(cells: [RawCell(text: "c", colSpan: -1), RawCell(text: "d"), RawCell(text: "e")]),
        ], declared: 3)
        #expect(t.columns == 3)
        #expect(spans(t) == ["0,0 1x1 a", "0,1 1x2 b", "1,0 1x1 c", "1,1 1x1 d", "1,2 1x1 e"])
        #expect(Set(t.diagnostics.map(\.code)) == ["span-clamped", "span-invalid"])
    }

    @Test func legacyHorizontalMergeWidensThePreviousCell() throws {
        let t = try assemble([
            RawRow(cells: [RawCell(text: "ab", hMerge: .restart), RawCell(text: "", hMerge: .continue), RawCell(text: "c")]),
            RawRow(cells: [RawCell(text: "1"), RawCell(text: "2"), RawCell(text: "3")]),
        ])
        #expect(spans(t) == ["0,0 1x2 ab", "0,2 1x1 c", "1,0 1x1 1", "1,1 1x1 2", "1,2 1x1 3"])
    }

    @Test func rowLimitIsEnforced() {
        var limits = ReaderLimits.default
        limits.maxTableRows = 2
        let raw = RawTable(rows: Array(repeating: RawRow(cells: [RawCell(text: "x")]), count: 3))
        #expect(throws: RegridError.limitExceeded(what: "table rows", limit: 2)) {
            try GridAssembler(limits: limits).assemble(raw, id: "t1")
        }
    }

    @Test func validateRejectsOverlapsAndHoles() {
        let overlap = Table(id: "t", rows: 1, columns: 2, cells: [
            Cell(row: 0, column: 0, colSpan: 2, text: "a"), Cell(row: 0, column: 1, text: "b"),
        ])
        #expect(throws: ModelError.self) { try overlap.validate() }
        let hole = Table(id: "t", rows: 1, columns: 2, cells: [Cell(row: 0, column: 0, text: "a")])
        #expect(throws: ModelError.invalidTable(id: "t", reason: "slot [0, 1] is not covered by any cell")) { try hole.validate() }
    }
}

@Suite("Grid canonicalization")
struct GridCanonicalizationTests {
    @Test func redundantGridColumnsAndRowsCollapse() throws {
        // 4 grid columns, but no cell boundary at column 1 or 3: the structure is 2 columns.
        let t = Table(id: "t", rows: 3, columns: 4, cells: [
            Cell(row: 0, column: 0, colSpan: 2, text: "a"), Cell(row: 0, column: 2, colSpan: 2, text: "b"),
            Cell(row: 1, column: 0, rowSpan: 2, colSpan: 2, text: "c"), Cell(row: 1, column: 2, rowSpan: 2, colSpan: 2, text: "d"),
        ], headerRows: 1, headerColumns: 2)
        let m = t.withMinimalGrid()
        try m.validate()
        #expect(m.rows == 2 && m.columns == 2)
        #expect(m.cells.map { [$0.row, $0.column, $0.rowSpan, $0.colSpan] } == [[0, 0, 1, 1], [0, 1, 1, 1], [1, 0, 1, 1], [1, 1, 1, 1]])
        #expect(m.headerRows == 1 && m.headerColumns == 1)
        #expect(m.cells.map(\.text) == ["a", "b", "c", "d"])
    }

    @Test func aMinimalGridIsLeftAlone() throws {
        let t = Table(id: "t", rows: 2, columns: 3, cells: [
            Cell(row: 0, column: 0, colSpan: 2, text: "a"), Cell(row: 0, column: 2, rowSpan: 2, text: "b"),
            Cell(row: 1, column: 0, text: "c"), Cell(row: 1, column: 1, text: "d"),
        ])
        #expect(t.withMinimalGrid() == t)
    }
}
