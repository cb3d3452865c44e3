import Foundation
@testable import RegridKit
import Testing

/// Zip entry names as zip tools on Chinese Windows write them: GBK bytes without the UTF-8 flag.
@Suite("Zip entry name encodings")
struct ZipNameEncodingTests {
    /// `2020年报告/广州市政府.docx` in GBK (what CP437 shows as `2020─Ω▒¿╕µ/╣π╓▌╩╨╒■╕«.docx`).
    static let gbkName: [UInt8] = [0x32, 0x30, 0x32, 0x30, 0xC4, 0xEA, 0xB1, 0xA8, 0xB8, 0xE6, 0x2F, 0xB9, 0xE3, 0xD6,
                                   0xDD, 0xCA, 0xD0, 0xD5, 0xFE, 0xB8, 0xAE, 0x2E, 0x64, 0x6F, 0x63, 0x78]
    /// `café.docx` in CP437 (é = 0x82): neither UTF-8 nor GB18030.
    static let cp437Name: [UInt8] = [0x63, 0x61, 0x66, 0x82, 0x2E, 0x64, 0x6F, 0x63, 0x78]

    /// An archive of three documents: a GBK name and a CP437 name without the flag, a flagged UTF-8 name.
    static func archive() -> [UInt8] {
        ZipBytes.assemble([
            ZipBytes.RawEntry(name: "gbk", method: 0, data: Array("one".utf8), crc: ZipBytes.crc32(Array("one".utf8)),
                              declaredSize: 3, nameBytes: gbkName, utf8Flag: false),
            ZipBytes.RawEntry(name: "cp437", method: 0, data: Array("two".utf8), crc: ZipBytes.crc32(Array("two".utf8)),
                              declaredSize: 3, nameBytes: cp437Name, utf8Flag: false),
            .stored("2021年/年报.docx", Array("three".utf8)),
        ])
    }

    func names(_ encoding: ZipNameEncoding) throws -> [String] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("regrid-names-\(UUID().uuidString).zip").path
        try Data(Self.archive()).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let archive = try DocumentArchive(path: path, nameEncoding: encoding)
        // Every entry is read back under its decoded name.
        #expect(try archive.documentEntries.map { String(decoding: try archive.read($0), as: UTF8.self) } == ["one", "two", "three"])
        return archive.documentEntries.map(\.name)
    }

    @Test func gbkNamesWithoutTheFlagAreDecoded() throws {
        #expect(try names(.automatic) == ["2020年报告/广州市政府.docx", "café.docx", "2021年/年报.docx"])
        #expect(try names(.gb18030)[0] == "2020年报告/广州市政府.docx")
    }

    @Test func forcedEncodingsApplyOnlyToNamesWithoutTheFlag() throws {
        // CP437 as the zip specification says (what libzip's guess gave before): the mojibake of the issue.
        #expect(try names(.cp437) == ["2020─Ω▒¿╕µ/╣π╓▌╩╨╒■╕«.docx", "café.docx", "2021年/年报.docx"])
        let utf8 = try names(.utf8)
        #expect(utf8[0].contains("\u{FFFD}") && utf8[2] == "2021年/年报.docx")
    }

    @Test func decodingRules() {
        let ascii = Array("a/b.docx".utf8)
        for encoding in ZipNameEncoding.allCases {
            #expect(encoding.decode(raw: ascii, flaggedUTF8: false, cp437: "wrong") == "a/b.docx")
            #expect(encoding.decode(raw: Array("报告.docx".utf8), flaggedUTF8: true, cp437: "wrong") == "报告.docx")
        }
        // Valid UTF-8 without the flag (some macOS and Linux tools) stays UTF-8 in automatic mode.
        #expect(ZipNameEncoding.automatic.decode(raw: Array("报告.docx".utf8), flaggedUTF8: false, cp437: "wrong") == "报告.docx")
        #expect(ZipNameEncoding(rawValue: "auto") == .automatic && ZipNameEncoding(rawValue: "gb18030") == .gb18030)
    }
}
