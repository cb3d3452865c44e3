import Foundation
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

    /// Every entry read whole (libdeflate) and streamed (libzip) gives the same bytes, or the
    /// same error: every part of every corpus DOCX and of every malformed one.
    @Test func wholeAndStreamedInflationAgreeOnTheCorpus() throws {
        let files = SharedCorpus.files(in: "corpus/docx", ext: "docx") + SharedCorpus.files(in: "corpus/malformed", ext: "docx")
        guard !files.isEmpty else {
            print("skipped: ../shared/corpus is absent")
            return
        }
        var compared = 0, wholeReads = 0
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: file))
            guard let whole = try? ZipArchive(bytes: bytes, limits: .default),
                  let streamed = try? ZipArchive(bytes: bytes, limits: .default, wholeInflateLimit: 0) else { continue }
            #expect(whole.entries == streamed.entries)
            for entry in whole.entries {
                #expect(Self.outcome { () throws(RegridError) in try whole.read(entry) }
                        == Self.outcome { () throws(RegridError) in try streamed.read(entry) }, "\(file.lastPathComponent) \(entry.name)")
                compared += 1
                if entry.isDeflated && entry.size <= ZipArchive.defaultWholeInflateLimit { wholeReads += 1 }
            }
        }
        #expect(compared > 500 && wholeReads > 400, "\(compared) entries compared, \(wholeReads) of them inflated whole")
    }

    /// An entry whose declared size or CRC lies, or whose data is damaged, reads exactly as it
    /// did through libzip alone: the same error, or (a size declared too long, with the right
    /// CRC) the same bytes.
    @Test func lyingEntriesFailAsWithLibzipAlone() throws {
        var writer = ZipWriter()
        let text = Array(String(repeating: "<w:t>政府信息公开</w:t>", count: 400).utf8)
        writer.add("word/document.xml", text)
        let good = try writer.archive()
        // Offsets inside the local (PK 3 4) and central (PK 1 2) headers of the one entry.
        func patched(_ change: (inout [UInt8], _ local: Int, _ central: Int) -> Void) throws -> [UInt8] {
            var bytes = good
            let local = try #require(Self.find([0x50, 0x4B, 0x03, 0x04], in: bytes))
            let central = try #require(Self.find([0x50, 0x4B, 0x01, 0x02], in: bytes))
            change(&bytes, local, central)
            return bytes
        }
        func put(_ value: UInt32, _ bytes: inout [UInt8], at offset: Int) {
            for k in 0..<4 { bytes[offset + k] = UInt8(truncatingIfNeeded: value >> (8 * k)) }
        }
        let size = UInt32(text.count)
        let cases: [(String, [UInt8])] = [
            ("size declared short", try patched { b, l, c in put(size - 10, &b, at: l + 22); put(size - 10, &b, at: c + 24) }),
            ("size declared long", try patched { b, l, c in put(size + 10, &b, at: l + 22); put(size + 10, &b, at: c + 24) }),
            ("wrong CRC", try patched { b, l, c in put(0xDEAD_BEEF, &b, at: l + 14); put(0xDEAD_BEEF, &b, at: c + 16) }),
            ("damaged data", try patched { b, l, _ in
                let data = l + 30 + Int(b[l + 26]) + Int(b[l + 27]) << 8 + Int(b[l + 28]) + Int(b[l + 29]) << 8
                for k in data + 2..<data + 12 { b[k] ^= 0x5A }
            }),
        ]
        for (what, bytes) in cases {
            let whole = try ZipArchive(bytes: bytes, limits: .default)
            let streamed = try ZipArchive(bytes: bytes, limits: .default, wholeInflateLimit: 0)
            let entry = try #require(whole.entries.first)
            let a = Self.outcome { () throws(RegridError) in try whole.read(entry) }
            #expect(a == Self.outcome { () throws(RegridError) in try streamed.read(entry) }, "\(what)")
            if what == "size declared long" {
                // libzip reads what is there when the CRC vouches for it; so does the whole path.
                #expect(a.bytes == text, "\(what)")
            } else {
                #expect(a.error != nil, "\(what): read without an error")
            }
        }
        let intact = try ZipArchive(bytes: good, limits: .default)
        #expect(try intact.read(try #require(intact.entries.first)) == text)
    }

    /// The bytes a read gave, or its error.
    struct Outcome: Equatable {
        var bytes: [UInt8]?
        var error: String?
    }

    static func outcome(_ read: () throws(RegridError) -> [UInt8]) -> Outcome {
        do throws(RegridError) {
            return Outcome(bytes: try read())
        } catch {
            return Outcome(error: error.description)
        }
    }

    static func find(_ signature: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= signature.count else { return nil }
        return (0...(bytes.count - signature.count)).first { bytes[$0..<($0 + signature.count)].elementsEqual(signature) }
    }
}
