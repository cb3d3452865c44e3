/// Reads a DOCX package. Placeholder entry point: the body parser lands with issue 2.
public struct DOCXReader: Sendable {
    public var limits: ReaderLimits
    public init(limits: ReaderLimits = .default) { self.limits = limits }

    public func read(bytes: [UInt8], name: String) throws(RegridError) -> Document {
        let archive = try ZipArchive(bytes: bytes, limits: limits)
        guard let entry = archive.entry(named: "word/document.xml") else { throw .missingPart("word/document.xml") }
        var offset = 0
        let data = try archive.read(entry)
        let xml = try XMLStreamReader(part: entry.name, limits: limits) { buffer throws(RegridError) in
            let n = min(buffer.count, data.count - offset)
            buffer.copyBytes(from: data[offset..<(offset + n)])
            offset += n
            return n
        }
        var paragraphs = 0
        while try xml.next() { if xml.kind == .startElement && xml.localName == "p" { paragraphs += 1 } }
        return Document(source: Source(name: name, kind: .docx, sha256: SHA256.hex(bytes)),
                        blocks: [.paragraph(Paragraph(text: "\(paragraphs) paragraphs"))])
    }
}
