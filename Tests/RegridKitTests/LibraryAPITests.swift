import Foundation
import RegridFixtures
import RegridKit
import Testing

/// RegridKit as a library user calls it (the README's example): one call to read a file with the
/// layouts applied, the annual-report figures looked up by the labels the table shows, the
/// report decoded from `regrid extract`'s JSON, errors with their own message.
@Suite("RegridKit as a library")
struct LibraryAPITests {
    private static func reportFile() throws -> (path: String, truth: ReportTruth, remove: () -> Void) {
        let report = DisclosureReportGenerator(.init(layout: "2019", seed: 11, violations: [.rowTotal])).generate()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("regrid-lib-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("报告.docx").path
        try Data(try report.docx()).write(to: URL(fileURLWithPath: path))
        return (path, report.truth, { try? FileManager.default.removeItem(at: folder) })
    }

    @Test func readPathAppliesTheLayoutsAndFiguresAreFoundByTheirVisibleLabels() throws {
        let file = try Self.reportFile()
        defer { file.remove() }
        let document = try Regrid.read(path: file.path)
        #expect(document.source.name == "报告.docx")
        #expect(document.tables.filter { $0.layout != nil }.count == 3)
        let report = try Regrid.disclosureReport(of: document)
        #expect(report.layout == "2019")
        #expect(report.failures.count > 0)   // the planted row-total violation

        // By labels as a table shows them: half-width brackets, a space, the last label only.
        let granted = try #require(report.figure(.applications, row: ["(一) 予以公开"], column: ["自然人"]))
        #expect(granted.row.last == "（一）予以公开")
        #expect(granted.column.last == "自然人")
        // The same figure by its cell, as the JSON/HTML output places it.
        #expect(report.figure(inTable: granted.tableID, row: granted.cellRow, column: granted.cellColumn) == granted)
        // Its value is the number written in that cell of the document.
        let table = try #require(document.tables.first { $0.id == granted.tableID })
        let cell = try #require(table.cell(coveringRow: granted.cellRow, column: granted.cellColumn))
        #expect(granted.value == Double(cell.text.trimmingCharacters(in: .whitespaces)) ?? 0)
        // Table 二: the same column name in several sections is ambiguous alone, unique with its section.
        #expect(report.figure(.proactive, row: ["行政许可"], column: ["处理决定数量"]) != nil)
        #expect(report.figures(.proactive, row: [], column: ["上一年项目数量"]).count > 1)
        #expect(report.figure(.proactive, row: [], column: ["上一年项目数量"]) == nil)
        #expect(report.figure(.proactive, row: ["第二十条第（六）项", "行政处罚"], column: ["上一年项目数量"]) != nil)
        #expect(report.figure(row: ["no such row"], column: ["自然人"]) == nil)

        // Without layouts: the same tables as read, none matched.
        let plain = try Regrid.read(path: file.path, layouts: LayoutResolver(templates: []))
        #expect(plain.tables.allSatisfy { $0.layout == nil })
        #expect(try Regrid.resolveLayouts(plain) == document)
    }

    @Test func theReportDecodesFromExtractJSONAndRoundTrips() throws {
        let file = try Self.reportFile()
        defer { file.remove() }
        let report = try Regrid.disclosureReport(of: try Regrid.read(path: file.path))
        let json = DisclosureJSONWriter().write(report)
        let decoded = try JSONDecoder().decode(DisclosureReport.self, from: Data(json.utf8))
        var written = report
        for i in written.checks.indices { written.checks[i].inputs = [] }   // extract does not write inputs
        #expect(decoded == written)
        let again = try JSONDecoder().decode(DisclosureReport.self, from: JSONEncoder().encode(report))
        #expect(again == report)
    }

    /// The README's library example, as written there (README.md, "Use it as a library").
    @Test func theReadmeExampleRuns() throws {
        let file = try Self.reportFile()
        defer { file.remove() }
        var printed: [String] = []
        func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }
        let path = file.path

        // --- README example ---
        let document = try Regrid.read(path: path)        // DOCX, flattened text or Regrid JSON; layouts applied
        for table in document.tables {
            print(table.id, "\(table.rows)×\(table.columns)", table.layout?.template ?? "no known layout")
        }
        let report = try Regrid.disclosureReport(of: document)   // 政府信息公开工作年度报告: figures, checks
        if let granted = report.figure(.applications, row: ["（一）予以公开"], column: ["自然人"]) {
            print("予以公开 / 自然人:", granted.value ?? 0)
        }
        for check in report.failures { print(check.rule, check.message) }
        var options = WriteOptions(csv: CSVWriter.Options(shape: .tidy))
        options.statedHeaders = report.statedHeaderPaths()     // each figure under the layout's own labels
        for file in try WriterRegistry.write(document, as: .csv, options: options) {
            print(file.name, file.bytes.count, "bytes")
        }
        // --- end ---

        #expect(printed.contains { $0.hasPrefix("t2 ") && $0.hasSuffix("cn-gov-disclosure-2019/applications") })
        #expect(printed.contains { $0.hasPrefix("予以公开 / 自然人: ") })
        #expect(printed.contains { $0.hasPrefix("T3_row_total_is_sum_of_applicants") })
        #expect(printed.contains { $0.hasPrefix("报告-t2.csv ") })
    }

    @Test func errorsCarryTheirMessageAsLocalizedDescription() throws {
        #expect((RegridError.emptyInput as Error).localizedDescription == "the file is empty")
        #expect(throws: RegridError.io("no such file")) { try Regrid.read(path: "/nonexistent/report.docx") }
    }
}
