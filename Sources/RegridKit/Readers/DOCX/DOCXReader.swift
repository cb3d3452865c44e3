/// Reads a DOCX package into a ``Document``: headings, paragraphs and tables (with their merged
/// cells) of the main document part.
///
/// Only the parts needed are opened: `_rels/.rels` (to find the main part), the main part's own
/// relationships and its styles, and the main part itself, which is streamed from the zip into
/// the XML pull parser chunk by chunk; parts imported by `w:altChunk` are read where they are
/// imported (``AltChunkReader``). Headers, footers, notes, comments and themes are never read, so
/// damage there cannot fail a document.
public struct DOCXReader: Sendable {
    public var limits: ReaderLimits
    /// Style sheets shared across the documents of a batch (nil: each package's styles are read).
    public var styleCache: StyleCache?
    /// How deep this package sits in imported chunks (`w:altChunk`): 0 for a file read on its own.
    let chunkDepth: Int
    /// Lets runs of non-ASCII text bypass libxml2's slow path (``LiftedText``); false reads every
    /// byte through libxml2 (for tests that hold the two to the same result).
    var liftsText = true
    public init(limits: ReaderLimits = .default, styleCache: StyleCache? = nil) {
        self.init(limits: limits, styleCache: styleCache, chunkDepth: 0)
    }

    init(limits: ReaderLimits, styleCache: StyleCache? = nil, chunkDepth: Int) {
        self.limits = limits
        self.styleCache = styleCache
        self.chunkDepth = chunkDepth
    }

    /// Reads the package in `bytes`.
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - name: the file's name as given, for `source.name`.
    ///   - sha256: the hex SHA-256 of `bytes` when the caller has it already; computed otherwise.
    /// - Throws: ``RegridError``: a corrupt zip, no main part, a main part that is not
    ///   `w:document`, malformed XML in the body, a DOCTYPE, or a limit reached.
    public func read(bytes: [UInt8], name: String, sha256: String? = nil) throws(RegridError) -> Document {
        let digest = BackgroundDigest(bytes, known: sha256)
        var lifted = false
        do {
            return try read(bytes: bytes, name: name, digest: digest, liftText: liftsText, lifted: &lifted)
        } catch {
            // A parse of lifted text that fails is read again as libxml2 alone reads it, so that
            // the error (part, line, message) is libxml2's, and a disagreement costs time only.
            guard lifted else { throw error }
            return try read(bytes: bytes, name: name, digest: digest, liftText: false, lifted: &lifted)
        }
    }

    /// One reading of the package; `liftText` lets the main part's runs of non-ASCII text bypass
    /// libxml2's slow path (``LiftedText``), and `lifted` tells whether any run was lifted.
    private func read(bytes: [UInt8], name: String, digest: BackgroundDigest,
                      liftText: Bool, lifted: inout Bool) throws(RegridError) -> Document {
        let archive = try ZipArchive(bytes: bytes, limits: limits)
        var diagnostics: [Diagnostic] = []
        let main = try mainPart(of: archive, diagnostics: &diagnostics)
        let styles = styleSheet(for: main.name, in: archive, diagnostics: &diagnostics)
        let input = RootBoundedInput(try archive.open(main), liftText: liftText)
        lifted = input.liftedRuns != nil
        let xml = try XMLStreamReader(part: main.name, limits: limits, lifted: input.liftedRuns) { buffer throws(RegridError) in
            try input.read(into: buffer)
        }
        let parser = BodyParser(xml: xml, styles: styles, limits: limits, part: main.name)
        let chunks = AltChunkReader(archive: archive, mainPart: main.name, limits: limits, depth: chunkDepth)
        parser.altChunks = chunks
        let body = try parser.parseDocument()
        diagnostics += body.diagnostics + chunks.diagnostics
        if chunks.chunksRead > 0 {
            diagnostics.append(Diagnostic(.info, "alt-chunk-read",
                "\(Wording.count(chunks.chunksRead, "imported chunk")) (w:altChunk) read in place, as Word converts them on opening",
                part: main.name))
        }
        let trailing = try input.finish()
        if trailing > 0 {
            diagnostics.append(Diagnostic(.warning, "trailing-content-ignored",
                "\(main.name) has \(trailing) non-blank byte(s) after its root element; ignored", part: main.name))
        }
        return Document(source: Source(name: name, kind: .docx, sha256: digest.value()),
                        blocks: body.blocks, diagnostics: diagnostics)
    }

    /// The main document part: the target of the package's officeDocument relationship
    /// (Transitional or Strict); `word/document.xml` only when the package says nothing usable.
    func mainPart(of archive: ZipArchive, diagnostics: inout [Diagnostic]) throws(RegridError) -> ZipArchive.Entry {
        let conventional = "word/document.xml"
        var relationships: PackageRelationships?
        do {
            relationships = try PackageRelationships.read(of: "", in: archive, limits: limits)
        } catch {
            diagnostics.append(Diagnostic(.warning, "package-rels-unreadable",
                "_rels/.rels cannot be read (\(error)); looking for \(conventional)", part: "_rels/.rels"))
        }
        let stated = relationships?.first(ofType: RelationshipType.officeDocument)
        if let stated, let entry = archive.entry(named: stated.target) { return entry }
        guard let fallback = archive.entry(named: conventional) else {
            if let stated { throw .missingPart("\(stated.target), the main document part named by _rels/.rels") }
            if relationships != nil {
                throw .notWordDocument("_rels/.rels names no main document part and there is no \(conventional)")
            }
            throw ForeignZip.error(for: archive)
        }
        let why: String
        if let stated {
            why = "the main document part \(stated.target) named by _rels/.rels is missing"
        } else if relationships != nil {
            why = "_rels/.rels names no main document part"
        } else {
            why = "the package has no usable _rels/.rels"
        }
        diagnostics.append(Diagnostic(.warning, "main-part-assumed", "\(why); read \(conventional) instead", part: conventional))
        return fallback
    }

    /// The styles of the main part (through its own relationships), from ``styleCache`` when a
    /// part with the same CRC-32 and sizes was read before. A missing or broken styles part is a
    /// warning: headings then come from outline levels and style ids alone.
    func styleSheet(for mainPart: String, in archive: ZipArchive, diagnostics: inout [Diagnostic]) -> StyleSheet {
        var stylesPart = "word/styles.xml"
        do {
            if let relationships = try PackageRelationships.read(of: mainPart, in: archive, limits: limits) {
                guard let rel = relationships.first(ofType: RelationshipType.styles) else { return StyleSheet() }
                stylesPart = rel.target
            }
            guard let entry = archive.entry(named: stylesPart) else {
                if stylesPart != "word/styles.xml" {
                    diagnostics.append(Diagnostic(.warning, "styles-missing",
                        "the styles part \(stylesPart) is missing; headings are found from outline levels and style ids only",
                        part: stylesPart))
                }
                return StyleSheet()
            }
            let key = entry.crc.map { StyleCache.Key(crc: $0, size: entry.size, compressedSize: entry.compressedSize) }
            if let key, let cached = styleCache?.sheet(for: key) { return cached }
            let input = try archive.open(entry)
            let sheet = try StyleSheet(part: entry.name, limits: limits) { buffer throws(RegridError) in
                try input.read(into: buffer)
            }
            // Kept only when read without error (a damaged part or a CRC mismatch is not kept).
            if let key { styleCache?.store(sheet, for: key) }
            return sheet
        } catch {
            diagnostics.append(Diagnostic(.warning, "styles-unreadable",
                "\(stylesPart) cannot be read (\(error)); headings are found from outline levels and style ids only",
                part: stylesPart))
            return StyleSheet()
        }
    }
}
