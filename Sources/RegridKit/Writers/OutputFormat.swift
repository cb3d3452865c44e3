/// The formats Regrid writes, and the one place that picks the writer for each.
public enum OutputFormat: String, CaseIterable, Sendable {
    case json, csv, html, md, xlsx, docx

    /// The usual file extension.
    public var fileExtension: String { rawValue }

    /// Binary formats (zip packages) that make no sense on a terminal.
    public var isBinary: Bool { self == .xlsx || self == .docx }

    /// Formats that write one file per table rather than one per document.
    public var isPerTable: Bool { self == .csv }

    /// The format named `name`, in any case, also by its other usual names (`markdown`, `htm`).
    public init?(name: String) {
        switch name.lowercased() {
        case "markdown": self = .md
        case "htm": self = .html
        case let lowered: self.init(rawValue: lowered)
        }
    }

    /// The format a file name's extension calls for (`out.xlsx` → xlsx, `page.HTM` → html), as
    /// pandoc picks its writer from `-o`; nil for a name without a known extension.
    public init?(extensionOf path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        self.init(name: String(name[name.index(after: dot)...]))
    }
}

/// What writers may be told beyond the document.
public struct WriteOptions: Sendable, Equatable {
    /// CSV shape, merged-cell filling and byte order mark.
    public var csv: CSVWriter.Options
    /// Cells to highlight in HTML output (failed layout checks).
    public var annotations: Annotations
    /// Header paths of figures a known layout states, for tidy CSV.
    public var statedHeaders: StatedHeaderPaths
    /// HTML: show what was inferred rather than read (``HTMLWriter/showsInferred``).
    public var showsInferred: Bool

    public init(csv: CSVWriter.Options = CSVWriter.Options(), annotations: Annotations = Annotations(),
                statedHeaders: StatedHeaderPaths = StatedHeaderPaths(), showsInferred: Bool = true) {
        self.csv = csv
        self.annotations = annotations
        self.statedHeaders = statedHeaders
        self.showsInferred = showsInferred
    }
}

/// One written file: a name (no directory) and its bytes.
public struct OutputFile: Equatable, Sendable {
    public var name: String
    public var bytes: [UInt8]
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}

/// Chooses the writer for an ``OutputFormat`` and names the files it produces after the source:
/// `report.docx` gives `report.html`, `report.xlsx`, …, and for CSV one file per top-level table,
/// `report-t1.csv`, `report-t2.csv`, ….
public enum WriterRegistry {
    /// The document written in `format`.
    /// - Returns: one file, or for CSV one file per table (none when the document has no table).
    /// - Throws: ``RegridError/output(_:)`` for a document whose tables break the grid rules
    ///   (checked first, for every format), or the writer's error (a table too large for a
    ///   sheet, a failed zip).
    public static func write(_ document: Document, as format: OutputFormat,
                             options: WriteOptions = WriteOptions()) throws(RegridError) -> [OutputFile] {
        do {
            try document.validate()
        } catch {
            throw .output("cannot write the document: it breaks the grid rules (\(error.description)); nothing written")
        }
        let stem = self.stem(of: document.source.name)
        let name = stem + "." + format.fileExtension
        switch format {
        case .json:
            return [OutputFile(name: name, bytes: JSONWriter().utf8(document))]
        case .csv:
            let writer = CSVWriter(options: options.csv, statedHeaders: options.statedHeaders)
            return document.tables.map { OutputFile(name: "\(stem)-\(fileSafe($0.id)).csv", bytes: writer.bytes($0)) }
        case .html:
            return [OutputFile(name: name, bytes: Array(HTMLWriter(annotations: options.annotations, showsInferred: options.showsInferred).write(document).utf8))]
        case .md:
            return [OutputFile(name: name, bytes: Array(MarkdownWriter().write(document).utf8))]
        case .xlsx:
            return [OutputFile(name: name, bytes: try XLSXWriter().write(document))]
        case .docx:
            return [OutputFile(name: name, bytes: try DOCXWriter().write(document))]
        }
    }

    /// The source's file name without directory and extension, safe as a file name
    /// (`document` when nothing is left).
    public static func stem(of sourceName: String) -> String {
        let base = sourceName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var stem = base
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { stem = String(base[..<dot]) }
        stem = fileSafe(stem)
        return stem.isEmpty || stem == "." || stem == ".." ? "document" : stem
    }

    /// `s` with characters that are unsafe in file names (controls, `/ \ : * ? " < > |`) as `_`.
    static func fileSafe(_ s: String) -> String {
        String(s.map { $0.isASCII && ($0.asciiValue ?? 0) < 0x20 || "/\\:*?\"<>|".contains($0) ? "_" : $0 })
    }
}
