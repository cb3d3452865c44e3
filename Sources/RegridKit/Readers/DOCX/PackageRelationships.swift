/// Relationship types the DOCX reader follows, in their Transitional and ISO Strict spellings.
enum RelationshipType {
    static let officeDocument: Set<String> = [
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
        "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
    ]
    static let styles: Set<String> = [
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
        "http://purl.oclc.org/ooxml/officeDocument/relationships/styles",
    ]
}

/// The relationships of one OPC part (`_rels/.rels` for the package, `word/_rels/document.xml.rels`
/// for the main part), with targets resolved to part names.
struct PackageRelationships {
    struct Relationship: Equatable {
        var id: String
        var type: String
        /// The target as a part name inside the package (no leading `/`); for external targets, as written.
        var target: String
        var isExternal: Bool
    }

    var relationships: [Relationship]

    /// The relationships part of `part` (`""` for the package itself):
    /// `word/document.xml` → `word/_rels/document.xml.rels`.
    static func relationshipsPart(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "_rels/\(part).rels" }
        return "\(part[..<slash])/_rels/\(part[part.index(after: slash)...]).rels"
    }

    /// Resolves a relationship target against the folder of its source part (`""` = package root),
    /// normalising `.` and `..` segments; an absolute target (`/word/x.xml`) starts from the root.
    static func resolve(_ target: String, from sourcePart: String) -> String {
        besideSource(target, sourcePart) ?? resolveBySegments(target, from: sourcePart)
    }

    /// The usual target, a plain ASCII name beside its source (`styles.xml` from
    /// `word/document.xml`), joined to the source's folder without splitting either into
    /// segments (that cost ~16 000 instructions a target); nil for anything else. Equal to
    /// ``resolveBySegments(_:from:)`` where it answers: in ASCII a `/` byte is a `/` character, a
    /// target without `/` that is not `.` or `..` is one plain segment, and a source without an
    /// empty segment (no leading, trailing or doubled `/`) keeps its folder as written.
    static func besideSource(_ target: String, _ sourcePart: String) -> String? {
        let slash = UInt8(ascii: "/")
        let targetIsPlain = target.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.isEmpty && !bytes.contains { $0 >= 0x80 || $0 == slash }
        } ?? false
        guard targetIsPlain, target != ".", target != ".." else { return nil }
        var folderEnd: Int? = nil
        let sourceIsPlain = sourcePart.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var previous: UInt8 = slash
            for (i, byte) in bytes.enumerated() {
                if byte >= 0x80 || byte == slash && previous == slash { return false }
                if byte == slash { folderEnd = i }
                previous = byte
            }
            return bytes.isEmpty || previous != slash
        } ?? false
        guard sourceIsPlain else { return nil }
        guard let folderEnd else { return target }
        return String(decoding: sourcePart.utf8.prefix(folderEnd), as: UTF8.self) + "/" + target
    }

    /// The general resolution: both paths split into segments, the target's `.` and `..` applied.
    static func resolveBySegments(_ target: String, from sourcePart: String) -> String {
        var segments: [Substring] = []
        if !target.hasPrefix("/") {
            segments = sourcePart.split(separator: "/")
            if !segments.isEmpty { segments.removeLast() }   // the source part's own name
        }
        for segment in target.split(separator: "/") {
            switch segment {
            case ".", "": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }

    /// Reads the relationships of `sourcePart` from `archive`; nil when the package has no such part.
    /// - Throws: ``RegridError`` when the relationships part exists but cannot be read or parsed.
    static func read(of sourcePart: String, in archive: ZipArchive, limits: ReaderLimits) throws(RegridError) -> PackageRelationships? {
        let name = relationshipsPart(of: sourcePart)
        guard let entry = archive.entry(named: name) else { return nil }
        let input = try archive.open(entry)
        let xml = try XMLStreamReader(part: entry.name, limits: limits) { buffer throws(RegridError) in
            try input.read(into: buffer)
        }
        var found: [Relationship] = []
        while try xml.next() {
            guard xml.kind == .startElement, xml.localName == "Relationship",
                  xml.namespace == .packageRelationships else { continue }
            var id = "", type = "", target = "", external = false
            for attribute in xml.attributes() where attribute.namespace == .none {
                switch attribute.name {
                case "Id": id = attribute.value
                case "Type": type = attribute.value
                case "Target": target = attribute.value
                case "TargetMode": external = attribute.value == "External"
                default: break
                }
            }
            guard !target.isEmpty else { continue }
            found.append(Relationship(id: id, type: type, target: external ? target : resolve(target, from: sourcePart),
                                      isExternal: external))
        }
        return PackageRelationships(relationships: found)
    }

    /// The first internal relationship whose type is one of `types`.
    func first(ofType types: Set<String>) -> Relationship? {
        relationships.first { !$0.isExternal && types.contains($0.type) }
    }
}
