import Foundation
import Testing
@testable import RegridKit

/// The byte-level fast paths of the flat reader against the standard library's own answers.
@Suite struct ByteLevelTests {
    /// Reference: the offset where Swift's decoder first repairs, found by decoding prefixes.
    static func referenceFirstInvalid(_ bytes: [UInt8]) -> Int? {
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        // The first offset i such that bytes[..<i] is valid but no valid sequence starts at i.
        var i = 0
        while i < bytes.count {
            var ok = false
            for len in 1...4 where i + len <= bytes.count {
                if String(validating: bytes[i..<(i + len)], as: UTF8.self)?.unicodeScalars.count == 1 { i += len; ok = true; break }
            }
            if !ok { return i }
        }
        return nil
    }

    @Test(arguments: [
        ("ascii", Array("plain ASCII text that is longer than eight bytes".utf8)),
        ("chinese", Array("政府信息公开工作年度报告\t本年新制作数量\n".utf8)),
        ("truncated at end", Array("abcdefgh政".utf8).dropLast()),
        ("overlong slash", Array("abcdefghij".utf8) + [0xC0, 0xAF]),
        ("surrogate", Array("12345678".utf8) + [0xED, 0xA0, 0x80] + Array("x".utf8)),
        ("above U+10FFFF", Array("a".utf8) + [0xF4, 0x90, 0x80, 0x80]),
        ("lone continuation after ASCII run", Array("0123456789abcdef".utf8) + [0x80] + Array("0123456".utf8)),
        ("GBK bytes", [0xD5, 0xFE, 0xB8, 0xAE, 0xD0, 0xC5, 0xCF, 0xA2]),
        ("four-byte emoji", Array("ok 😀 ok 😀 and more ASCII".utf8)),
    ] as [(String, [UInt8])])
    func utf8ValidationAgreesWithTheStandardLibrary(_ name: String, _ bytes: [UInt8]) {
        #expect(TextDecoding.firstInvalidUTF8(bytes) == Self.referenceFirstInvalid(bytes), "\(name)")
    }

    @Test func randomBytesAgreeWithTheStandardLibrary() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x41, 0x7F, 0x80, 0xBF, 0xC2, 0xDF, 0xE0, 0xE4, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x90]
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? 0x41 }
            #expect(TextDecoding.firstInvalidUTF8(bytes) == Self.referenceFirstInvalid(bytes), "\(bytes)")
        }
    }

    @Test func byteSearchFindsBytesInStringsAndArrays() {
        #expect(ByteSearch.contains(UInt8(ascii: "|"), in: "a |X| b"))
        #expect(!ByteSearch.contains(UInt8(ascii: "|"), in: "政府信息公开"))
        #expect(!ByteSearch.contains(UInt8(ascii: "|"), in: ""))
        #expect(ByteSearch.contains(0x0D, in: Array("line\r\n".utf8)))
        #expect(!ByteSearch.contains(0, in: [UInt8]()))
    }

    @Test func backgroundDigestEqualsTheDirectDigestOnBothPaths() {
        let small = Array("表三\t申请人情况\n".utf8)
        #expect(BackgroundDigest(small).value() == SHA256.hex(small))
        let large = (0..<(BackgroundDigest.threshold + 12_345)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        let digest = BackgroundDigest(large)
        #expect(digest.value() == SHA256.hex(large))
        #expect(digest.value() == digest.value())
        #expect(BackgroundDigest(large, known: "given").value() == "given")
    }
}
