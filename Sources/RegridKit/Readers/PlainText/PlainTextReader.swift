/// Reads text that lost its table structure — the text of a PDF as Tika/PDFBox, `pdftotext`
/// (with or without `-layout`) or a copy from a viewer give it: no TABs, labels broken over
/// lines, a row's figures space-separated on one line.
///
/// Only tables of a known layout are recovered (``LayoutTextRecovery``); every other line is a
/// paragraph (or a heading, by the same rule as ``FlatTextReader``). A recovered table carries
/// its layout (`layout`), so ``LayoutResolver`` leaves it as it is.
public struct PlainTextReader: Sendable {
    public var options: ReadOptions
    /// The layouts to recover; the built-in ones when nil.
    public var templates: [LayoutTemplate]?

    public init(options: ReadOptions = ReadOptions(), templates: [LayoutTemplate]? = nil) {
        self.options = options
        self.templates = templates
    }

    /// The built-in templates, loaded once per process (nil when the bundle is broken; the
    /// layout step then reports it).
    private static let builtIn: [LayoutTemplate]? = try? LayoutLibrary.builtIn()

    /// The document with the known-layout tables of the text, or nil when the text holds none.
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
        guard let templates = templates ?? Self.builtIn, !templates.isEmpty else { return nil }
        let decoded = try TextDecoding.decode(bytes, given: options.encoding)
        let text = String(decoding: decoded.utf8, as: UTF8.self)
        let recovery = LayoutTextRecovery(templates: templates)
        guard recovery.mayHoldTables(text) else { return nil }
        let words = TextWords(text)
        let (instances, exhausted) = recovery.recover(words)
        guard !instances.isEmpty else { return nil }

        var blocks: [Block] = []
        var line = 0
        for instance in instances {
            appendParagraphs(words, lines: line..<instance.lines.lowerBound, to: &blocks)
            blocks.append(.table(instance.table))
            line = instance.lines.upperBound + 1
        }
        appendParagraphs(words, lines: line..<words.lines.count, to: &blocks)
        TableNumbering.number(&blocks)
        var diagnostics = decoded.diagnostics
        diagnostics.append(Diagnostic(.info, "plain-text-tables",
            "text without table structure: \(instances.count) table(s) recovered on known layouts ("
            + instances.map(\.template.id).joined(separator: ", ") + ")"))
        if exhausted {
            diagnostics.append(Diagnostic(.warning, "plain-text-budget",
                "the text is too irregular to search to its end; tables after the last one recovered may be missing"))
        }
        let source = Source(name: name, kind: .plainText, sha256: sha256 ?? SHA256.hex(bytes), encoding: decoded.encoding)
        return Document(source: source, blocks: blocks, diagnostics: diagnostics)
    }

    /// One paragraph (or heading) per non-empty line.
    private func appendParagraphs(_ words: TextWords, lines: Range<Int>, to blocks: inout [Block]) {
        for line in lines where line < words.lines.count {
            let text = String(words.lines[line].text).trimmingWhitespace()
            guard !text.isEmpty else { continue }
            if let level = FlatTextReader.headingLevel(text) {
                blocks.append(.heading(Heading(level: level, text: text)))
            } else {
                blocks.append(.paragraph(Paragraph(text: text)))
            }
        }
    }
}
