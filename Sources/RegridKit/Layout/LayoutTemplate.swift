import Foundation

/// A known table layout, loaded from a JSON data file (the built-in ones live in
/// `Sources/RegridKit/Layout/Templates/`; users pass their own with `--layout FILE`).
///
/// The template is the full grid: every header and label cell with its spans and canonical text
/// (plus accepted variants), and every cell that holds a figure with the canonical row and column
/// label paths of that figure. Its cells tile the `rows` × `columns` grid exactly once.
public struct LayoutTemplate: Codable, Equatable, Sendable {
    /// Stable id, e.g. `cn-gov-disclosure-2019/applications`.
    public var id: String
    /// The family of layouts this one belongs to, e.g. `cn-gov-disclosure`.
    public var family: String
    /// The version within the family, e.g. `2019` or `2021`.
    public var version: String
    /// The table's role within the family, e.g. `proactive`, `applications`, `review_litigation`.
    public var table: String
    /// The section heading the table belongs under (for people).
    public var title: String?
    /// Where the layout comes from (for people).
    public var source: String?
    public var rows: Int
    public var columns: Int
    public var headerRows: Int
    public var headerColumns: Int
    /// Which label normalizations apply when matching (see ``LabelNormalizer/Step``); all when absent.
    public var normalization: [LabelNormalizer.Step]?
    /// Texts that only this version of the family uses; they vote for the version of a document.
    public var markers: [String]?
    /// Every cell of the grid once, in row-major order.
    public var cells: [TemplateCell]

    public init(id: String, family: String, version: String, table: String, title: String? = nil,
                source: String? = nil, rows: Int, columns: Int, headerRows: Int = 0, headerColumns: Int = 0,
                normalization: [LabelNormalizer.Step]? = nil, markers: [String]? = nil, cells: [TemplateCell]) {
        self.id = id
        self.family = family
        self.version = version
        self.table = table
        self.title = title
        self.source = source
        self.rows = rows
        self.columns = columns
        self.headerRows = headerRows
        self.headerColumns = headerColumns
        self.normalization = normalization
        self.markers = markers
        self.cells = cells
    }

    /// The normalizer this template's labels are matched with.
    public var normalizer: LabelNormalizer {
        LabelNormalizer(steps: Set(normalization ?? LabelNormalizer.Step.allCases))
    }

    /// The figure cells in row-major order.
    public var figureCells: [TemplateCell] { cells.filter { $0.figure != nil } }

    /// Decodes one template, or a JSON array of templates, and checks each.
    /// - Throws: ``RegridError/layout(_:)`` naming `origin` and what is wrong.
    public static func decode(_ bytes: [UInt8], origin: String) throws(RegridError) -> [LayoutTemplate] {
        let decoded: [LayoutTemplate]
        if let plain = TemplateJSONReader.templates(bytes) {
            decoded = plain
        } else {
            decoded = try decodeWithJSONDecoder(bytes, origin: origin)
        }
        for template in decoded { try template.check(origin: origin) }
        return decoded.map { $0.sharingFigurePaths() }
    }

    /// `JSONDecoder`'s reading, for what ``TemplateJSONReader`` leaves (and for its error messages).
    static func decodeWithJSONDecoder(_ bytes: [UInt8], origin: String) throws(RegridError) -> [LayoutTemplate] {
        let data = Data(bytes)
        let decoded: [LayoutTemplate]
        do {
            if bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) == UInt8(ascii: "[") {
                decoded = try JSONDecoder().decode([LayoutTemplate].self, from: data)
            } else {
                decoded = [try JSONDecoder().decode(LayoutTemplate.self, from: data)]
            }
        } catch {
            throw .layout("\(origin): not a layout template (\(LayoutTemplate.describe(error)))")
        }
        return decoded
    }

    /// Checks that the cells tile the grid exactly once, in row-major order, and that every cell
    /// is either a label or a figure.
    /// - Throws: ``RegridError/layout(_:)``.
    public func check(origin: String) throws(RegridError) {
        guard rows > 0, columns > 0, rows <= 10_000, columns <= 1_000 else {
            throw .layout("\(origin): template \(id) has an unusable grid size \(rows) × \(columns)")
        }
        for cell in cells where (cell.label == nil) == (cell.figure == nil) {
            throw .layout("\(origin): template \(id): the cell at [\(cell.row), \(cell.column)] must have either a label or a figure")
        }
        do {
            try skeleton().validate()
        } catch {
            throw .layout("\(origin): template \(id): \(error.description)")
        }
    }

    /// The template's grid as an empty ``Table`` (labels as text, figures blank).
    public func skeleton(id tableID: String = "template") -> Table {
        Table(id: tableID, rows: rows, columns: columns,
              cells: cells.map { Cell(row: $0.row, column: $0.column, rowSpan: $0.rowSpan, colSpan: $0.colSpan, text: $0.label ?? "") },
              headerRows: min(max(0, headerRows), rows), headerColumns: min(max(0, headerColumns), columns))
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing \"\(key.stringValue)\" at \(path(context))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong value at \(path(context))"
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty ? "invalid JSON" : "invalid value at \(path(context))"
        default:
            return "unreadable"
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        let parts = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }
        return parts.isEmpty ? "the top level" : parts.joined()
    }
}

/// One cell of a ``LayoutTemplate``: a label (header or row label) or a figure.
public struct TemplateCell: Codable, Equatable, Sendable {
    public var row: Int
    public var column: Int
    public var rowSpan: Int
    public var colSpan: Int
    /// Canonical text of a header or label cell.
    public var label: String?
    /// Other texts accepted for the label (after normalization).
    public var variants: [String]?
    /// When true the label's text is not required to match (e.g. a note in a corner cell).
    public var anyText: Bool?
    /// Present on a cell that holds a figure.
    public var figure: FigurePaths?

    public init(row: Int, column: Int, rowSpan: Int = 1, colSpan: Int = 1, label: String? = nil,
                variants: [String]? = nil, anyText: Bool? = nil, figure: FigurePaths? = nil) {
        self.row = row
        self.column = column
        self.rowSpan = rowSpan
        self.colSpan = colSpan
        self.label = label
        self.variants = variants
        self.anyText = anyText
        self.figure = figure
    }
}

/// The canonical row and column label paths of a figure cell.
public struct FigurePaths: Codable, Equatable, Hashable, Sendable {
    /// e.g. `["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"]`; empty for a table without row labels.
    public var row: [String]
    /// e.g. `["申请人情况", "法人或其他组织", "科研机构"]`.
    public var column: [String]
    public init(row: [String], column: [String]) {
        self.row = row
        self.column = column
    }
}
