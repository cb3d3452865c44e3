/// The canonical document: what every reader produces and every writer consumes.
///
/// Its JSON form (`format` "regrid.document", `version` 1) is specified in
/// `spec/document-json.md`; ``JSONWriter`` writes it with keys in the order of that spec,
/// and `JSONDecoder` reads it back through the synthesized `Codable` conformance.
public struct Document: Codable, Equatable, Sendable {
    /// Always ``Document/formatName``.
    public var format: String
    /// Bumped only by breaking changes of the JSON contract.
    public var version: Int
    /// Where the document came from.
    public var source: Source
    /// Headings, paragraphs and tables in document order.
    public var blocks: [Block]
    /// Document-level findings (unreadable parts, repaired structure, …).
    public var diagnostics: [Diagnostic]

    /// The value of `format` in every document Regrid writes.
    public static let formatName = "regrid.document"
    /// The version of the JSON contract this build writes.
    public static let currentVersion = 1

    /// Creates a document of the current format and version.
    public init(source: Source, blocks: [Block] = [], diagnostics: [Diagnostic] = []) {
        self.format = Document.formatName
        self.version = Document.currentVersion
        self.source = source
        self.blocks = blocks
        self.diagnostics = diagnostics
    }

    /// All tables of the document in order (top level only; nested tables sit in cells).
    public var tables: [Table] {
        blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } }
    }

    /// Checks every table (and nested table) against the grid invariants.
    /// - Throws: ``ModelError`` naming the first table that breaks one.
    public func validate() throws(ModelError) {
        for block in blocks { try block.validate() }
    }
}

/// Where a document came from.
public struct Source: Codable, Equatable, Sendable {
    /// The file's name as given (never an absolute path of the converting machine).
    public var name: String
    /// Which reader produced the document.
    public var kind: SourceKind
    /// Hex SHA-256 of the input bytes.
    public var sha256: String?
    /// The detected text encoding (flattened text only), e.g. `utf-8`, `gb18030`.
    public var encoding: String?

    /// A source description; `name` as the user gave it, without directories of this machine.
    public init(name: String, kind: SourceKind, sha256: String? = nil, encoding: String? = nil) {
        self.name = name
        self.kind = kind
        self.sha256 = sha256
        self.encoding = encoding
    }
}

/// The kinds of input Regrid reads.
public enum SourceKind: String, Codable, Sendable, CaseIterable {
    /// A Word package.
    case docx
    /// Tika-style flattened text.
    case flatText = "flat-text"
    /// Text without table structure (from a PDF), tables recovered on known layouts.
    case plainText = "plain-text"
    /// An HTML page (also XHTML and MHTML archives).
    case html
    /// A Word 97–2003 binary document (`.doc`).
    case doc
    /// A PDF read through poppler: its text laid out by position, tables recovered as from
    /// `pdftotext -layout` text.
    case pdf
}
