import Foundation
import RegridKit

/// Builds folders of good, corrupt and hostile documents (DOCX made with ``ZipWriter``) in a
/// fresh temporary folder, removed by ``remove()``.
struct BatchFixtures {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("regrid-batch-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// Writes `bytes` at `relative`, creating folders.
    func write(_ relative: String, _ bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// A minimal DOCX package: `[Content_Types].xml`, `_rels/.rels`, `word/document.xml` with `paragraphs`.
    static func docx(_ paragraphs: [String]) throws -> [UInt8] {
        let body = paragraphs.map { "<w:p><w:r><w:t>\($0)</w:t></w:r></w:p>" }.joined()
        return try package(documentXML: """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)</w:body></w:document>
            """)
    }

    /// A DOCX package around `documentXML` as given (for hostile XML).
    static func package(documentXML: String) throws -> [UInt8] {
        try DOCXWriter.package(documentXML: documentXML)
    }

    /// A zip archive of documents: `entries` by name.
    static func archive(_ entries: [(String, [UInt8])]) throws -> [UInt8] {
        var zip = ZipWriter()
        for (name, bytes) in entries { zip.add(name, bytes) }
        return try zip.archive()
    }

    /// The standard mixed folder `in/`: what each source path must end as.
    /// good docs (ok), a truncated DOCX, a DOCTYPE (XXE) DOCX, a zip bomb DOCX, an empty file and
    /// an encrypted-OOXML header (failed), an RTF file (skipped), and `in/reports.zip` holding two good
    /// DOCX (one with a zip-slip name), a corrupt one and a bomb entry.
    func makeMixedFolder() throws -> [String: (status: String, errorContains: String?)] {
        let good = try BatchFixtures.docx(["Annual report", "第一段"])
        try write("in/good1.docx", good)
        try write("in/sub/good2.docx", try BatchFixtures.docx(["Second"]))
        try write("in/sub/deeper/good3.docx", try BatchFixtures.docx(["Third"]))
        try write("in/corrupt.docx", Array(good.prefix(good.count / 2)))
        try write("in/xxe.docx", try BatchFixtures.package(documentXML: """
            <?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>
            """))
        var bomb = ZipWriter()
        bomb.add("[Content_Types].xml", text: "<Types/>")
        bomb.add("word/document.xml", [UInt8](repeating: 0x20, count: 8 << 20))
        try write("in/bomb.docx", try bomb.archive())
        try write("in/empty.docx", [])
        try write("in/locked.docx", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
            + Array(repeating: 0, count: 64) + Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xff), UInt8($0 >> 8)] }))
        try write("in/notes.rtf", Array("{\\rtf1\\ansi notes}\n".utf8))
        try write("in/.hidden.docx", good)
        try write("in/reports.zip", try BatchFixtures.archive([
            ("2021/a.docx", good),
            ("../../escape.docx", try BatchFixtures.docx(["zip slip"])),
            ("2021/broken.docx", Array("PK\u{3}\u{4}not really".utf8)),
            ("2021/bomb.docx", [UInt8](repeating: 0x20, count: 8 << 20)),
            ("__MACOSX/2021/._a.docx", [0, 5, 22, 7]),
        ]))
        return [
            "in/good1.docx": ("ok", nil),
            "in/sub/good2.docx": ("ok", nil),
            "in/sub/deeper/good3.docx": ("ok", nil),
            "in/corrupt.docx": ("failed", "zip"),
            "in/xxe.docx": ("failed", "DOCTYPE"),
            "in/bomb.docx": ("failed", "limit"),
            "in/empty.docx": ("failed", "empty"),
            "in/locked.docx": ("failed", "password"),
            "in/notes.rtf": ("skipped", "RTF"),
            "in/reports.zip!/2021/a.docx": ("ok", nil),
            "in/reports.zip!/../../escape.docx": ("ok", nil),
            "in/reports.zip!/2021/broken.docx": ("failed", "zip"),
            "in/reports.zip!/2021/bomb.docx": ("failed", "limit"),
        ]
    }

    /// Every file under `relative`, as paths relative to it, sorted.
    func files(under relative: String) -> [String] {
        let base = root.appendingPathComponent(relative).path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        var out: [String] = []
        while let next = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + next, isDirectory: &isDirectory), !isDirectory.boolValue {
                out.append(next)
            }
        }
        return out.sorted()
    }
}
