import Foundation
import CoreFoundation
import Testing
@testable import RegridKit

/// Flattened text in the Chinese encodings archives hold, without a byte-order mark or a label:
/// GBK/GB18030 (mainland, simplified or traditional characters) and Big5 (Taiwan, Hong Kong).
/// Each must read back exactly as its UTF-8 original does, with the guess said in a note.
@Suite("Chinese text encodings")
struct ChineseEncodingTests {
    static let gb = String.Encoding(rawValue: CFStringConvertEncodingToNSStringEncoding(0x0632))
    static let big5 = String.Encoding(rawValue: CFStringConvertEncodingToNSStringEncoding(0x0A03))

    /// A traditional-Chinese statistics table in Tika's cell-per-line shape, as a Taiwanese
    /// agency's disclosure report would be flattened.
    static let traditional = """
        臺北市政府資訊公開年度報告

        \t項目
        \t申請件數
        \t處理完畢
        \t備註

        \t一、本年新收政府資訊公開申請
        \t125
        \t118
        \t含補正後受理者

        \t二、上年結轉
        \t7
        \t7
        \t

        \t三、不予公開（涉及國家機密、個人隱私）
        \t12
        \t12
        \t依法說明理由

        \t合計
        \t144
        \t137
        \t


        以上數據由本府研究發展考核委員會彙整。

        """

    func read(_ bytes: [UInt8]) throws -> Document {
        let doc = try FlatTextReader().read(bytes: bytes, name: "in.txt")
        try doc.validate()
        return doc
    }

    func texts(_ doc: Document) -> [String] {
        doc.blocks.map(\.plainText) + doc.tables.flatMap { $0.cells.map(\.text) }
    }

    @Test func big5TextIsReadAsBig5() throws {
        let bytes = try #require(Self.traditional.data(using: Self.big5).map { Array($0) })
        #expect(TextDecoding.firstInvalidUTF8(bytes) != nil)
        // Big5 pairs are also well-formed GB18030: without the Big5 test they read as nonsense.
        #expect(TextDecoding.isGB18030(bytes))
        let doc = try read(bytes)
        let original = try read(Array(Self.traditional.utf8))
        #expect(doc.source.encoding == "big5")
        #expect(texts(doc) == texts(original))
        #expect(doc.tables.first?.cells.contains { $0.text == "三、不予公開（涉及國家機密、個人隱私）" } == true)
        #expect(doc.diagnostics.contains { $0.code == "encoding-guessed" && $0.message.contains("Big5") })
        #expect(!doc.diagnostics.contains { $0.severity == .warning })
    }

    /// GBK holds traditional characters too (mostly with lead bytes 0x81–0xA0, which Big5 text
    /// hardly uses): such text stays GBK.
    @Test func traditionalTextInGBKStaysGBK() throws {
        let bytes = try #require(Self.traditional.data(using: Self.gb).map { Array($0) })
        let doc = try read(bytes)
        #expect(doc.source.encoding == "gb18030")
        #expect(texts(doc) == texts(try read(Array(Self.traditional.utf8))))
    }

    /// The real report in ../shared/seed, saved as GBK (as Windows Notepad and many mainland
    /// archives save it), reads exactly as its UTF-8 original.
    @Test func theSeedInGBKReadsAsItsUTF8() throws {
        guard let seed = SharedCorpus.files(in: "seed", ext: "txt").first else {
            print("skipped: ../shared/seed is absent")
            return
        }
        let utf8 = try Array(Data(contentsOf: seed))
        let text = String(decoding: utf8, as: UTF8.self)
        let bytes = try #require(text.data(using: Self.gb).map { Array($0) })
        #expect(!TextDecoding.isLikelyBig5(bytes))
        let doc = try read(bytes)
        #expect(doc.source.encoding == "gb18030")
        let original = try read(utf8)
        #expect(texts(doc) == texts(original))
        #expect(doc.tables.count == original.tables.count && doc.tables.count > 0)
        #expect(doc.diagnostics.contains { $0.code == "encoding-guessed" && $0.message.contains("GB18030") })
    }

    /// A given encoding replaces detection (and a page's declared charset); bytes it cannot
    /// decode are refused with the reason, not read as U+FFFD.
    @Test func aGivenEncodingWins() throws {
        let big5 = try #require(TextEncoding(name: "Big5"))
        #expect(TextEncoding(name: "klingon") == nil)
        let bytes = try #require(Self.traditional.data(using: Self.big5).map { Array($0) })
        let options = ReadOptions(encoding: big5)
        let doc = try Regrid.read(bytes: bytes, name: "t.txt", options: options)
        #expect(doc.source.encoding == "big5")
        #expect(doc.diagnostics.contains { $0.code == "encoding-given" })
        #expect(texts(doc) == texts(try read(Array(Self.traditional.utf8))))

        // A page that declares UTF-8 but was saved as GBK, read with the encoding given.
        let page = "<html><head><meta charset=\"utf-8\"></head><body><table><tr><td>行政复议</td><td>3</td></tr></table></body></html>"
        let gbk = try #require(page.data(using: Self.gb).map { Array($0) })
        let html = try Regrid.read(bytes: gbk, name: "p.html", options: ReadOptions(encoding: TextEncoding(name: "gbk")))
        #expect(html.source.encoding == "gbk")
        #expect(html.tables.first?.cells.map(\.text) == ["行政复议", "3"])

        // A lead byte followed by a digit is no Big5 pair (GB18030 four-byte sequences look so).
        #expect(throws: RegridError.self) {
            try Regrid.read(bytes: Array("\t行政\n\t".utf8) + [0x81, 0x30, 0x81, 0x30, 0x0A, 0x0A, 0x0A], name: "u.txt", options: options)
        }
    }
}
