import Foundation
import Testing
@testable import RegridKit

/// The seed (`shared/seed/000_0f1794d3cae041d2.txt`, Tika 2.9.2 text of a 2020 report) against
/// the official 2019 layout of tables 三 and 四 (`spec/cn-gov-disclosure.md` §3–4).
@Suite struct FlatSeedTests {
    static func seedDocument() throws -> Document? {
        guard let dir = SharedCorpus.directory("seed") else { return nil }
        let bytes = try Data(contentsOf: dir.appendingPathComponent("000_0f1794d3cae041d2.txt"))
        return try FlatTextReader().read(bytes: Array(bytes), name: "000_0f1794d3cae041d2.txt")
    }

    typealias Slot = (row: Int, column: Int, rowSpan: Int, colSpan: Int, text: String)

    /// Compares every cell: position, spans and text, and the cell count.
    func expectGrid(_ table: Table, rows: Int, columns: Int, _ expected: [Slot]) {
        #expect(table.rows == rows)
        #expect(table.columns == columns)
        #expect(table.cells.count == expected.count)
        for (cell, e) in zip(table.cells, expected) {
            #expect(cell.row == e.row && cell.column == e.column && cell.rowSpan == e.rowSpan
                    && cell.colSpan == e.colSpan && cell.text == e.text,
                    "got [\(cell.row),\(cell.column)] \(cell.rowSpan)×\(cell.colSpan) \(cell.text), expected [\(e.row),\(e.column)] \(e.rowSpan)×\(e.colSpan) \(e.text)")
        }
        #expect(throws: Never.self) { try table.validate() }
    }

    @Test func tableThreeIsTheOfficialLayout() throws {
        guard let doc = try Self.seedDocument() else { print("skipped: ../shared absent"); return }
        #expect(doc.source.encoding == "utf-8")
        #expect(doc.tables.count == 3)
        let table = try #require(doc.tables.dropFirst().first)
        var e: [Slot] = [
            (0, 0, 3, 3, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"),
            (0, 3, 1, 7, "申请人情况"),
            (1, 3, 2, 1, "自然人"), (1, 4, 1, 5, "法人或其他组织"), (1, 9, 2, 1, "总计"),
            (2, 4, 1, 1, "商业企业"), (2, 5, 1, 1, "科研机构"), (2, 6, 1, 1, "社会公益组织"),
            (2, 7, 1, 1, "法律服务机构"), (2, 8, 1, 1, "其他"),
        ]
        func values(_ r: Int, _ v: [String] = Array(repeating: "0", count: 7)) {
            for (i, x) in v.enumerated() { e.append((r, 3 + i, 1, 1, x)) }
        }
        e.append((3, 0, 1, 3, "一、本年新收政府信息公开申请数量")); values(3, ["0", "0", "8", "0", "0", "0", "0"])
        e.append((4, 0, 1, 3, "二、上年结转政府信息公开申请数量")); values(4)
        e.append((5, 0, 20, 1, "三、本年度办理结果")); e.append((5, 1, 1, 2, "（一）予以公开")); values(5)
        e.append((6, 1, 1, 2, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")); values(6)
        let groups: [(String, [String])] = [
            ("（三）不予公开", ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
                          "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]),
            ("（四）无法提供", ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]),
            ("（五）不予处理", ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                          "5.要求行政机关确认或重新出具已获取信息"]),
        ]
        var r = 7
        for (head, items) in groups {
            for (i, item) in items.enumerated() {
                if i == 0 { e.append((r, 1, items.count, 1, head)) }
                e.append((r, 2, 1, 1, item)); values(r)
                r += 1
            }
        }
        #expect(r == 23)
        e.append((23, 1, 1, 2, "（六）其他处理")); values(23)
        e.append((24, 1, 1, 2, "（七）总计")); values(24)
        e.append((25, 0, 1, 3, "四、结转下年度继续办理")); values(25)
        expectGrid(table, rows: 26, columns: 10, e)
        #expect(table.headerRows == 3)
        let inferred = table.diagnostics.filter { $0.code == "span-inferred" }
        #expect(inferred.count == table.cells.filter { $0.rowSpan > 1 || $0.colSpan > 1 }.count)
        #expect(inferred.contains { $0.cell == [5, 0] && $0.severity == .info })
    }

    @Test func tableFourIsTheOfficialLayout() throws {
        guard let doc = try Self.seedDocument() else { print("skipped: ../shared absent"); return }
        let table = try #require(doc.tables.last)
        let results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
        var e: [Slot] = [(0, 0, 1, 5, "行政复议"), (0, 5, 1, 10, "行政诉讼")]
        for (i, x) in results.enumerated() { e.append((1, i, 2, 1, x)) }
        e.append((1, 5, 1, 5, "未经复议直接起诉"))
        e.append((1, 10, 1, 5, "复议后起诉"))
        for (i, x) in (results + results).enumerated() { e.append((2, 5 + i, 1, 1, x)) }
        for c in 0..<15 { e.append((3, c, 1, 1, "0")) }
        expectGrid(table, rows: 4, columns: 15, e)
    }

    @Test func tableTwoHasFullWidthTitlesAndAlignedValues() throws {
        guard let doc = try Self.seedDocument() else { print("skipped: ../shared absent"); return }
        let table = try #require(doc.tables.first)
        #expect(table.rows == 18 && table.columns == 4)
        for title in ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项", "第二十条第（九）项"] {
            let cell = try #require(table.cells.first { $0.text == title })
            #expect(cell.column == 0 && cell.colSpan == 4)
        }
        let header = try #require(table.cells.first { $0.text == "本年新\n制作数量" })
        #expect(header.row == 1 && header.column == 1 && header.colSpan == 1)
        // Blocks （八）/（九） have two values under a three-column value area. The repeated labels
        // 信息内容 and 上一年项目数量 keep the columns they have in the full rows above, so the
        // last value takes the remaining two columns: the official layout's 1 + 2 placement
        // (spec/cn-gov-disclosure.md §2, the layout file), header and data agreeing.
        let fee = try #require(table.cells.first { $0.text == "行政事业性收费" })
        #expect(fee.column == 0 && fee.colSpan == 1)
        let amount = try #require(table.cells.first { $0.text == "0万元" })
        #expect(amount.column == 2 && amount.colSpan == 2)
        let amountHeader = try #require(table.cells.first { $0.text == "采购总金额" })
        #expect(amountHeader.column == amount.column && amountHeader.colSpan == amount.colSpan)
    }

    @Test func proseBecomesParagraphsAndSectionHeadings() throws {
        guard let doc = try Self.seedDocument() else { print("skipped: ../shared absent"); return }
        let headings = doc.blocks.compactMap { if case .heading(let h) = $0 { return h.text } else { return nil } }
        #expect(headings == ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                             "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进措施"])
        // "1、加强组织领导。…" is numbered prose, not a heading.
        #expect(doc.blocks.contains { if case .paragraph(let p) = $0 { return p.text.hasPrefix("1、加强组织领导") } else { return false } })
    }

    @Test func noInputTextIsLost() throws {
        guard let dir = SharedCorpus.directory("seed") else { print("skipped: ../shared absent"); return }
        let text = try String(contentsOf: dir.appendingPathComponent("000_0f1794d3cae041d2.txt"), encoding: .utf8)
        let doc = try FlatTextReader().read(bytes: Array(text.utf8), name: "seed.txt")
        var output: [String: Int] = [:]
        for block in doc.blocks {
            switch block {
            case .table(let t): for c in t.cells { for line in c.text.split(separator: "\n") { output[String(line), default: 0] += 1 } }
            default: output[block.plainText, default: 0] += 1
            }
        }
        for line in text.split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            guard !t.isEmpty else { continue }
            #expect((output[t] ?? 0) > 0, "lost: \(t)")
            output[t, default: 0] -= 1
        }
    }

    @Test func writerReproducesTikaTablesAndRoundTrips() throws {
        guard let dir = SharedCorpus.directory("seed") else { print("skipped: ../shared absent"); return }
        let text = try String(contentsOf: dir.appendingPathComponent("000_0f1794d3cae041d2.txt"), encoding: .utf8)
        let doc = try FlatTextReader().read(bytes: Array(text.utf8), name: "seed.txt")
        // Each table's Tika text, cut from the seed: from its first TAB line to the table end.
        let lines = text.components(separatedBy: "\n")
        var seedTables: [String] = []
        var i = 0
        while i < lines.count {
            guard lines[i].hasPrefix("\t") else { i += 1; continue }
            var j = i
            while j + 1 < lines.count && !(lines[j].isEmpty && lines[j + 1].isEmpty) { j += 1 }
            seedTables.append(lines[i...(j + 1)].joined(separator: "\n") + "\n")
            i = j + 2
        }
        let writer = FlatTextWriter()
        #expect(doc.tables.map { writer.write($0) } == seedTables)
        for layout in [FlatTextWriter.Layout.cellPerLine, .rowPerLine] {
            let flat = FlatTextWriter(layout: layout).write(doc)
            let again = try FlatTextReader().read(bytes: Array(flat.utf8), name: "again.txt")
            #expect(again.tables.count == doc.tables.count)
            for (a, b) in zip(doc.tables, again.tables) {
                #expect(TEDS.exactlyEqual(a, b), "\(layout) round trip changed \(a.id)")
            }
        }
    }
}
