/// Reads text that lost its table structure — the text of a PDF as Tika/PDFBox, `pdftotext`
/// (with or without `-layout`) or a copy from a viewer give it: no TABs, labels broken over
/// lines, a row's figures space-separated on one line.
///
/// Tables of a known layout are recovered first (``LayoutTextRecovery``); in the rest of the
/// text, tables laid out in columns (`pdftotext -layout`) are inferred from their whitespace
/// gutters (``LayoutTextColumns``, each marked `table-from-gutters`). Every other line is a
/// paragraph (or a heading, by the same rule as ``FlatTextReader``). A recovered table carries
/// its layout (`layout`), so ``LayoutResolver`` leaves it as it is.
public struct PlainTextReader: Sendable {
    public var options: ReadOptions
    /// The layouts to recover; the built-in ones when nil, none when empty.
    public var templates: [LayoutTemplate]?
    /// Whether tables that no layout recovers are inferred from column gutters.
    public var genericTables: Bool

    public init(options: ReadOptions = ReadOptions(), templates: [LayoutTemplate]? = nil, genericTables: Bool = true) {
        self.options = options
        self.templates = templates
        self.genericTables = genericTables
    }

    /// The built-in templates, loaded once per process (nil when the bundle is broken; the
    /// layout step then reports it).
    private static let builtIn: [LayoutTemplate]? = try? LayoutLibrary.builtIn()

    /// The document with the tables of the text, or nil when the text holds none.
    /// - Parameters:
    ///   - bytes: the whole file, any encoding ``FlatTextReader`` reads.
    ///   - name: the file's name as given (goes into `source.name`).
    ///   - sha256: the hex SHA-256 of `bytes` when the caller has it already.
    /// - Throws: ``RegridError/limitExceeded(what:limit:)`` when the text passes the limits.
    public func recover(bytes: [UInt8], name: String, sha256: String? = nil) throws(RegridError) -> Document? {
        guard !bytes.isEmpty else { throw .emptyInput }
        guard bytes.count <= options.limits.maxTextBytes else {
            throw .limitExceeded(what: "text bytes", limit: options.limits.maxTextBytes)
        }
        let decoded = try TextDecoding.decode(bytes, given: options.encoding)
        let text = String(decoding: decoded.utf8, as: UTF8.self)
        let source = Source(name: name, kind: .plainText, sha256: sha256 ?? SHA256.hex(bytes), encoding: decoded.encoding)
        guard var document = try recover(text: text, source: source) else { return nil }
        document.diagnostics = decoded.diagnostics + document.diagnostics
        return document
    }

    /// The one entry for text from anywhere (a text file, a PDF's words laid out as
    /// `pdftotext -layout` lays them out): the document with the tables of `text`, or nil when
    /// it holds none.
    /// - Parameters:
    ///   - text: the whole text, pages separated by form feeds.
    ///   - source: what the document says it was read from (kind `plain-text` for a text file).
    /// - Throws: ``RegridError/limitExceeded(what:limit:)`` when a table passes the reader limits.
    public func recover(text: String, source: Source) throws(RegridError) -> Document? {
        guard text.utf8.count <= options.limits.maxTextBytes else {
            throw .limitExceeded(what: "text bytes", limit: options.limits.maxTextBytes)
        }
        let templates = templates ?? Self.builtIn ?? []
        var instances: [LayoutTextRecovery.Instance] = []
        var exhausted = false
        let lines: [(text: Substring, page: Int)]
        let recovery = LayoutTextRecovery(templates: templates)
        if !templates.isEmpty && recovery.mayHoldTables(text) {
            let words = TextWords(text)
            (instances, exhausted) = recovery.recover(words)
            lines = words.lines
        } else {
            guard genericTables else { return nil }
            lines = TextWords.lines(text)
        }
        var tooLarge: [String] = []
        let generic = genericTables
            ? LayoutTextColumns.tables(lines: lines, skipping: instances.map(\.lines), limits: options.limits, tooLarge: &tooLarge) : []
        guard !instances.isEmpty || !generic.isEmpty else { return nil }

        var placed: [(lines: ClosedRange<Int>, table: Table)] = instances.map { ($0.lines, $0.table) } + generic.map { ($0.lines, $0.table) }
        placed.sort { $0.lines.lowerBound < $1.lines.lowerBound }
        var blocks: [Block] = []
        var line = 0
        for entry in placed {
            appendParagraphs(lines, range: line..<entry.lines.lowerBound, to: &blocks)
            blocks.append(.table(entry.table))
            line = entry.lines.upperBound + 1
        }
        appendParagraphs(lines, range: line..<lines.count, to: &blocks)
        TableNumbering.number(&blocks)
        var diagnostics: [Diagnostic] = []
        if !instances.isEmpty {
            diagnostics.append(Diagnostic(.info, "plain-text-tables",
                "text without table structure: \(instances.count) table(s) recovered on known layouts ("
                + instances.map(\.template.id).joined(separator: ", ") + ")"))
        }
        if !generic.isEmpty {
            diagnostics.append(Diagnostic(.info, "plain-text-generic-tables",
                "text without table structure: \(generic.count) table(s) inferred from column gutters; their rows and spans are guesses"))
        }
        for message in tooLarge {
            diagnostics.append(Diagnostic(.warning, "plain-text-table-too-large", "a table laid out in columns is too large to read, " + message))
        }
        if exhausted {
            diagnostics.append(Diagnostic(.warning, "plain-text-budget",
                "the text is too irregular to search to its end; tables after the last one recovered may be missing"))
        }
        return Document(source: source, blocks: blocks, diagnostics: diagnostics)
    }

    /// One paragraph (or heading) per non-empty line.
    private func appendParagraphs(_ lines: [(text: Substring, page: Int)], range: Range<Int>, to blocks: inout [Block]) {
        for line in range where line >= 0 && line < lines.count {
            let text = String(lines[line].text).trimmingWhitespace()
            guard !text.isEmpty else { continue }
            if let level = FlatTextReader.headingLevel(text) {
                blocks.append(.heading(Heading(level: level, text: text)))
            } else {
                blocks.append(.paragraph(Paragraph(text: text)))
            }
        }
    }
}
