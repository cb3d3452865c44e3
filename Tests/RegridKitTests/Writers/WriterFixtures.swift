@testable import RegridKit

/// Small documents shared by the writer tests, built cell by cell and validated.
enum WriterFixtures {
    /// A Chinese report table: a heading merged over two rows, a group heading over two columns,
    /// and a data cell merged across two columns.
    ///
    ///     | 项目 (2 rows) | 申请人情况 (2 cols) | 合计 (2 rows) |
    ///     |               | 自然人 | 法人       |               |
    ///     | 本年新收      | 12     | 3          | 15            |
    ///     | 上年结转      | 0 (2 cols)          | 0             |
    static let mergedTable = Table(id: "t1", rows: 4, columns: 4, cells: [
        Cell(row: 0, column: 0, rowSpan: 2, text: "项目"),
        Cell(row: 0, column: 1, colSpan: 2, text: "申请人情况"),
        Cell(row: 0, column: 3, rowSpan: 2, text: "合计"),
        Cell(row: 1, column: 1, text: "自然人"),
        Cell(row: 1, column: 2, text: "法人"),
        Cell(row: 2, column: 0, text: "本年新收"),
        Cell(row: 2, column: 1, text: "12"),
        Cell(row: 2, column: 2, text: "3"),
        Cell(row: 2, column: 3, text: "15"),
        Cell(row: 3, column: 0, text: "上年结转"),
        Cell(row: 3, column: 1, colSpan: 2, text: "0"),
        Cell(row: 3, column: 3, text: "0"),
    ], headerRows: 2, headerColumns: 1,
       diagnostics: [Diagnostic(.info, "span-inferred", "合计 assumed to span two rows", cell: (0, 3))])

    /// A table without spans whose texts need quoting or escaping in every format.
    static let hazardTable = Table(id: "t2", rows: 3, columns: 3, cells: [
        Cell(row: 0, column: 0, text: "name"),
        Cell(row: 0, column: 1, text: "note"),
        Cell(row: 0, column: 2, text: "amount"),
        Cell(row: 1, column: 0, text: "a,b"),
        Cell(row: 1, column: 1, text: "say \"hi\" <b>&</b> | pipe"),
        Cell(row: 1, column: 2, text: "12.50"),
        Cell(row: 2, column: 0, text: "=SUM(A1:A2)"),
        Cell(row: 2, column: 1, text: "line1\nline2"),
        Cell(row: 2, column: 2, text: "007"),
    ], headerRows: 1,
       diagnostics: [Diagnostic(.warning, "check-failed", "amount 007 is not a number", cell: (2, 2))])

    /// A document with a heading, a paragraph, both tables and a nested table.
    static var document: Document {
        let inner = Table(id: "t3.r0c1.t1", rows: 1, columns: 2, cells: [
            Cell(row: 0, column: 0, text: "内"), Cell(row: 0, column: 1, text: "表"),
        ])
        let outer = Table(id: "t3", rows: 1, columns: 2, cells: [
            Cell(row: 0, column: 0, text: "外"),
            Cell(row: 0, column: 1, text: "内\n表", blocks: [.table(inner)]),
        ])
        return Document(source: Source(name: "report.docx", kind: .docx), blocks: [
            .heading(Heading(level: 1, text: "2020年政府信息公开工作年度报告")),
            .paragraph(Paragraph(text: "根据《条例》要求，现将情况报告如下。")),
            .table(mergedTable),
            .heading(Heading(level: 2, text: "Notes & <remarks>")),
            .table(hazardTable),
            .table(outer),
        ])
    }
}
