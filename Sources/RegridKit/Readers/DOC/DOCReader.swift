/// Reads a Word 97–2003 binary document (`.doc`, also WPS Office files saved in that format)
/// into a ``Document``: the main text's paragraphs, headings and tables with their merged cells.
///
/// The steps ([MS-DOC]): the OLE2 container (``CompoundFile``); the file information block
/// (``WordFIB``); the text through the piece table (``PieceTable``); each paragraph's direct
/// properties (``ParagraphPropertyIndex``); blocks and tables (``WordBinaryBlocks``). Field
/// instructions are hidden and their results shown, as in the DOCX reader. Headers, footers,
/// notes, comments and text boxes are not read. Pure Swift over bounds-checked byte reads: no
/// C library touches the file.
public struct DOCReader: Sendable {
    public var limits: ReaderLimits
    public init(limits: ReaderLimits = .default) { self.limits = limits }

    /// Reads the document in `bytes`.
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - name: the file's name as given, for `source.name`.
    ///   - sha256: the hex SHA-256 of `bytes` when the caller has it already; computed otherwise.
    /// - Throws: ``RegridError``: a damaged container or file information block, an encrypted
    ///   document, a Word 6/95 file, a limit reached.
    public func read(bytes: [UInt8], name: String, sha256: String? = nil) throws(RegridError) -> Document {
        let digest = BackgroundDigest(bytes, known: sha256)
        let compound = try CompoundFile(bytes: bytes, limits: limits)
        guard let wordStream = try compound.stream(named: "WordDocument") else {
            throw .notWordDocument("the OLE2 file has no WordDocument stream")
        }
        let stream = ByteReader(wordStream)
        let fib = try WordFIB(stream)
        guard let tableBytes = try compound.stream(named: fib.tableStream) else {
            throw CompoundFile.damaged("the \(fib.tableStream) stream is missing")
        }
        let table = ByteReader(tableBytes)
        let data = try compound.stream(named: "Data").map(ByteReader.init)
        let pieces = try PieceTable(table: table, range: fib.clx)
        let (units, offsets) = pieces.characters(upTo: fib.mainTextLength, in: stream)
        guard units.count * 3 <= limits.maxTextBytes else {
            throw .limitExceeded(what: "text of the document (\(units.count) characters)", limit: limits.maxTextBytes)
        }
        var diagnostics: [Diagnostic] = []
        if units.count < fib.mainTextLength {
            diagnostics.append(Diagnostic(.warning, "text-truncated",
                "the text is cut short: \(units.count) of \(fib.mainTextLength) characters could be read"))
        }
        let properties = ParagraphPropertyIndex(table: table, range: fib.paragraphIndex, document: stream, data: data)
        let deleted = DeletedText(table: table, range: fib.characterIndex, document: stream)
        var deletions = 0
        var builder = WordBinaryBlocks(limits: limits)
        var text: [UInt16] = []
        var fields = BinaryFieldState()
        for (i, unit) in units.enumerated() {
            switch unit {
            case 0x0D, 0x07, 0x0C:
                try builder.add(String(decoding: text, as: UTF16.self), mark: unit, properties: properties.properties(at: offsets[i]))
                text.removeAll(keepingCapacity: true)
            case 0x13, 0x14, 0x15:
                fields.apply(unit)
            default:
                if !deleted.isEmpty && deleted.contains(offsets[i]) {
                    deletions += 1
                    continue
                }
                guard fields.isVisible else { continue }
                switch unit {
                case 0x09: text.append(0x09)
                case 0x0B: text.append(0x0A)
                case 0x1E: text.append(0x2D)
                case 0..<0x20: break   // pictures, note and comment references, optional hyphens, …
                default: text.append(unit)
                }
            }
        }
        if !text.isEmpty {
            try builder.add(String(decoding: text, as: UTF16.self), mark: 0x0D, properties: ParagraphProperties())
        }
        var blocks = try builder.finish()
        TableNumbering.number(&blocks)
        if deletions > 0 {
            diagnostics.append(Diagnostic(.info, "tracked-deletion-dropped",
                "\(Wording.count(deletions, "deleted character")) of tracked changes dropped; tracked insertions are kept"))
        }
        if fields.unbalanced > 0 {
            diagnostics.append(Diagnostic(.warning, "field-unbalanced",
                "\(fields.unbalanced) field mark(s) without a matching begin/end; text visibility reset"))
        }
        return Document(source: Source(name: name, kind: .doc, sha256: digest.value()),
                        blocks: blocks, diagnostics: diagnostics + builder.diagnostics)
    }
}

/// Field marks in binary Word text: U+0013 begins a field, U+0014 separates its instruction
/// (hidden) from its result (shown), U+0015 ends it. Fields nest.
struct BinaryFieldState {
    private var stack: [Bool] = []   // per open field: showing its result
    private(set) var unbalanced = 0
    private static let maxDepth = 64

    var isVisible: Bool { stack.allSatisfy { $0 } }

    mutating func apply(_ mark: UInt16) {
        switch mark {
        case 0x13:
            if stack.count < Self.maxDepth { stack.append(false) } else { unbalanced += 1 }
        case 0x14:
            if stack.isEmpty { unbalanced += 1 } else { stack[stack.count - 1] = true }
        default:
            if stack.popLast() == nil { unbalanced += 1 }
        }
    }
}
