import Testing
@testable import RegridKit

/// The hostile-corpus generators produce what they claim, and the zip layer and format sniffing
/// hold against them when called directly.
@Suite("Hostile input: zip layer and sniffing")
struct HostileLayerTests {
    @Test(arguments: [(UInt8(0), 1_001), (UInt8(0x20), 1_002), (UInt8(11), 4_000), (UInt8(244), 3)])
    func handMadeDeflateBombInflatesToRepeatedBytes(byte: UInt8, matches: Int) throws {
        let size = ZipBytes.deflateBombSize(matches: matches)
        let expected = [UInt8](repeating: byte, count: size)
        let stream = ZipBytes.deflateBomb(matches: matches, byte: byte)
        #expect(stream.count < 20 + matches / 4)
        let bytes = ZipBytes.assemble([ZipBytes.RawEntry(name: "z.bin", method: 8, data: stream,
                                                         crc: ZipBytes.crc32(expected), declaredSize: size)])
        let archive = try ZipArchive(bytes: bytes, limits: .default)
        let entry = try #require(archive.entry(named: "z.bin"))
        #expect(entry.size == size)
        #expect(try archive.read(entry) == expected)
    }

    @Test func lyingDeclaredSizeStopsInflationAtTheDeclaredSize() throws {
        let stream = ZipBytes.deflateBomb(matches: 4_000_000)   // ~1 GB of zeros behind ~1 MB
        let bytes = ZipBytes.assemble([ZipBytes.RawEntry(name: "liar.xml", method: 8, data: stream, crc: 0,
                                                         declaredSize: 5_000)])
        let archive = try ZipArchive(bytes: bytes, limits: .default)
        let entry = try #require(archive.entry(named: "liar.xml"))
        var delivered = 0
        #expect(throws: RegridError.limitExceeded(what: "inflated bytes of liar.xml (declared 5000)", limit: 5_000)) {
            try archive.stream(entry) { chunk in delivered += chunk.count }
        }
        #expect(delivered == 0)
    }

    @Test func inflationStopsAtTheConfiguredLimitWhateverIsDeclared() throws {
        let stream = ZipBytes.deflateBomb(matches: 40_000)   // ~10 MB of zeros
        let bytes = ZipBytes.assemble([ZipBytes.RawEntry(name: "big.xml", method: 8, data: stream, crc: 0,
                                                         declaredSize: 8 << 20)])
        var limits = ReaderLimits.default
        limits.maxCompressionRatio = Int.max
        limits.maxEntryBytes = 16 << 20
        limits.maxPackageBytes = 1 << 20
        let archive = try ZipArchive(bytes: bytes, limits: limits)
        var delivered = 0
        #expect(throws: RegridError.limitExceeded(what: "inflated bytes of the package", limit: 1 << 20)) {
            try archive.stream(try #require(archive.entry(named: "big.xml"))) { chunk in delivered += chunk.count }
        }
        #expect(delivered <= 1 << 20)
    }

    @Test func patchedHeadersAreSeenByTheReader() throws {
        var bytes = try DOCXFixture.package(body: DOCXFixture.helloBody)
        ZipBytes.patchDeclaredSize(&bytes, entry: "word/document.xml", to: 12)
        ZipBytes.patchEncryptedFlag(&bytes, entry: "_rels/.rels")
        let archive = try ZipArchive(bytes: bytes, limits: .default)
        #expect(archive.entry(named: "word/document.xml")?.size == 12)
        #expect(archive.entry(named: "_rels/.rels")?.isEncrypted == true)
        #expect(archive.entry(named: "[Content_Types].xml")?.isEncrypted == false)
    }

    @Test func zipWriterEncryptsWhenGivenAPassword() throws {
        let bytes = try DOCXFixture.package(document: Array("<a/>".utf8), password: "pw")
        let archive = try ZipArchive(bytes: bytes, limits: .default)
        let entry = try #require(archive.entry(named: "word/document.xml"))
        #expect(entry.isEncrypted)
        #expect(!bytes.contains(subsequence: Array("<a/>".utf8)))
        #expect(throws: RegridError.encryptedEntry("word/document.xml")) { try archive.read(entry) }
    }

    @Test func sniffingTellsBinaryFromTextInAnyEncoding() {
        #expect(InputFormat.detect(HostileCorpus.randomBytes(count: 64 * 1024, seed: 1)) == .binary)
        #expect(InputFormat.detect(HostileCorpus.randomBytes(count: 2048, seed: 2)) == .binary)
        #expect(InputFormat.detect(HostileCorpus.randomBytes(count: 700, seed: 3)) == .text)   // too little evidence
        let chinese = String(repeating: HostileCorpus.flatSample, count: 40)
        #expect(InputFormat.detect(HostileCorpus.utf16(chinese, bigEndian: false)) == .text)
        #expect(InputFormat.detect(HostileCorpus.utf16(chinese, bigEndian: true)) == .text)
        let latin = String(repeating: "Naïve café, 12 €\n\tcell\n", count: 100)
        #expect(InputFormat.detect(HostileCorpus.utf16(latin, bigEndian: false)) == .text)
        let cyrillic = String(repeating: "Отчёт о работе\n\tячейка\n", count: 100)
        #expect(InputFormat.detect(HostileCorpus.utf16(cyrillic, bigEndian: true)) == .text)
        #expect(InputFormat.detect(Array(chinese.utf8)) == .text)
        #expect(InputFormat.detect(HostileCorpus.ole2(streams: ["WordDocument"])) == .legacyWord)
        #expect(InputFormat.detect(HostileCorpus.ole2(streams: ["EncryptionInfo", "EncryptedPackage"])) == .encryptedOOXML)
    }

    @Test func oversizedTextIsRefusedBeforeReading() {
        var options = ReadOptions()
        options.limits.maxTextBytes = 1_000
        let text = [UInt8](repeating: UInt8(ascii: "x"), count: 1_001)
        #expect(throws: RegridError.limitExceeded(what: "text input size (1001 bytes)", limit: 1_000)) {
            try Regrid.read(bytes: text, name: "big.txt", options: options)
        }
    }
}

extension Array where Element == UInt8 {
    func contains(subsequence needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        return (0...(count - needle.count)).contains { self[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
