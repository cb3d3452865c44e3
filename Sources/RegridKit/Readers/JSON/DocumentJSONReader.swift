import Foundation

/// Reads Regrid's own canonical JSON (`spec/document-json.md`) back into a ``Document``, so that
/// a saved or hand-edited conversion can be written in any other format
/// (`regrid convert report.json -t xlsx`).
///
/// The JSON must say `"format": "regrid.document"` and a version this build knows; every table
/// must pass ``Table/validate()``. Anything else is refused with ``RegridError/invalidInput(_:)``.
public struct DocumentJSONReader: Sendable {
    public var limits: ReaderLimits
    public init(limits: ReaderLimits = .default) { self.limits = limits }

    /// True when `bytes` look like canonical JSON: a JSON object (after an optional byte order
    /// mark and whitespace) naming `regrid.document` within its first 512 bytes.
    public static func recognizes(_ bytes: [UInt8]) -> Bool {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard start < bytes.count, bytes[start] == UInt8(ascii: "{") else { return false }
        let head = bytes[start..<min(bytes.count, start + 512)]
        let marker = Array("\"regrid.document\"".utf8)
        guard head.count >= marker.count else { return false }
        return (head.startIndex...(head.endIndex - marker.count)).contains { head[$0..<($0 + marker.count)].elementsEqual(marker) }
    }

    /// Decodes and checks the document. `name` is not used: the JSON carries its own source.
    /// - Throws: ``RegridError/invalidInput(_:)`` for JSON that is malformed, of another format or
    ///   version, or whose tables break the grid invariants; ``RegridError/limitExceeded(what:limit:)``
    ///   for input above ``ReaderLimits/maxTextBytes``.
    public func read(bytes: [UInt8], name: String) throws(RegridError) -> Document {
        guard !bytes.isEmpty else { throw .emptyInput }
        guard bytes.count <= limits.maxTextBytes else { throw .limitExceeded(what: "bytes of JSON input", limit: limits.maxTextBytes) }
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw .invalidInput("not a valid Regrid document JSON: \(DocumentJSONReader.describe(error))")
        } catch {
            throw .invalidInput("not a valid Regrid document JSON: \(error)")
        }
        guard document.format == Document.formatName else {
            throw .invalidInput("JSON of format \"\(document.format)\", not \"\(Document.formatName)\"")
        }
        guard document.version == Document.currentVersion else {
            throw .invalidInput("Regrid document JSON version \(document.version); this build reads version \(Document.currentVersion)")
        }
        var depth = 0
        for block in document.blocks { depth = max(depth, DocumentJSONReader.nesting(block)) }
        guard depth <= limits.maxTableNesting else {
            throw .limitExceeded(what: "nested tables", limit: limits.maxTableNesting)
        }
        do {
            try document.validate()
        } catch {
            throw .invalidInput("the document JSON breaks the grid rules: \(error.description)")
        }
        return document
    }

    private static func nesting(_ block: Block) -> Int {
        guard case .table(let t) = block else { return 0 }
        var deepest = 0
        for cell in t.cells { for inner in cell.blocks ?? [] { deepest = max(deepest, nesting(inner)) } }
        return 1 + deepest
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
            return keys.isEmpty ? "" : " at \(keys)"
        }
        switch error {
        case .dataCorrupted(let c): return "malformed JSON\(path(c))"
        case .keyNotFound(let key, let c): return "missing \"\(key.stringValue)\"\(path(c))"
        case .typeMismatch(_, let c), .valueNotFound(_, let c): return "\(c.debugDescription)\(path(c))"
        @unknown default: return "\(error)"
        }
    }
}
