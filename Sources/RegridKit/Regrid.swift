/// The library's front door: read any supported input into a ``Document``.
///
/// ```swift
/// let document = try Regrid.read(bytes: Array(data), name: "report.docx")
/// print(JSONWriter().write(document))
/// ```
public enum Regrid {
    /// Regrid's version.
    public static let version = "0.1.0"

    /// Reads `bytes`, detecting the format from the content (never from `name`).
    ///
    /// The name is used for one thing only: a file named like a Word package (`.docx`, `.docm`,
    /// `.dotx`, `.dotm`) whose content is not a zip is refused as a broken Word file (a failed
    /// download, a link stub) instead of being read as flattened text.
    /// - Parameters:
    ///   - bytes: the whole input file.
    ///   - name: the file's name as given; it goes into `source.name`.
    ///   - sha256: the hex SHA-256 of `bytes` when the caller has computed it already (the batch
    ///     catalog does), so that it is not computed twice; nil to let the reader compute it.
    ///   - options: limits and reader options.
    ///   - styleCache: DOCX style sheets shared across the documents of a batch (see ``StyleCache``).
    /// - Throws: ``RegridError`` with a message for people.
    public static func read(bytes: [UInt8], name: String, sha256: String? = nil,
                            options: ReadOptions = ReadOptions(), styleCache: StyleCache? = nil) throws(RegridError) -> Document {
        switch InputFormat.detect(bytes) {
        case .empty:
            throw .emptyInput
        case .regridJSON:
            return try DocumentJSONReader(limits: options.limits).read(bytes: bytes, name: name)
        case .zip:
            return try DOCXReader(limits: options.limits, styleCache: styleCache).read(bytes: bytes, name: name, sha256: sha256)
        case .encryptedOOXML:
            throw .encrypted
        case .legacyWord:
            return try DOCReader(limits: options.limits).read(bytes: bytes, name: name, sha256: sha256)
        case .otherOLE2:
            throw .unsupportedFormat("an OLE2 compound file that is not a Word document (legacy Excel or PowerPoint?)")
        case .pdf:
            return try PDFReader(options: options).read(bytes: bytes, name: name, sha256: sha256)
        case .rtf:
            throw .unsupportedFormat("an RTF file; save it as DOCX first")
        case .html, .mhtml:
            return try HTMLReader(limits: options.limits, encoding: options.encoding).read(bytes: bytes, name: name, sha256: sha256)
        case .binary:
            throw .unsupportedFormat("binary data with no known document signature (neither a DOCX nor text)")
        case .text:
            if Regrid.hasWordPackageExtension(name) {
                throw .notWordDocument("the file is named like a Word package but holds text, not a zip (a failed download or a link stub?); rename it to .txt to read it as flattened text")
            }
            return try readText(bytes: bytes, name: name, sha256: sha256, options: options)
        }
    }

    /// Reads text (no other format sniffed): flattened text with TAB tables, else text that lost
    /// its TABs (a PDF's text) with its known-layout tables recovered. The path of a `.txt` input
    /// and of the laid-out text of a PDF (``PDFReader``).
    static func readText(bytes: [UInt8], name: String, sha256: String?, options: ReadOptions) throws(RegridError) -> Document {
        if bytes.count > options.limits.maxTextBytes {
            throw .limitExceeded(what: "text input size (\(bytes.count) bytes)", limit: options.limits.maxTextBytes)
        }
        let flat = try FlatTextReader(options: options).read(bytes: bytes, name: name, sha256: sha256)
        // Text with no TAB tables may be a PDF's text: known layouts, then tables laid out in columns.
        if flat.tables.isEmpty,
           let recovered = try PlainTextReader(options: options, templates: options.layoutTemplates).recover(bytes: bytes, name: name, sha256: flat.source.sha256) {
            return recovered
        }
        return flat
    }
}

extension Regrid {
    static func hasWordPackageExtension(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: ".") else { return false }
        return ["docx", "docm", "dotx", "dotm"].contains(name[name.index(after: dot)...].lowercased())
    }
}

/// Options for ``Regrid/read(bytes:name:sha256:options:)``.
public struct ReadOptions: Sendable {
    /// Safety limits.
    public var limits: ReaderLimits
    /// The encoding of text and HTML inputs; nil: detected (byte-order mark, a page's charset,
    /// UTF-8, Big5, GB18030). Word packages say their own.
    public var encoding: TextEncoding?
    /// The layouts whose tables are recovered from text without table structure
    /// (``PlainTextReader``): nil for the built-in ones; a resolver's templates (built-in plus
    /// `--layout FILE`) to recover those too.
    public var layoutTemplates: [LayoutTemplate]?
    /// Options with the given limits, encoding and text layouts.
    public init(limits: ReaderLimits = .default, encoding: TextEncoding? = nil, layoutTemplates: [LayoutTemplate]? = nil) {
        self.limits = limits
        self.encoding = encoding
        self.layoutTemplates = layoutTemplates
    }
}
