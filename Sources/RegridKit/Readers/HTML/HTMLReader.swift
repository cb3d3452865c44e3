/// Reads an HTML page into a ``Document``: headings, paragraphs and tables (with their merged
/// cells) as a browser shows them. Also reads XHTML, browser-saved pages and MHTML archives
/// (`.mht`, the page part of a `multipart/related` file).
///
/// The steps: the MHTML page part is unpacked (``MHTMLArchive``); the bytes are decoded to UTF-8
/// (``HTMLCharset``); libxml2's HTML parser builds the tree (``HTMLTreeParser``, no network, no
/// entity loading); the tree is walked into blocks (``HTMLFlowBuilder``), tables through the one
/// ``GridAssembler``.
public struct HTMLReader: Sendable {
    public var limits: ReaderLimits
    /// The page's encoding when the user gave one (it wins over a declared charset); nil: from
    /// the page (``HTMLCharset``).
    public var encoding: TextEncoding?
    public init(limits: ReaderLimits = .default, encoding: TextEncoding? = nil) {
        self.limits = limits
        self.encoding = encoding
    }

    /// Reads the page in `bytes`.
    /// - Parameters:
    ///   - bytes: the whole file (an HTML page in any supported encoding, or an MHTML archive).
    ///   - name: the file's name as given, for `source.name`.
    ///   - sha256: the hex SHA-256 of `bytes` when the caller has it already; computed otherwise.
    /// - Throws: ``RegridError``: an empty file, broken MIME, a page or table beyond the limits.
    public func read(bytes: [UInt8], name: String, sha256: String? = nil) throws(RegridError) -> Document {
        guard !bytes.isEmpty else { throw .emptyInput }
        guard bytes.count <= limits.maxTextBytes else {
            throw .limitExceeded(what: "HTML page size (\(bytes.count) bytes)", limit: limits.maxTextBytes)
        }
        let digest = BackgroundDigest(bytes, known: sha256)
        var diagnostics: [Diagnostic] = []
        var page = bytes
        var transport: String? = nil
        if MHTMLArchive.recognizes(bytes) {
            let archive = try MHTMLArchive(bytes: bytes)
            diagnostics.append(Diagnostic(.info, "mhtml", "read the text/html part of an MHTML archive"))
            page = archive.html
            transport = archive.charset
        }
        // The encoding the user gave wins over the page's own charset.
        let decoded = try encoding.map { e throws(RegridError) in try TextDecoding.decode(page, given: e) }
            ?? HTMLCharset.decode(page, transport: transport)
        diagnostics += decoded.diagnostics
        let root = try HTMLTreeParser.parse(utf8: ConditionalMarkers.strip(decoded.utf8), name: name, limits: limits)
        var builder = HTMLFlowBuilder(limits: limits)
        var blocks = try builder.read(root).blocks
        TableNumbering.number(&blocks)
        diagnostics += builder.diagnostics
        if builder.layoutTables > 0 {
            diagnostics.append(Diagnostic(.info, "layout-tables",
                "\(builder.layoutTables) layout table(s) (one column wide, role=presentation, or holding the page) read as page content, not as data"))
        }
        if builder.hiddenElements > 0 {
            diagnostics.append(Diagnostic(.info, "hidden-dropped",
                "\(builder.hiddenElements) hidden element(s) (hidden, display:none, visibility:hidden, mso-hide:all) left out"))
        }
        let source = Source(name: name, kind: .html, sha256: digest.value(), encoding: decoded.encoding)
        return Document(source: source, blocks: blocks, diagnostics: diagnostics)
    }
}
