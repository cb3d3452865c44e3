import Foundation
import Testing
@testable import RegridKit

/// Hostile text for the plain-text path, run through the real `regrid convert` with time and
/// memory bounds (as the hostile corpus of `Hostile/`): text that makes the label search try
/// everywhere, numbers everywhere, one huge line, a report's text repeated, garbage, a report cut
/// in half. Every file is converted (exit 0) with nothing invented.
@Suite struct PlainTextHostileTests {
    static let report = SharedCorpus.repositoryRoot.appendingPathComponent("Tests/RegridKitTests/Fixtures/pdf-text/flat-2021-c.layout.txt")

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var make: @Sendable () throws -> [UInt8]
        /// Tables expected on known layouts, nil for any number.
        var tables: Int?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "first-characters-everywhere", make: { Array(String(repeating: "一", count: 2_000_000).utf8) }, tables: 0),
        Case(name: "label-and-numbers-one-line", make: {
            Array(String(repeating: "一、本年新收政府信息公开申请数量 1 2 3 二、上年结转政府信息公开申请数量 ", count: 60_000).utf8)
        }, tables: nil),
        Case(name: "numbers-everywhere", make: { Array(String(repeating: "1 2 3 4 5 6 7\n", count: 400_000).utf8) }, tables: 0),
        Case(name: "report-repeated-400-times", make: {
            let text = try Data(contentsOf: report)
            return Array((0..<400).reduce(into: Data()) { data, _ in data.append(text) })
        }, tables: 1_200),
        Case(name: "garbage-of-label-characters", make: {
            var rng = SystemRandomNumberGenerator()
            let alphabet = Array("一二三四五六七（）、.0123456789 规章本年新收政府信息公开申请数量予以部分不\n".unicodeScalars)
            var out = String.UnicodeScalarView()
            for _ in 0..<2_000_000 { out.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
            return Array(String(out).utf8)
        }, tables: nil),
        // Gutters everywhere: one region of 200-column lines, more grid slots than the limits
        // allow (left as paragraphs with a warning), then a long run of three-column rows.
        Case(name: "gutters-everywhere", make: {
            let wide = (0..<140).map { "x\($0 % 10)" }.joined(separator: "  ") + "\n"
            let narrow = "甲  1  2\n"
            return Array((String(repeating: wide, count: 30_000) + "\n\n\n" + String(repeating: narrow, count: 300_000)).utf8)
        }, tables: 0),
        Case(name: "report-cut-in-half", make: {
            let text = try Data(contentsOf: report)
            return Array(text.prefix(text.count / 2))
        }, tables: nil),
    ]

    @Test(arguments: cases)
    func convertsBounded(_ hostile: Case) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("regrid-plain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let input = scratch.appendingPathComponent("\(hostile.name).txt")
        try Data(try hostile.make()).write(to: input)
        let output = scratch.appendingPathComponent("out.json")
        let result = try CLIRunner.run(["convert", input.path, "-o", output.path], timeout: 120, scratch: scratch)
        #expect(result.abnormalEnd == nil, "\(hostile.name): \(result.abnormalEnd ?? "")\n\(result.standardError)")
        #expect(result.exitStatus == 0, "\(hostile.name): \(result.standardError)")
        #expect(result.peakRSSKiB < 1 << 20, "\(hostile.name): peak RSS \(result.peakRSSKiB) KiB")
        let document = try DocumentJSONReader().read(bytes: Array(try Data(contentsOf: output)), name: "out.json")
        try document.validate()
        let known = document.tables.filter { $0.layout != nil }
        if let tables = hostile.tables { #expect(known.count == tables, "\(hostile.name): tables") }
        // Nothing invented: every figure placed is a word of the input.
        let words = Set(String(decoding: try Data(contentsOf: input), as: UTF8.self).split(whereSeparator: \.isWhitespace).map(String.init))
        for table in known.prefix(50) {
            for cell in table.cells where !cell.isSynthetic && !cell.text.isEmpty {
                guard FigureText.read(cell.text) != nil, cell.row >= table.headerRows else { continue }
                #expect(words.contains(cell.text) || words.contains { cell.text.hasPrefix($0) },
                        "\(hostile.name): \(cell.text) is not in the input")
            }
        }
    }
}
