import Testing
import Foundation
@testable import RegridKit

/// What a hostile file must lead to when `regrid convert` runs on it.
enum HostileOutcome: Sendable {
    /// Exit status 1 and `regrid: PATH: MESSAGE` on standard error, MESSAGE containing every fragment.
    case refused([String])
    /// Exit status 0 and a document that passes the check (which uses `#expect`).
    case converted(@Sendable (Document) -> Void)
    /// Either of the two: for inputs where refusing and reading with diagnostics are both sound
    /// (bad bytes in flattened text). No crash, no hang and bounded memory are still required.
    case convertedOrRefused([String], @Sendable (Document) -> Void)
}

/// Which reader a case exercises beyond the format sniffing, zip and XML layers.
enum HostileReader: Sendable {
    /// Sniffing, the zip layer and the XML layer only.
    case layers
    /// The DOCX body and table reader (issue 2).
    case docx
    /// The flattened-text reader (issue 3).
    case flatText
}

/// What a case may use when building its file.
struct HostileContext: Sendable {
    /// A loopback port nobody may connect to (see ``NetworkCanary``).
    var canaryPort: Int
    /// A local file whose content must never show up in any output.
    var secretPath: String
    /// The marker inside the secret file.
    var secretMarker: String
}

/// One file of the hostile corpus: built at test time, never committed.
struct HostileCase: Sendable, CustomTestStringConvertible {
    /// File name to write (the extension is what a user would see; Regrid ignores it).
    var file: String
    /// Extra `regrid convert` flags.
    var flags: [String] = []
    var reader: HostileReader = .layers
    var outcome: HostileOutcome
    /// Seconds before the child is killed and the case fails.
    var timeout: Int = 60
    var make: @Sendable (HostileContext) throws -> [UInt8]

    var testDescription: String { file }
}

/// The hostile corpus of issue 8. Every generator is deterministic and cheap: the largest file
/// written is ~4 MiB (the 4 GB zip bomb), the slowest ~60 MB of repetitive XML to deflate.
enum HostileCorpus {
    static let all: [HostileCase] = layerCases + docxCases + flatCases

    static func cases(for reader: HostileReader) -> [HostileCase] {
        all.filter {
            switch ($0.reader, reader) {
            case (.layers, .layers), (.docx, .docx), (.flatText, .flatText): return true
            default: return false
            }
        }
    }

    // MARK: format sniffing, zip layer, XML layer

    static let layerCases: [HostileCase] = [
        HostileCase(file: "empty.docx", outcome: .refused(["the file is empty"])) { _ in [] },

        HostileCase(file: "random-bytes.docx",
                    outcome: .refused(["unsupported format: binary data with no known document signature"])) { _ in
            randomBytes(count: 64 * 1024, seed: 8)
        },

        HostileCase(file: "truncated.docx",
                    outcome: .refused(["not a readable zip archive", "the file is truncated or corrupt"])) { _ in
            let whole = try DOCXFixture.package(body: String(repeating: DOCXFixture.helloBody, count: 50))
            return Array(whole.prefix(whole.count * 6 / 10))
        },

        HostileCase(file: "corrupt-central-directory.docx",
                    outcome: .refused(["not a readable zip archive"])) { _ in
            var bytes = try DOCXFixture.package(body: DOCXFixture.helloBody)
            guard let eocd = ZipBytes.endOfCentralDirectory(bytes) else { throw HostileCorpusError.unexpectedLayout }
            // The directory offset now points 7 bytes into the first entry's data.
            ZipBytes.write32(&bytes, eocd + 16, 37)
            return bytes
        },

        HostileCase(file: "corrupt-central-entry.docx",
                    outcome: .refused(["not a readable zip archive", "word/document.xml"])) { _ in
            var bytes = try DOCXFixture.package(body: DOCXFixture.helloBody)
            guard let entry = ZipBytes.layout(bytes).first(where: { $0.name == "word/document.xml" }) else {
                throw HostileCorpusError.unexpectedLayout
            }
            // The central record of word/document.xml points at no local header.
            ZipBytes.write32(&bytes, entry.centralHeader + 42, 3)
            return bytes
        },

        HostileCase(file: "bomb-4gb.docx",
                    outcome: .refused(["declared size of word/document.xml (4128000001 bytes): beyond the limit of 1073741824"])) { _ in
            bombPackage(declaredSize: ZipBytes.deflateBombSize(matches: bombMatches))
        },

        HostileCase(file: "bomb-4gb-ratio.docx", flags: ["--max-entry-mb", "8192"],
                    outcome: .refused(["compression ratio of word/document.xml", "a zip bomb?"])) { _ in
            bombPackage(declaredSize: ZipBytes.deflateBombSize(matches: bombMatches))
        },

        // Inflates to 4 GB of spaces (blank before the root element: the XML parser keeps asking
        // for more), while both headers declare 10 000 bytes.
        HostileCase(file: "bomb-lying-size.docx",
                    outcome: .refused(["inflated bytes of word/document.xml (declared 10000): beyond the limit of 10000"])) { _ in
            DOCXFixture.package(rawDocument: ZipBytes.RawEntry(
                name: "word/document.xml", method: 8, data: ZipBytes.deflateBomb(matches: bombMatches, byte: 0x20),
                crc: 0, declaredSize: 10_000))
        },

        HostileCase(file: "bomb-50mb-small-limit.docx", flags: ["--max-entry-mb", "1"],
                    outcome: .refused(["declared size of word/document.xml (51600001 bytes): beyond the limit of 1048576"])) { _ in
            let stream = ZipBytes.deflateBomb(matches: 200_000)
            return DOCXFixture.package(rawDocument: ZipBytes.RawEntry(
                name: "word/document.xml", method: 8, data: stream, crc: 0,
                declaredSize: ZipBytes.deflateBombSize(matches: 200_000)))
        },

        HostileCase(file: "nested-42.zip", outcome: .refused(["zip archive holding", "regrid batch"])) { _ in
            try nestedZip(levels: 6)
        },

        HostileCase(file: "bomb-as-embedding.docx", outcome: .converted({ document in
            #expect(document.blocks.isEmpty == false)
        })) { _ in
            try DOCXFixture.package(document: Array(DOCXFixture.documentXML(body: DOCXFixture.helloBody).utf8),
                                    extra: [("word/embeddings/oleObject1.zip", try nestedZip(levels: 6)),
                                            ("word/media/image1.bin", bombPackage(declaredSize: ZipBytes.deflateBombSize(matches: bombMatches)))])
        },

        HostileCase(file: "encrypted-aes.docx",
                    outcome: .refused(["the zip entry word/document.xml is encrypted"])) { _ in
            try DOCXFixture.package(document: Array(DOCXFixture.documentXML(body: DOCXFixture.helloBody).utf8),
                                    password: "secret")
        },

        HostileCase(file: "encrypted-flag.docx",
                    outcome: .refused(["the zip entry word/document.xml is encrypted"])) { _ in
            var bytes = try DOCXFixture.package(body: DOCXFixture.helloBody)
            ZipBytes.patchEncryptedFlag(&bytes, entry: "word/document.xml")
            return bytes
        },

        HostileCase(file: "password-protected.docx", outcome: .refused(["the document is password-protected"])) { _ in
            ole2(streams: ["EncryptionInfo", "EncryptedPackage"])
        },

        HostileCase(file: "legacy.docx", outcome: .refused(["a damaged Word 97-2003 file"])) { _ in
            ole2(streams: ["WordDocument", "1Table", "\u{05}SummaryInformation"])
        },

        HostileCase(file: "legacy.doc", outcome: .refused(["a damaged Word 97-2003 file"])) { _ in
            ole2(streams: ["WordDocument", "0Table"])
        },

        HostileCase(file: "report.pdf.docx",
                    outcome: .refused([PDFReader.isAvailable ? "the PDF is damaged" : "unsupported format: a PDF file"])) { _ in
            Array("%PDF-1.7\n%\u{E2}\u{E3}\u{CF}\u{D3}\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n".utf8)
                + randomBytes(count: 4096, seed: 3) + Array("\n%%EOF\n".utf8)
        },

        HostileCase(file: "not-xml.docx",
                    outcome: .refused(["word/document.xml is not well-formed XML (line 1: "])) { _ in
            try DOCXFixture.package(document: Array("This is { not XML } at all".utf8))
        },

        HostileCase(file: "xxe-passwd.docx", outcome: .refused(["word/document.xml declares a DOCTYPE"])) { _ in
            try entityPackage("<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", use: "&xxe;")
        },

        HostileCase(file: "xxe-secret.docx", outcome: .refused(["word/document.xml declares a DOCTYPE"])) { ctx in
            try entityPackage("<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file://\(ctx.secretPath)\">]>", use: "&xxe;")
        },

        HostileCase(file: "xxe-http.docx", outcome: .refused(["word/document.xml declares a DOCTYPE"])) { ctx in
            try entityPackage("<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"http://127.0.0.1:\(ctx.canaryPort)/xxe\">]>",
                              use: "&xxe;")
        },

        HostileCase(file: "xxe-external-dtd.docx", outcome: .refused(["word/document.xml declares a DOCTYPE"])) { ctx in
            try entityPackage("<!DOCTYPE w:document SYSTEM \"http://127.0.0.1:\(ctx.canaryPort)/evil.dtd\">", use: "x")
        },

        HostileCase(file: "xxe-parameter-entity.docx", outcome: .refused(["word/document.xml declares a DOCTYPE"])) { ctx in
            try entityPackage("<!DOCTYPE w:document [<!ENTITY % p SYSTEM \"http://127.0.0.1:\(ctx.canaryPort)/p.dtd\"> %p;]>",
                              use: "x")
        },

        HostileCase(file: "billion-laughs.docx", outcome: .refused(["word/document.xml declares a DOCTYPE"])) { _ in
            var dtd = "<!DOCTYPE w:document [<!ENTITY lol0 \"lol\">"
            for i in 1...9 { dtd += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">" }
            return try entityPackage(dtd + "]>", use: "&lol9;")
        },

        HostileCase(file: "deep-nesting.docx", outcome: .refused(["word/document.xml", "256"])) { _ in
            let depth = 100_000
            var xml = Array("<?xml version=\"1.0\"?><w:document xmlns:w=\"\(DOCXFixture.wordNamespace)\"><w:body>".utf8)
            xml.reserveCapacity(depth * 30)
            for _ in 0..<depth { xml += Array("<w:sdt><w:sdtContent>".utf8) }
            for _ in 0..<depth { xml += Array("</w:sdtContent></w:sdt>".utf8) }
            xml += Array("</w:body></w:document>".utf8)
            return try DOCXFixture.package(document: xml)
        },

        HostileCase(file: "invalid-utf8.docx", outcome: .refused(["word/document.xml is not well-formed XML"])) { _ in
            let xml = Array(DOCXFixture.documentXML(body: "<w:p><w:r><w:t>ok BAD</w:t></w:r></w:p>").utf8)
            return try DOCXFixture.package(document: replacing(Array("BAD".utf8), with: [0xFF, 0xFE, 0xC3, 0x28], in: xml))
        },

        // Found by the DOCX fuzzer: libxml2 reports encoding failures through its generic error
        // channel, which printed to stderr and left "line 0: parse error"; now one precise line.
        HostileCase(file: "bad-declared-encoding.docx",
                    outcome: .refused(["word/document.xml is not well-formed XML", "input conversion failed"])) { _ in
            let xml = Array(("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><w:document xmlns:w=\"\(DOCXFixture.wordNamespace)\">"
                + "<w:body><w:p><w:r><w:t>BAD</w:t></w:r></w:p></w:body></w:document>").utf8)
            return try DOCXFixture.package(document: replacing(Array("BAD".utf8), with: [0xFF, 0xFF, 0xFF, 0xFF, 0x80, 0xA0], in: xml))
        },

        HostileCase(file: "lone-surrogate-reference.docx",
                    outcome: .refused(["word/document.xml is not well-formed XML"])) { _ in
            try DOCXFixture.package(body: "<w:p><w:r><w:t>a&#xD800;b</w:t></w:r></w:p>")
        },

        HostileCase(file: "lone-surrogate-bytes.docx",
                    outcome: .refused(["word/document.xml is not well-formed XML"])) { _ in
            let xml = Array(DOCXFixture.documentXML(body: "<w:p><w:r><w:t>a BAD b</w:t></w:r></w:p>").utf8)
            return try DOCXFixture.package(document: replacing(Array("BAD".utf8), with: [0xED, 0xA0, 0x80], in: xml))
        },

        HostileCase(file: "huge-line-over-limit.txt", flags: ["--max-text-mb", "1"],
                    outcome: .refused(["text input size (2097152 bytes): beyond the limit of 1048576"])) { _ in
            [UInt8](repeating: UInt8(ascii: "x"), count: 2 << 20)
        },

        // The PDF limits on the command line (a build without poppler refuses any PDF).
        HostileCase(file: "pages-over-limit.pdf", flags: ["--max-pdf-pages", "2"],
                    outcome: .refused([PDFReader.isAvailable ? "PDF pages (3): beyond the limit of 2" : "unsupported format: a PDF file"])) { _ in
            PDFTestFiles.pdf(pages: 3) { PDFTestFiles.textPage(["page \($0 + 1)"]) }
        },

        HostileCase(file: "characters-over-limit.pdf", flags: ["--max-pdf-characters", "100"],
                    outcome: .refused([PDFReader.isAvailable ? "PDF characters" : "unsupported format: a PDF file",
                                       PDFReader.isAvailable ? "beyond the limit of 100" : "no PDF reader"])) { _ in
            PDFTestFiles.pdf(pages: 1) { _ in PDFTestFiles.textPage((0..<10).map { "line \($0) holding some twenty characters" }) }
        },
    ]

    // MARK: the DOCX table reader

    static let docxCases: [HostileCase] = [
        HostileCase(file: "columns-10000.docx", reader: .docx, outcome: .converted({ document in
            let table = document.tables.first
            #expect(table?.columns == 10_000)
            #expect(table?.rows == 3)
            #expect(table?.cells.count == 30_000)
        })) { _ in
            let row = (0..<10_000).map { DOCXFixture.cell("c\($0)") }.joined()
            return try DOCXFixture.package(body: DOCXFixture.table(grid: 10_000, rows: [row, row, row]))
        },

        HostileCase(file: "gridspan-int-max.docx", reader: .docx, outcome: .converted({ document in
            let table = document.tables.first
            #expect(table?.columns == 3)
            #expect(table?.cells.first?.colSpan == 3)
            #expect(table?.diagnostics.contains { $0.code == "span-clamped" } == true)
        })) { _ in
            try DOCXFixture.package(body: DOCXFixture.table(grid: 3, rows: [
                DOCXFixture.cell("wide", properties: "<w:gridSpan w:val=\"2147483647\"/>"),
                DOCXFixture.cell("a") + DOCXFixture.cell("b") + DOCXFixture.cell("c"),
            ]))
        },

        HostileCase(file: "gridspan-negative.docx", reader: .docx, outcome: .converted({ document in
            let table = document.tables.first
            #expect(table?.columns == 2)
            #expect(table?.cells.map(\.colSpan) == [1, 1, 1, 1])
            #expect(table?.diagnostics.contains { $0.code == "span-invalid" } == true)
        })) { _ in
            try DOCXFixture.package(body: DOCXFixture.table(grid: 2, rows: [
                DOCXFixture.cell("neg", properties: "<w:gridSpan w:val=\"-1\"/>") + DOCXFixture.cell("b"),
                DOCXFixture.cell("c") + DOCXFixture.cell("d"),
            ]))
        },

        HostileCase(file: "gridspan-overflow.docx", reader: .docx, outcome: .converted({ document in
            let table = document.tables.first
            #expect(table?.columns == 2)
            #expect(table.map { (try? $0.validate()) != nil } == true)
        })) { _ in
            try DOCXFixture.package(body: DOCXFixture.table(grid: 2, rows: [
                DOCXFixture.cell("x", properties: "<w:gridSpan w:val=\"99999999999999999999999\"/>") + DOCXFixture.cell("y"),
            ]))
        },

        HostileCase(file: "vmerge-1m-rows.docx", reader: .docx, outcome: .converted({ document in
            let table = document.tables.first
            #expect(table?.rows == 1_000_000)
            #expect(table?.columns == 1)
            #expect(table?.cells.count == 1)
            #expect(table?.cells.first?.rowSpan == 1_000_000)
            #expect(table?.cells.first?.text == "top")
        }), timeout: 180) { _ in
            let rows = 1_000_000
            var xml = Array(("<?xml version=\"1.0\"?><w:document xmlns:w=\"\(DOCXFixture.wordNamespace)\"><w:body>"
                + "<w:tbl><w:tblGrid><w:gridCol w:w=\"100\"/></w:tblGrid>"
                + "<w:tr>" + DOCXFixture.cell("top", properties: "<w:vMerge w:val=\"restart\"/>") + "</w:tr>").utf8)
            let continuation = Array(("<w:tr>" + DOCXFixture.cell("", properties: "<w:vMerge/>") + "</w:tr>").utf8)
            xml.reserveCapacity(xml.count + continuation.count * rows + 64)
            for _ in 1..<rows { xml.append(contentsOf: continuation) }
            xml += Array("</w:tbl><w:p/></w:body></w:document>".utf8)
            return try DOCXFixture.package(document: xml)
        },

        HostileCase(file: "deep-tables.docx", reader: .docx, outcome: .refused(["nested tables in word/document.xml"])) { _ in
            let depth = 100_000
            var xml = Array("<?xml version=\"1.0\"?><w:document xmlns:w=\"\(DOCXFixture.wordNamespace)\"><w:body>".utf8)
            for _ in 0..<depth { xml += Array("<w:tbl><w:tr><w:tc>".utf8) }
            for _ in 0..<depth { xml += Array("<w:p/></w:tc></w:tr></w:tbl>".utf8) }
            xml += Array("</w:body></w:document>".utf8)
            return try DOCXFixture.package(document: xml)
        },
    ]

    // MARK: the flattened-text reader

    /// "　　一、总体情况 / 项目 数量 / 政府信息公开 12" as a Tika-flattened table.
    static let flatSample = "　　一、总体情况\n\t项目\n\t数量\n\n\t政府信息公开\n\t12\n\n\n"

    static let flatCases: [HostileCase] = [
        HostileCase(file: "gb18030-no-bom.txt", reader: .flatText, outcome: .converted({ document in
            #expect(document.source.encoding == "gb18030")
            #expect(document.blocks.contains { $0.plainText.contains("政府信息公开") })
        })) { _ in
            // GB18030 bytes of `flatSample` (Foundation on Linux has no GB18030 encoder).
            let one: [UInt8] = [161, 161, 161, 161, 210, 187, 161, 162, 215, 220, 204, 229, 199, 233, 191, 246, 10, 9,
                                207, 238, 196, 191, 10, 9, 202, 253, 193, 191, 10, 10, 9, 213, 254, 184, 174, 208, 197,
                                207, 162, 185, 171, 191, 170, 10, 9, 49, 50, 10, 10, 10]
            return Array([[UInt8]](repeating: one, count: 8).joined())
        },

        HostileCase(file: "utf16le-no-bom.txt", reader: .flatText, outcome: .converted({ document in
            #expect(document.source.encoding?.lowercased().hasPrefix("utf-16") == true)
            #expect(document.blocks.contains { $0.plainText.contains("政府信息公开") })
        })) { _ in
            utf16(String(repeating: flatSample, count: 8), bigEndian: false)
        },

        HostileCase(file: "utf16be-no-bom.txt", reader: .flatText, outcome: .converted({ document in
            #expect(document.source.encoding?.lowercased().hasPrefix("utf-16") == true)
            #expect(document.blocks.contains { $0.plainText.contains("政府信息公开") })
        })) { _ in
            utf16(String(repeating: flatSample, count: 8), bigEndian: true)
        },

        HostileCase(file: "invalid-utf8.txt", reader: .flatText,
                    outcome: .convertedOrRefused(["text encoding problem"], { document in
            #expect(document.blocks.contains { $0.plainText.contains("政府信息公开") })
        })) { _ in
            var bytes = Array(String(repeating: flatSample, count: 8).utf8)
            bytes.insert(contentsOf: [0xFF, 0x80, 0xC3], at: 3 * 17)   // a stray byte, a lone continuation, a cut sequence
            return bytes
        },

        HostileCase(file: "lone-surrogate-utf8.txt", reader: .flatText,
                    outcome: .convertedOrRefused(["text encoding problem"], { document in
            #expect(document.blocks.contains { $0.plainText.contains("政府信息公开") })
        })) { _ in
            Array(flatSample.utf8) + [0xED, 0xA0, 0x80, 0x0A] + Array(String(repeating: flatSample, count: 4).utf8)
        },

        HostileCase(file: "lone-surrogate-utf16le.txt", reader: .flatText,
                    outcome: .convertedOrRefused(["text encoding problem"], { document in
            #expect(document.blocks.contains { $0.plainText.contains("政府信息公开") })
        })) { _ in
            utf16(flatSample, bigEndian: false) + [0x00, 0xD8, 0x0A, 0x00] + utf16(String(repeating: flatSample, count: 4), bigEndian: false)
        },

        // A Tika table row of 20 000 cells (one TAB line each): wider than any grid allowed.
        HostileCase(file: "row-of-20000-cells.txt", reader: .flatText,
                    outcome: .refused(["table columns: beyond the limit of 16384"])) { _ in
            Array((String(repeating: "\tx\n", count: 20_000) + "\n\n").utf8)
        },

        HostileCase(file: "small-random-bytes.txt", reader: .flatText,
                    outcome: .convertedOrRefused(["text encoding problem"], { _ in })) { _ in
            randomBytes(count: 700, seed: 42)
        },

        // One 16 MiB line (the debug build reads ~0.5 MB/s of it, mostly in layout matching);
        // the 500 MB line runs in scripts/hostile-huge-line.sh against the release build.
        HostileCase(file: "huge-line-16mb.txt", reader: .flatText, outcome: .converted({ document in
            #expect(document.blocks.count == 1)
            #expect(document.blocks.first?.plainText.utf8.count == 16 << 20)
        }), timeout: 240) { _ in
            [UInt8](repeating: UInt8(ascii: "a"), count: 16 << 20)
        },
    ]

    // MARK: generators

    /// Deflate matches in the 4 GB bomb: inflates to 4 128 000 001 bytes (under 4 GiB: no zip64).
    static let bombMatches = 16_000_000

    /// A DOCX whose `word/document.xml` is the hand-made bomb with the given declared size.
    static func bombPackage(declaredSize: Int) -> [UInt8] {
        DOCXFixture.package(rawDocument: ZipBytes.RawEntry(
            name: "word/document.xml", method: 8, data: ZipBytes.deflateBomb(matches: bombMatches),
            crc: 0, declaredSize: declaredSize))
    }

    /// 42.zip-style nesting: a zip holding two zips, each holding two zips, … `levels` deep,
    /// with the 4 GB bomb at the bottom. ZipWriter deflates each level, so the whole stays small.
    static func nestedZip(levels: Int) throws -> [UInt8] {
        var inner = ZipBytes.assemble([ZipBytes.RawEntry(
            name: "zeros.bin", method: 8, data: ZipBytes.deflateBomb(matches: bombMatches), crc: 0,
            declaredSize: ZipBytes.deflateBombSize(matches: bombMatches))])
        for level in 1...levels {
            var zip = ZipWriter()
            zip.add("level\(level)-a.zip", inner)
            zip.add("level\(level)-b.zip", inner)
            inner = try zip.archive()
        }
        return inner
    }

    /// A package whose document starts with `dtd` and uses `use` as the text of a run.
    static func entityPackage(_ dtd: String, use: String) throws -> [UInt8] {
        try DOCXFixture.package(document: Array(DOCXFixture.documentXML(
            body: "<w:p><w:r><w:t>\(use)</w:t></w:r></w:p>", prolog: dtd + "\n").utf8))
    }

    /// An OLE2 compound file header followed by a directory sector naming `streams` (UTF-16LE),
    /// enough for sniffing (Regrid never parses OLE2 further).
    static func ole2(streams: [String]) -> [UInt8] {
        var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 16)
        bytes += [0x3E, 0x00, 0x03, 0x00, 0xFE, 0xFF, 0x09, 0x00, 0x06, 0x00]   // minor/major version, byte order, sector shift
        bytes += [UInt8](repeating: 0, count: 512 - bytes.count)
        var directory: [UInt8] = []
        for name in ["Root Entry"] + streams {
            var entry = [UInt8](repeating: 0, count: 128)
            let units = Array(name.utf16.prefix(31))
            for (i, unit) in units.enumerated() {
                entry[2 * i] = UInt8(unit & 0xFF)
                entry[2 * i + 1] = UInt8(unit >> 8)
            }
            entry[64] = UInt8((units.count + 1) * 2)
            entry[66] = name == "Root Entry" ? 5 : 2
            directory += entry
        }
        directory += [UInt8](repeating: 0, count: (512 - directory.count % 512) % 512)
        return bytes + directory + randomBytes(count: 2048, seed: 7)
    }

    /// Deterministic pseudo-random bytes (xorshift), never starting with a known signature.
    static func randomBytes(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        var out = [UInt8](repeating: 0, count: count)
        for i in 0..<count {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            out[i] = UInt8(truncatingIfNeeded: state >> 24)
        }
        if count > 0 { out[0] = 0x01 }
        return out
    }

    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        var out: [UInt8] = []
        for unit in text.utf16 {
            let hi = UInt8(unit >> 8), lo = UInt8(unit & 0xFF)
            out += bigEndian ? [hi, lo] : [lo, hi]
        }
        return out
    }

    static func replacing(_ needle: [UInt8], with replacement: [UInt8], in haystack: [UInt8]) -> [UInt8] {
        guard let start = (0...(haystack.count - needle.count)).first(where: {
            haystack[$0..<($0 + needle.count)].elementsEqual(needle)
        }) else { return haystack }
        return Array(haystack[..<start]) + replacement + Array(haystack[(start + needle.count)...])
    }
}

enum HostileCorpusError: Error {
    case unexpectedLayout
}
