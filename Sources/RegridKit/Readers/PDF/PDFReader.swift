/// Reads a PDF through poppler: the characters of each page with their positions
/// (``PopplerDocument``) are laid out as `pdftotext -layout` lays them out (``PDFTextLayout``),
/// and that text takes the path of any text input (``Regrid/readText(bytes:name:sha256:options:)``):
/// known layouts are recovered from labels and figure positions. `source.kind` is `pdf`.
///
/// poppler-glib is loaded the first time a PDF is read, not linked: where it is not installed
/// (or `REGRID_POPPLER_LIBRARY` names a library that cannot be loaded) a PDF is refused with an
/// error that says how to get a PDF reader, and every other input reads as usual.
public struct PDFReader: Sendable {
    public var options: ReadOptions
    public init(options: ReadOptions = ReadOptions()) { self.options = options }

    /// Whether this process can read PDFs (poppler-glib could be loaded).
    public static var isAvailable: Bool { unavailability == nil }

    /// The error a PDF gets when poppler-glib cannot be loaded, nil when it can.
    static var unavailability: RegridError? {
        #if canImport(CPopplerRuntime)
        PopplerDocument.whyUnavailable.map(unavailable)
        #else
        return unavailable("this build of regrid has no PDF reader")
        #endif
    }

    /// What a process without poppler says about a PDF.
    static func unavailable(_ reason: String) -> RegridError {
        .unsupportedFormat("a PDF file, and \(reason); install poppler-glib (`apt-get install libpoppler-glib8`, "
            + "`brew install poppler`), or convert it with `pdftotext -layout FILE.pdf FILE.txt` and give regrid the text")
    }

    /// Reads the PDF in `bytes`.
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - name: the file's name as given (goes into `source.name`).
    ///   - sha256: the hex SHA-256 of `bytes` when the caller has it already.
    /// - Throws: ``RegridError/pdf(_:)`` (encrypted, not a PDF, damaged),
    ///   ``RegridError/limitExceeded(what:limit:)`` past ``ReaderLimits/maxPDFPages``,
    ///   ``ReaderLimits/maxPDFCharacters`` or ``ReaderLimits/maxTextBytes`` (the laid-out text),
    ///   ``RegridError/unsupportedFormat(_:)`` where poppler-glib cannot be loaded.
    public func read(bytes: [UInt8], name: String, sha256: String? = nil) throws(RegridError) -> Document {
        guard !bytes.isEmpty else { throw .emptyInput }
        let (text, pages, compressed) = try layoutText(bytes)
        let digest = sha256 ?? SHA256.hex(bytes)
        var diagnostics: [Diagnostic] = []
        var document: Document
        if text.contains(where: { $0 > 0x20 }) {
            // The laid-out text is ours, UTF-8: an encoding given for text inputs does not apply.
            var textOptions = options
            textOptions.encoding = nil
            document = try Regrid.readText(bytes: text, name: name, sha256: digest, options: textOptions)
            diagnostics.append(Diagnostic(.info, "pdf-layout",
                "the text of \(Wording.count(pages, "page")) laid out by position (poppler, as `pdftotext -layout`): "
                + "tables were inferred from where their words stand, not read from table structure"))
        } else {
            document = Document(source: Source(name: name, kind: .pdf, sha256: digest))
            diagnostics.append(Diagnostic(.warning, "pdf-no-text",
                "the PDF (\(Wording.count(pages, "page"))) holds no text (scanned images?); run OCR on it first (e.g. `ocrmypdf`)"))
        }
        if !compressed.isEmpty {
            diagnostics.append(Diagnostic(.warning, "pdf-layout-compressed",
                "page(s) \(compressed.map(String.init).joined(separator: ", ")) too irregular for a character grid: "
                + "their text is kept, its columns are not"))
        }
        document.source = Source(name: name, kind: .pdf, sha256: digest)
        document.diagnostics = diagnostics + document.diagnostics
        return document
    }

    /// The laid-out text of every page (UTF-8, pages ended by form feeds), the page count and the
    /// pages laid out without their columns.
    func layoutText(_ bytes: [UInt8]) throws(RegridError) -> (text: [UInt8], pages: Int, compressed: [Int]) {
        #if canImport(CPopplerRuntime)
        if let unavailability = Self.unavailability { throw unavailability }
        var text: [UInt8] = []
        var pages = 0
        var compressed: [Int] = []
        let layout = PDFTextLayout()
        let limit = options.limits.maxTextBytes
        try PopplerDocument.readPages(bytes, limits: options.limits) { (_, glyphs) throws(RegridError) in
            pages += 1
            let page = layout.layOut(glyphs)
            if page.compressed { compressed.append(pages) }
            text.append(contentsOf: page.text.utf8)
            guard text.count <= limit else {
                throw .limitExceeded(what: "text of the PDF laid out (\(text.count) bytes by page \(pages))", limit: limit)
            }
        }
        return (text, pages, compressed)
        #else
        throw Self.unavailable("this build of regrid has no PDF reader")
        #endif
    }
}
