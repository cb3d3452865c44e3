import Foundation
import Testing
import RegridKit

@Suite struct LayoutTemplateTests {
    @Test func builtInTemplatesLoadAndTileTheirGrids() throws {
        let templates = try LayoutLibrary.builtIn()
        #expect(templates.map(\.id) == [
            "cn-gov-disclosure-2019/applications", "cn-gov-disclosure-2019/proactive", "cn-gov-disclosure-2019/review_litigation",
            "cn-gov-disclosure-2021/applications", "cn-gov-disclosure-2021/proactive", "cn-gov-disclosure-2021/review_litigation",
        ])
        for t in templates { try t.skeleton().validate() }
        let byID = Dictionary(uniqueKeysWithValues: templates.map { ($0.id, $0) })
        // Figure counts from spec §2–4: 2019 table 二 3·2+3·2+3·2+2+2, 2021 3·2+1+2+1; table 三 23/25 rows × 7; table 四 15.
        #expect(byID["cn-gov-disclosure-2019/proactive"]?.figureCells.count == 22)
        #expect(byID["cn-gov-disclosure-2021/proactive"]?.figureCells.count == 10)
        #expect(byID["cn-gov-disclosure-2019/applications"]?.figureCells.count == 23 * 7)
        #expect(byID["cn-gov-disclosure-2021/applications"]?.figureCells.count == 25 * 7)
        #expect(byID["cn-gov-disclosure-2019/review_litigation"]?.figureCells.count == 15)
        // 2019 table 二 blocks （八）/（九）: 1 + 2 over the width of three.
        let proactive = try #require(byID["cn-gov-disclosure-2019/proactive"])
        for row in [13, 14, 16, 17] {
            #expect(proactive.cells.filter { $0.row == row }.map(\.colSpan) == [1, 1, 2])
        }
        // 三、本年度办理结果 spans 20 rows in 2019 and 22 in 2021.
        #expect(byID["cn-gov-disclosure-2019/applications"]?.cells.first { $0.label == "三、本年度办理结果" }?.rowSpan == 20)
        #expect(byID["cn-gov-disclosure-2021/applications"]?.cells.first { $0.label == "三、本年度办理结果" }?.rowSpan == 22)
    }

    /// The templates compiled into the library (the EmbedTemplates plugin) are exactly the JSON
    /// files in `Sources/RegridKit/Layout/Templates`, read from disk: none missing, none stale.
    @Test func builtInTemplatesAreTheTemplateFiles() throws {
        let folder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/RegridKit/Layout/Templates")
        let fromDisk = try LayoutLibrary.load(directory: folder)
        let builtIn = try LayoutLibrary.builtIn()
        #expect(fromDisk.count == 6)
        #expect(builtIn == fromDisk)
    }

    /// The layout files agree with the hand-compiled reference in ../shared/spec (every header
    /// and label merge, every row and column path) wherever the reference gives them.
    @Test func templatesAgreeWithTheSharedSpec() throws {
        guard let root = SharedCorpus.root else {
            print("skipped: ../shared is not available")
            return
        }
        let data = try Data(contentsOf: root.appendingPathComponent("spec/cn-gov-disclosure-templates.json"))
        let spec = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let versions = try #require(spec["versions"] as? [String: Any])
        let templates = try LayoutLibrary.builtIn()
        for version in ["2019", "2021"] {
            let tables = try #require((versions[version] as? [String: Any])?["tables"] as? [String: Any])
            for (specName, ours) in [("table3_applications", "applications"), ("table4_review_litigation", "review_litigation")] {
                let table = try #require(tables[specName] as? [String: Any])
                let template = try #require(templates.first { $0.id == "cn-gov-disclosure-\(version)/\(ours)" })
                let merges = ((table["header_cells"] as? [[String: Any]]) ?? []) + ((table["label_merges"] as? [[String: Any]]) ?? [])
                #expect(!merges.isEmpty)
                for m in merges {
                    let cell = template.cells.first { $0.row == m["row"] as? Int && $0.column == m["col"] as? Int }
                    #expect(cell?.label == m["text"] as? String, "\(template.id) [\(m["row"] ?? ""), \(m["col"] ?? "")]")
                    #expect(cell?.rowSpan == m["rowspan"] as? Int && cell?.colSpan == m["colspan"] as? Int, "\(template.id) spans of \(m["text"] ?? "")")
                }
                let rows = (table["rows"] as? [[String: Any]]) ?? []
                let columns = (table["columns"] as? [[String: Any]]) ?? []
                for r in rows {
                    for c in columns {
                        let cell = template.cells.first { $0.row == r["grid_row"] as? Int && $0.column == c["grid_col"] as? Int }
                        #expect(cell?.figure?.row == r["path"] as? [String] && cell?.figure?.column == c["path"] as? [String],
                                "\(template.id) figure at [\(r["grid_row"] ?? ""), \(c["grid_col"] ?? "")]")
                    }
                }
                #expect(template.figureCells.count == rows.count * columns.count)
            }
            // Table 二 of 2019: the spec lists blocks with headers and rows.
            if version == "2019" {
                let blocks = try #require((tables["table2_proactive"] as? [String: Any])?["blocks"] as? [[String: Any]])
                let template = try #require(templates.first { $0.id == "cn-gov-disclosure-2019/proactive" })
                let labels = template.cells.compactMap(\.label)
                var expected: [String] = []
                for b in blocks {
                    expected.append(b["title"] as? String ?? "")
                    expected += b["header"] as? [String] ?? []
                    expected += ((b["rows"] as? [[String: Any]]) ?? []).compactMap { ($0["path"] as? [String])?.last }
                }
                #expect(labels == expected)
            }
        }
    }

    @Test(arguments: [
        ("not json", "not a layout template (invalid JSON)"),
        ("{\"id\": \"x\"}", "missing \"family\""),
        (#"{"id":"x","family":"f","version":"1","table":"t","rows":1,"columns":2,"headerRows":0,"headerColumns":0,"cells":[{"row":0,"column":0,"rowSpan":1,"colSpan":2,"label":"a"},{"row":0,"column":1,"rowSpan":1,"colSpan":1,"label":"b"}]}"#, "covered twice"),
        (#"{"id":"x","family":"f","version":"1","table":"t","rows":1,"columns":2,"headerRows":0,"headerColumns":0,"cells":[{"row":0,"column":0,"rowSpan":1,"colSpan":1,"label":"a"}]}"#, "not covered"),
        (#"{"id":"x","family":"f","version":"1","table":"t","rows":1,"columns":1,"headerRows":0,"headerColumns":0,"cells":[{"row":0,"column":0,"rowSpan":1,"colSpan":1}]}"#, "either a label or a figure"),
        (#"{"id":"x","family":"f","version":"1","table":"t","rows":999999999,"columns":99999999,"headerRows":0,"headerColumns":0,"cells":[]}"#, "unusable grid size"),
        (#"{"id":"x","family":"f","version":"1","table":"t","rows":1,"columns":1,"headerRows":0,"headerColumns":0,"normalization":["bogus"],"cells":[]}"#, "invalid value at .normalization[0]"),
    ])
    func brokenTemplatesAreRefusedWithAClearError(_ json: String, _ fragment: String) {
        do {
            _ = try LayoutTemplate.decode(Array(json.utf8), origin: "my-layout.json")
            Issue.record("accepted a broken template")
        } catch {
            #expect(error.description.contains("my-layout.json"))
            #expect(error.description.contains(fragment), "\(error.description)")
        }
    }

    @Test func aUserTemplateFileIsLoadedAndWinsItsId() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("regrid-layout-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        let json = #"[{"id":"demo/two-by-two","family":"demo","version":"1","table":"t","rows":2,"columns":2,"headerRows":1,"headerColumns":1,"cells":[{"row":0,"column":0,"rowSpan":1,"colSpan":1,"label":"项目"},{"row":0,"column":1,"rowSpan":1,"colSpan":1,"label":"数量"},{"row":1,"column":0,"rowSpan":1,"colSpan":1,"label":"甲"},{"row":1,"column":1,"rowSpan":1,"colSpan":1,"figure":{"row":["甲"],"column":["数量"]}}]}]"#
        try Data(json.utf8).write(to: url)
        let loaded = try LayoutLibrary.load(file: url)
        #expect(loaded.map(\.id) == ["demo/two-by-two"])
        let resolver = try LayoutResolver.standard(extra: loaded)
        #expect(resolver.templates.first?.id == "demo/two-by-two")
        #expect(resolver.templates.count == 7)
        let table = Table(id: "t1", rows: 2, columns: 2, cells: [
            Cell(row: 0, column: 0, text: "项目"), Cell(row: 0, column: 1, text: "数量"),
            Cell(row: 1, column: 0, text: "甲"), Cell(row: 1, column: 1, text: "3件"),
        ])
        let resolved = resolver.resolve(Document(source: Source(name: "x", kind: .docx), blocks: [.table(table)]))
        #expect(resolved.tables.first?.layout?.template == "demo/two-by-two")
        #expect(throws: RegridError.self) { try LayoutLibrary.load(file: url.appendingPathExtension("missing")) }
    }
}
