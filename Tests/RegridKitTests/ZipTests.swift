import Testing
@testable import RegridKit

@Suite("Zip layer")
struct ZipTests {
    @Test func writtenArchivesReadBack() throws {
        var writer = ZipWriter()
        writer.add("a.txt", text: "hello 你好")
        writer.add("dir/b.bin", [UInt8](repeating: 7, count: 100_000))
        let bytes = try writer.archive()
        let archive = try ZipArchive(bytes: bytes, limits: .default)
        #expect(archive.entries.map(\.name) == ["a.txt", "dir/b.bin"])
        let a = try #require(archive.entry(named: "/A.TXT"))
        #expect(String(decoding: try archive.read(a), as: UTF8.self) == "hello 你好")
        let b = try #require(archive.entry(named: "dir/b.bin"))
        #expect(try archive.read(b).count == 100_000)
        #expect(b.compressedSize < 1_000)
    }

    @Test func inflationIsCappedBeforeAndDuringReading() throws {
        var writer = ZipWriter()
        writer.add("bomb.xml", [UInt8](repeating: 0x20, count: 4 << 20))
        let archive = try ZipArchive(bytes: try writer.archive(), limits: .default)
        let entry = try #require(archive.entry(named: "bomb.xml"))
        #expect(throws: RegridError.self) { try archive.read(entry) }   // ratio far above 1000:1
        var small = ReaderLimits.default
        small.maxEntryBytes = 1 << 20
        small.maxCompressionRatio = Int.max
        let capped = try ZipArchive(bytes: try writer.archive(), limits: small)
        #expect(throws: RegridError.limitExceeded(what: "declared size of bomb.xml (4194304 bytes)", limit: 1 << 20)) {
            try capped.read(try #require(capped.entry(named: "bomb.xml")))
        }
    }

    @Test func truncatedArchivesFailClearly() throws {
        var writer = ZipWriter()
        writer.add("a.txt", text: String(repeating: "x", count: 1000))
        let bytes = try writer.archive()
        #expect(throws: RegridError.self) { try ZipArchive(bytes: Array(bytes.prefix(bytes.count / 2)), limits: .default) }
    }
}
