import Testing
@testable import RegridKit

/// Decoded templates share one array among their byte-identical figure paths (what lets
/// ``DisclosureRules`` find a figure's path by storage), and keep every path's own bytes.
@Suite struct FigurePathSharingTests {
    static func storage(_ path: [String]) -> UnsafeRawPointer? {
        path.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
    }

    @Test func equalPathsOfTheBuiltInTemplatesShareOneArray() throws {
        for template in try LayoutLibrary.builtIn() {
            let figures = template.cells.compactMap(\.figure)
            #expect(!figures.isEmpty, "\(template.id)")
            for path in figures.map(\.row) + figures.map(\.column) where !path.isEmpty {
                let first = figures.lazy.flatMap { [$0.row, $0.column] }.first { $0 == path }
                #expect(first.map(Self.storage) == Self.storage(path), "\(template.id): \(path)")
            }
            // The same template as JSONDecoder reads it, which shares nothing, is equal.
            let plain = template.cells.map(\.figure)
            #expect(template.sharingFigurePaths().cells.map(\.figure) == plain)
        }
    }

    @Test func canonicallyEquivalentSpellingsKeepTheirBytes() throws {
        let composed = "\u{E9}tat", decomposed = "e\u{301}tat"
        func cell(_ row: Int, _ column: Int, _ rowLabel: String) -> String {
            #"{"row":\#(row),"column":\#(column),"rowSpan":1,"colSpan":1,"figure":{"row":["\#(rowLabel)"],"column":["数量"]}}"#
        }
        let json = #"{"id":"x","family":"f","version":"1","table":"t","rows":3,"columns":1,"headerRows":0,"headerColumns":0,"cells":["#
            + [cell(0, 0, composed), cell(1, 0, decomposed), cell(2, 0, composed)].joined(separator: ",") + "]}"
        let template = try #require(try LayoutTemplate.decode(Array(json.utf8), origin: "x.json").first)
        let rows = template.cells.compactMap(\.figure?.row)
        #expect(rows.map { $0.map { Array($0.utf8) } } == [[Array(composed.utf8)], [Array(decomposed.utf8)], [Array(composed.utf8)]])
        #expect(Self.storage(rows[0]) == Self.storage(rows[2]))
        #expect(Self.storage(rows[0]) != Self.storage(rows[1]))
        let columns = template.cells.compactMap(\.figure?.column)
        #expect(Set(columns.map(Self.storage)).count == 1)
    }
}
