import Testing
@testable import RegridKit

/// Issue 8: UTF-16 without a byte-order mark is recognised in Chinese text too, where the
/// ideographic space (U+3000) and 一 (U+4E00) put NUL bytes in the "wrong" lane, and where there
/// may be no ASCII at all; GB18030 and UTF-8 are not mistaken for it.
@Suite("UTF-16 without BOM")
struct UTF16DetectionTests {
    /// Chinese prose with no ASCII at all: no NUL pattern to go by.
    static let prose = String(repeating: "　　一、本机关依法公开政府信息，做好政府信息公开工作年度报告。二、主动公开情况：", count: 20)

    @Test(arguments: [false, true])
    func chineseWithIndentsAndTabs(bigEndian: Bool) {
        let decoded = TextDecoding.decode(HostileCorpus.utf16(String(repeating: HostileCorpus.flatSample, count: 8),
                                                              bigEndian: bigEndian))
        #expect(decoded.encoding == (bigEndian ? "utf-16be" : "utf-16le"))
        #expect(String(decoding: decoded.utf8, as: UTF8.self).contains("\t政府信息公开\n"))
    }

    @Test(arguments: [false, true])
    func chineseWithoutAnyASCII(bigEndian: Bool) {
        let decoded = TextDecoding.decode(HostileCorpus.utf16(Self.prose, bigEndian: bigEndian))
        #expect(decoded.encoding == (bigEndian ? "utf-16be" : "utf-16le"))
        #expect(String(decoding: decoded.utf8, as: UTF8.self) == Self.prose)
    }

    @Test func utf8AndASCIIAreNotUTF16() {
        #expect(TextDecoding.decode(Array(Self.prose.utf8)).encoding == "utf-8")
        let english = String(repeating: "the annual report on open government information\n\tcell\n", count: 20)
        #expect(TextDecoding.decode(Array(english.utf8)).encoding == "utf-8")
    }
}
