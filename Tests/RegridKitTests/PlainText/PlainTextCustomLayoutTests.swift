import Foundation
import Testing
@testable import RegridKit

/// `--layout FILE` templates reach the reader of text without table structure: a table of a
/// user's own layout is recovered from text on that layout, not only guessed from gutters.
@Suite struct PlainTextCustomLayoutTests {
    static let template = """
        {"id": "custom/fees", "family": "custom", "version": "1", "table": "fees",
         "rows": 4, "columns": 3, "headerRows": 1, "headerColumns": 1,
         "normalization": ["width", "whitespace", "quotes", "enumerators", "notes"],
         "cells": [
          {"row": 0, "column": 0, "rowSpan": 1, "colSpan": 1, "label": "项目"},
          {"row": 0, "column": 1, "rowSpan": 1, "colSpan": 1, "label": "件数"},
          {"row": 0, "column": 2, "rowSpan": 1, "colSpan": 1, "label": "金额"},
          {"row": 1, "column": 0, "rowSpan": 1, "colSpan": 1, "label": "甲类行政事业性收费"},
          {"row": 1, "column": 1, "rowSpan": 1, "colSpan": 1, "figure": {"row": ["甲类行政事业性收费"], "column": ["件数"]}},
          {"row": 1, "column": 2, "rowSpan": 1, "colSpan": 1, "figure": {"row": ["甲类行政事业性收费"], "column": ["金额"]}},
          {"row": 2, "column": 0, "rowSpan": 1, "colSpan": 1, "label": "乙类行政事业性收费"},
          {"row": 2, "column": 1, "rowSpan": 1, "colSpan": 1, "figure": {"row": ["乙类行政事业性收费"], "column": ["件数"]}},
          {"row": 2, "column": 2, "rowSpan": 1, "colSpan": 1, "figure": {"row": ["乙类行政事业性收费"], "column": ["金额"]}},
          {"row": 3, "column": 0, "rowSpan": 1, "colSpan": 1, "label": "丙类行政事业性收费"},
          {"row": 3, "column": 1, "rowSpan": 1, "colSpan": 1, "figure": {"row": ["丙类行政事业性收费"], "column": ["件数"]}},
          {"row": 3, "column": 2, "rowSpan": 1, "colSpan": 1, "figure": {"row": ["丙类行政事业性收费"], "column": ["金额"]}}
         ]}
        """

    /// Tika-like text (labels broken over lines, figures one space apart) and `-layout`-like text.
    static let texts = [
        "收费情况\n项目 件数 金额\n甲类行政事业\n性收费 12 3400\n乙类行政事业性收费 5 800\n丙类行政事业\n性收费 0 0\n",
        "收费情况\n\n项目                 件数      金额\n甲类行政事业性收费      12      3400\n乙类行政事业性收费       5       800\n丙类行政事业性收费       0         0\n",
    ]

    static func templateFile() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("regrid-custom-fees-\(UUID().uuidString).json")
        try Data(template.utf8).write(to: url)
        return url
    }

    @Test(arguments: texts)
    func customTemplateRecoveredFromText(_ text: String) throws {
        let file = try Self.templateFile()
        defer { try? FileManager.default.removeItem(at: file) }
        let resolver = try LayoutResolver.standard(extra: try LayoutLibrary.load(file: file))
        let textFile = file.deletingPathExtension().appendingPathExtension("txt")
        try Data(text.utf8).write(to: textFile)
        defer { try? FileManager.default.removeItem(at: textFile) }

        // What `regrid convert --layout FILE` does: the resolver's templates reach the reader.
        let document = try Regrid.read(path: textFile.path, layouts: resolver)
        try document.validate()
        let table = try #require(document.tables.first)
        #expect(table.layout?.template == "custom/fees")
        #expect(table.diagnostics.contains { $0.code == "layout-from-text" })
        let figures = table.cells.filter { $0.column > 0 && $0.row > 0 }.map(\.text)
        #expect(figures == ["12", "3400", "5", "800", "0", "0"])

        // Without it, the built-in layouts know nothing of this table.
        let builtIn = try Regrid.read(bytes: Array(text.utf8), name: "t.txt")
        #expect(builtIn.tables.allSatisfy { $0.layout?.template != "custom/fees" })
    }
}
