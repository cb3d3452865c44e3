import Testing
@testable import RegridKit

/// ``XMLStreamReader`` makes strings of libxml2's text and attribute values without checking
/// their UTF-8 again, trusting libxml2 to refuse malformed input: these tests feed it broken UTF-8
/// (malformed, overlong, surrogates, past U+10FFFF, truncated) in text and attribute values, at
/// the start, after Chinese text and past the reader's 64 KiB chunks, and a UTF-16 part with a
/// lone surrogate, and expect every one refused as malformed, never read.
@Suite struct XMLStreamReaderUTF8Tests {
    static let broken: [(String, [UInt8])] = [
        ("stray continuation byte", [0x80]),
        ("0xFF", [0xFF]),
        ("lead byte without continuation", [0xC3, 0x28]),
        ("overlong NUL", [0xC0, 0x80]),
        ("overlong three-byte", [0xE0, 0x80, 0xAF]),
        ("surrogate", [0xED, 0xA0, 0x80]),
        ("past U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
        ("truncated CJK", [0xE4, 0xB8]),
    ]

    /// A package whose body is one paragraph: `before`, the `bytes`, `after` as its text, and the
    /// `bytes` in its style id when `inAttribute`.
    static func package(before: String, _ bytes: [UInt8], after: String, inAttribute: Bool = false) throws -> [UInt8] {
        let head = Array(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:pPr><w:pStyle w:val="a"#.utf8)
        let style = inAttribute ? bytes : []
        let middle = Array(#""/></w:pPr><w:r><w:t>"#.utf8) + Array(before.utf8) + (inAttribute ? [] : bytes) + Array(after.utf8)
        let tail = Array("</w:t></w:r></w:p></w:body></w:document>".utf8)
        return try DOCXFixture.package(document: head + style + middle + tail)
    }

    static let longText = String(repeating: "本年新收政府信息公开申请数量", count: 2_000)   // 84,000 bytes

    @Test(arguments: broken.indices)
    func brokenUTF8IsRefused(_ index: Int) throws {
        let (name, bytes) = Self.broken[index]
        for (place, before) in [("at the start", ""), ("after Chinese", "申请人情况"), ("past a chunk", Self.longText)] {
            let package = try Self.package(before: before, bytes, after: "总计")
            #expect(throws: RegridError.self, "\(name) \(place)") { try Regrid.read(bytes: package, name: "broken.docx") }
        }
        let attribute = try Self.package(before: "", bytes, after: "总计", inAttribute: true)
        #expect(throws: RegridError.self, "\(name) in an attribute") { try Regrid.read(bytes: attribute, name: "broken.docx") }
    }

    @Test func validTextReadsBackExactly() throws {
        for before in ["", "申请人情况", Self.longText] {
            let package = try Self.package(before: before, Array("（七）总计𠀀".utf8), after: "é")
            let document = try Regrid.read(bytes: package, name: "valid.docx")
            #expect(document.blocks.map(\.plainText) == [before + "（七）总计𠀀é"])
        }
    }

    @Test func loneSurrogateInUTF16IsRefused() throws {
        func utf16(_ units: [UInt16]) -> [UInt8] { [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
        let xml = #"<?xml version="1.0" encoding="UTF-16"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>"#
        let tail = "</w:t></w:r></w:p></w:body></w:document>"
        let good = utf16(Array((xml + "申请").utf16) + Array(tail.utf16))
        #expect(try Regrid.read(bytes: DOCXFixture.package(document: good), name: "u16.docx").blocks.map(\.plainText) == ["申请"])
        for lone: [UInt16] in [[0xDC00], [0xD800], [0xD800, 0x0041]] {
            let bad = utf16(Array((xml + "申请").utf16) + lone + Array(tail.utf16))
            #expect(throws: RegridError.self, "\(lone)") { try Regrid.read(bytes: DOCXFixture.package(document: bad), name: "u16.docx") }
        }
    }
}
