/// Reads flattened (Tika-style) text: detects the encoding (``TextDecoding``), splits it into
/// paragraphs and tables (``FlatLineParser``, both layouts), and rebuilds each table's merged
/// cells (``FlatTableReconstruction``).
///
/// Body lines become paragraphs; a short line that opens with a Chinese section number
/// (`一、…`, `第三章 …`) becomes a level-1 heading and one with a bracketed number (`（二）…`)
/// a level-2 heading, unless it ends like a sentence (`。`) or runs past 40 characters: in
/// flattened text headings look exactly like paragraphs, so only this clear pattern is used.
public struct FlatTextReader: Sendable {
    public var options: ReadOptions
    public init(options: ReadOptions = ReadOptions()) { self.options = options }

    /// Reads the text.
    /// - Parameters:
    ///   - bytes: the whole file, any supported encoding.
    ///   - name: the file's name as given (goes into `source.name`).
    ///   - sha256: the hex SHA-256 of `bytes` when the caller has it already; computed otherwise.
    /// - Throws: ``RegridError/emptyInput`` for no bytes, ``RegridError/limitExceeded(what:limit:)``
    ///   when the text or a table passes the limits.
    public func read(bytes: [UInt8], name: String, sha256: String? = nil) throws(RegridError) -> Document {
        guard !bytes.isEmpty else { throw .emptyInput }
        guard bytes.count <= options.limits.maxTextBytes else {
            throw .limitExceeded(what: "text bytes", limit: options.limits.maxTextBytes)
        }
        let digest = BackgroundDigest(bytes, known: sha256)
        let decoded = try TextDecoding.decode(bytes, given: options.encoding)
        var parser = FlatLineParser(utf8: decoded.utf8)
        let flat = parser.parse()
        var diagnostics = decoded.diagnostics + parser.diagnostics
        let reconstruction = FlatTableReconstruction(limits: options.limits)
        var blocks: [Block] = []
        var tables: [(block: Int, table: FlatTable)] = []
        var layouts: [FlatLayout: Int] = [:]
        for block in flat {
            switch block {
            case .paragraph(let text, _):
                let trimmed = FlatInlineText.normalize(text.trimmingWhitespace())
                guard !trimmed.isEmpty else { continue }
                if let level = Self.headingLevel(trimmed) {
                    blocks.append(.heading(Heading(level: level, text: trimmed)))
                } else {
                    blocks.append(.paragraph(Paragraph(text: trimmed)))
                }
            case .table(let table):
                layouts[table.layout, default: 0] += 1
                tables.append((blocks.count, table))
                blocks.append(.paragraph(Paragraph(text: "")))   // the table's place, filled below
            }
        }
        // Tables are independent of each other: a long text rebuilds them on every core.
        let rebuilt = try ParallelMap.map(tables.map(\.table)) { table throws(RegridError) in
            try Self.table(table, id: "", reconstruction: reconstruction)
        }
        for (slot, table) in zip(tables, rebuilt) { blocks[slot.block] = .table(table) }
        TableNumbering.number(&blocks)
        if !tables.isEmpty {
            let summary = layouts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.value) \($0.key.rawValue)" }
            diagnostics.append(Diagnostic(.info, "flat-layout", "tables read: \(summary.joined(separator: ", "))"))
        }
        let source = Source(name: name, kind: .flatText, sha256: digest.value(), encoding: decoded.encoding)
        return Document(source: source, blocks: blocks, diagnostics: diagnostics)
    }

    /// One table read: spans inferred, cells with nested tables given their full content.
    private static func table(_ table: FlatTable, id: String,
                              reconstruction: FlatTableReconstruction) throws(RegridError) -> Table {
        let rows = table.rows.map { $0.cells.map { FlatInlineText.normalize($0.text) } }
        let lines = table.rows.map { $0.cells.map(\.line) }
        var contents: [[[Block]?]]? = nil
        if table.rows.contains(where: { $0.cells.contains { $0.parts != nil } }) {
            var all: [[[Block]?]] = []
            for row in table.rows {
                var contentRow: [[Block]?] = []
                for cell in row.cells {
                    guard let parts = cell.parts else { contentRow.append(nil); continue }
                    var content: [Block] = []
                    for part in parts {
                        switch part {
                        case .paragraph(let text):
                            let trimmed = FlatInlineText.normalize(text.trimmingWhitespace())
                            if !trimmed.isEmpty { content.append(.paragraph(Paragraph(text: trimmed))) }
                        case .table(let nested):
                            content.append(.table(try Self.table(nested, id: "", reconstruction: reconstruction)))
                        }
                    }
                    contentRow.append(content)
                }
                all.append(contentRow)
            }
            contents = all
        }
        return try reconstruction.table(rows: rows, lines: lines, id: id, blocks: contents)
    }

    private static let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "零", "〇"]

    /// 1 for `一、…` / `第…章` / `第…节`, 2 for `（一）…`, nil for anything else.
    static func headingLevel(_ text: String) -> Int? {
        guard text.utf8.count <= 160, text.count <= 40, !text.hasSuffix("。"), !text.hasSuffix("；"), !text.hasSuffix("，") else { return nil }
        let chars = Array(text.prefix(12))
        var i = 0
        if chars.first == "第" {
            i = 1
            while i < chars.count && (chineseNumerals.contains(chars[i]) || chars[i].isASCII && chars[i].isNumber) { i += 1 }
            return i > 1 && i < chars.count && (chars[i] == "章" || chars[i] == "节") ? 1 : nil
        }
        if chars.first == "（" || chars.first == "(" {
            i = 1
            while i < chars.count && chineseNumerals.contains(chars[i]) { i += 1 }
            return i > 1 && i < chars.count && (chars[i] == "）" || chars[i] == ")") && i + 1 < text.count ? 2 : nil
        }
        while i < chars.count && chineseNumerals.contains(chars[i]) { i += 1 }
        return i > 0 && i < chars.count && chars[i] == "、" && i + 1 < text.count ? 1 : nil
    }
}
