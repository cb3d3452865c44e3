import Foundation

/// Reads the content `w:altChunk` elements import: a part of the package (HTML, an MHTML page, a
/// whole Word package, plain text, RTF) that Word converts and puts in the chunk's place when the
/// document is opened. Web applications that export "to Word" (html-docx-js and its kin) and
/// document-merging tools write whole reports this way; a reader that skips the element loses
/// every table in it.
///
/// HTML and MHTML chunks go through ``HTMLReader``, Word packages through ``DOCXReader`` (nested
/// at most ``maxDepth`` deep), text becomes one paragraph per line. A chunk that cannot be read
/// (a missing or external part, RTF, a damaged page) is a warning naming the part; the rest of the
/// document is read.
final class AltChunkReader {
    /// Chunks inside chunks are read this deep (a package that imports itself stops here).
    static let maxDepth = 2
    /// Relationship type of an imported part (Transitional and Strict).
    static let relationshipTypes: Set<String> = [
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk",
        "http://purl.oclc.org/ooxml/officeDocument/relationships/aFChunk",
    ]

    private let archive: ZipArchive
    private let mainPart: String
    private let limits: ReaderLimits
    private let depth: Int
    private var relationships: PackageRelationships??
    /// Notes and warnings on the chunks read so far.
    private(set) var diagnostics: [Diagnostic] = []
    /// How many chunks were read into blocks.
    private(set) var chunksRead = 0

    /// - Parameter depth: 0 for a package read on its own, 1 for a package that is itself a chunk, ….
    init(archive: ZipArchive, mainPart: String, limits: ReaderLimits, depth: Int) {
        self.archive = archive
        self.mainPart = mainPart
        self.limits = limits
        self.depth = depth
    }

    /// The blocks of the chunk the main part's relationship `id` names; none (with a warning)
    /// when it cannot be read. Never throws: a broken chunk does not fail its document.
    func blocks(relationship id: String?) -> [Block] {
        do {
            return try read(relationship: id)
        } catch {
            warn("alt-chunk-unreadable", "an imported chunk (w:altChunk) cannot be read: \(error)")
            return []
        }
    }

    private func read(relationship id: String?) throws(RegridError) -> [Block] {
        guard let id, !id.isEmpty else {
            warn("alt-chunk-unreadable", "a w:altChunk element names no relationship; its content is lost")
            return []
        }
        if relationships == nil {
            relationships = .some(try PackageRelationships.read(of: mainPart, in: archive, limits: limits))
        }
        guard let rel = relationships??.relationships.first(where: { $0.id == id }) else {
            warn("alt-chunk-unreadable", "the w:altChunk relationship \(id) is not in the relationships of \(mainPart)")
            return []
        }
        guard !rel.isExternal else {
            warn("alt-chunk-unreadable", "the imported chunk \(id) is outside the package (\(rel.target)); not fetched", part: rel.target)
            return []
        }
        guard let entry = archive.entry(named: rel.target) else {
            warn("alt-chunk-unreadable", "the imported chunk \(rel.target) is missing from the package", part: rel.target)
            return []
        }
        guard depth < Self.maxDepth else {
            warn("alt-chunk-unreadable", "the imported chunk \(rel.target) is nested more than \(Self.maxDepth) deep; not read", part: rel.target)
            return []
        }
        let bytes = try archive.read(entry)
        let document: Document
        switch InputFormat.detect(bytes) {
        case .html, .mhtml:
            document = try HTMLReader(limits: limits).read(bytes: bytes, name: entry.name, sha256: "")
        case .zip:
            document = try DOCXReader(limits: limits, chunkDepth: depth + 1).read(bytes: bytes, name: entry.name, sha256: "")
        case .text where Self.isXML(bytes):
            warn("alt-chunk-unreadable", "the imported chunk \(entry.name) is XML that is not XHTML (a Flat OPC or WordprocessingML 2003 file?), which Regrid does not read; its content is lost", part: entry.name)
            return []
        case .text:
            let decoded = TextDecoding.decode(bytes)
            let lines = String(decoding: decoded.utf8, as: UTF8.self).split(separator: "\n")
            let paragraphs = lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            document = Document(source: Source(name: entry.name, kind: .docx), blocks: paragraphs.map { .paragraph(Paragraph(text: $0)) })
        case .empty:
            document = Document(source: Source(name: entry.name, kind: .docx), blocks: [])
        case .rtf:
            warn("alt-chunk-unreadable", "the imported chunk \(entry.name) is RTF, which Regrid does not read; its content is lost", part: entry.name)
            return []
        default:
            warn("alt-chunk-unreadable", "the imported chunk \(entry.name) is neither HTML, a Word package nor text; its content is lost", part: entry.name)
            return []
        }
        chunksRead += 1
        for diagnostic in document.diagnostics where diagnostic.severity != .info {
            var moved = diagnostic
            moved.message = "in the imported chunk \(entry.name): \(diagnostic.message)"
            moved.part = moved.part ?? entry.name
            diagnostics.append(moved)
        }
        return document.blocks
    }

    /// True when `bytes` open (after a byte-order mark and blanks) with an XML declaration.
    private static func isXML(_ bytes: [UInt8]) -> Bool {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        return body.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }.starts(with: Array("<?xml".utf8))
    }

    private func warn(_ code: String, _ message: String, part: String? = nil) {
        diagnostics.append(Diagnostic(.warning, code, message, part: part ?? mainPart))
    }
}
