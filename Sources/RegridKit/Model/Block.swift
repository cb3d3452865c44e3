/// One block of a document or of a table cell: a heading, a paragraph or a table.
public enum Block: Equatable, Sendable {
    case heading(Heading)
    case paragraph(Paragraph)
    case table(Table)

    /// The plain text of a heading or paragraph; for a table, its cells' text row by row.
    public var plainText: String {
        switch self {
        case .heading(let h): return h.text
        case .paragraph(let p): return p.text
        case .table(let t): return t.cells.map(\.text).joined(separator: "\n")
        }
    }

    func validate() throws(ModelError) {
        if case .table(let t) = self { try t.validate() }
    }
}

/// A heading; `level` starts at 1.
public struct Heading: Codable, Equatable, Sendable {
    /// 1 for the top level; values below 1 are read as 1.
    public var level: Int
    /// The heading's plain text.
    public var text: String
    /// A heading of `level` (at least 1).
    public init(level: Int, text: String) {
        self.level = max(1, level)
        self.text = text
    }
}

/// A body paragraph.
public struct Paragraph: Codable, Equatable, Sendable {
    /// The paragraph's plain text, trimmed at both ends.
    public var text: String
    /// A paragraph of `text`.
    public init(text: String) { self.text = text }
}

extension Block: Codable {
    private enum CodingKeys: String, CodingKey { case type }
    private enum Kind: String, Codable { case heading, paragraph, table }

    /// Reads a block of any `type` (`heading`, `paragraph`, `table`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .type) {
        case .heading: self = .heading(try Heading(from: decoder))
        case .paragraph: self = .paragraph(try Paragraph(from: decoder))
        case .table: self = .table(try Table(from: decoder))
        }
    }

    /// Writes the block's fields with its `type`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .heading(let h):
            try container.encode(Kind.heading, forKey: .type)
            try h.encode(to: encoder)
        case .paragraph(let p):
            try container.encode(Kind.paragraph, forKey: .type)
            try p.encode(to: encoder)
        case .table(let t):
            try container.encode(Kind.table, forKey: .type)
            try t.encode(to: encoder)
        }
    }
}
