import Foundation
import Testing
@testable import RegridKit

/// The strict template reader must read exactly what JSONDecoder reads, or step aside (nil).
@Suite struct TemplateJSONReaderTests {
    static let templatesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/RegridKit/Layout/Templates")

    @Test func builtInTemplatesReadTheSameAsWithJSONDecoder() throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: Self.templatesFolder.path).filter { $0.hasSuffix(".json") }
        #expect(files.count == 6)
        for file in files {
            let bytes = Array(try Data(contentsOf: Self.templatesFolder.appendingPathComponent(file)))
            let plain = try #require(TemplateJSONReader.templates(bytes), "\(file)")
            #expect(plain == (try LayoutTemplate.decodeWithJSONDecoder(bytes, origin: file)), "\(file)")
        }
    }

    static let cell = #"{"row":0,"column":0,"rowSpan":1,"colSpan":1,"label":"项目"}"#
    static func template(_ extra: String = "", cell: String = cell) -> String {
        #"{"id":"x","family":"f","version":"1","table":"t","rows":1,"columns":1,"headerRows":0,"headerColumns":0,"cells":["#
            + cell + "]" + extra + "}"
    }

    @Test(arguments: [
        template(),
        "[" + template() + "," + template() + "]",
        "  \n" + template() + "\t\r\n",
        template(#","title":null,"markers":["甲","\u4e59\n\"\\\/"]"#),
        template(cell: #"{"row":0,"column":0,"rowSpan":1,"colSpan":1,"label":"a","variants":[],"anyText":false,"figure":{"row":[],"column":["b"]}}"#),
        template(#","normalization":["width","notes"]"#),
        template(#","rows":-0"#.replacingOccurrences(of: #","rows":-0"#, with: "")),
        "[]",
    ])
    func plainTemplatesAreReadAsJSONDecoderReadsThem(_ json: String) throws {
        let plain = try #require(TemplateJSONReader.templates(Array(json.utf8)))
        #expect(plain == (try LayoutTemplate.decodeWithJSONDecoder(Array(json.utf8), origin: "t.json")))
    }

    @Test(arguments: [
        template(#","unknown":1"#),                                   // a key the type does not have
        template(#","id":"y""#),                                      // a repeated key
        template(cell: #"{"row":0.0,"column":0,"rowSpan":1,"colSpan":1,"label":"a"}"#),
        template(cell: #"{"row":1e0,"column":0,"rowSpan":1,"colSpan":1,"label":"a"}"#),
        template(cell: #"{"row":01,"column":0,"rowSpan":1,"colSpan":1,"label":"a"}"#),
        template(cell: #"{"row":0,"column":0,"colSpan":1,"label":"a"}"#),       // rowSpan missing
        template(cell: #"{"row":0,"column":0,"rowSpan":null,"colSpan":1,"label":"a"}"#),
        template(cell: #"{"row":0,"column":0,"rowSpan":1,"colSpan":1,"label":"\ud83d\ude00"}"#),   // a surrogate pair
        template(cell: #"{"row":0,"column":0,"rowSpan":1,"colSpan":1,"label":"\ud800"}"#),
        template(cell: #"{"row":0,"column":0,"rowSpan":1,"colSpan":1,"label":"a\u0001"}"#.replacingOccurrences(of: "\\u0001", with: "\u{01}")),
        template(#","normalization":["bogus"]"#),
        template(#","rows":99999999999999999999"#),
        "\u{FEFF}" + template(),
        template() + " x",
        "\"template\"",
        "[1]",
        "not json",
        "",
    ])
    func anythingElseIsLeftToJSONDecoder(_ json: String) {
        #expect(TemplateJSONReader.templates(Array(json.utf8)) == nil)
    }

    @Test func invalidUTF8IsLeftToJSONDecoder() {
        var bytes = Array(Self.template().utf8)
        let label = bytes.firstIndex(of: 0xE9) ?? 0   // inside "项目"
        bytes[label] = 0xFF
        #expect(TemplateJSONReader.templates(bytes) == nil)
    }
}
