/// Writes one table as CSV (RFC 4180: fields with a comma, quote, CR or LF are quoted, quotes
/// doubled, records end in CRLF; UTF-8, optionally with a byte order mark for Excel on Windows).
///
/// Two shapes:
/// - ``Shape/grid``: the `rows` × `columns` grid; a merged cell's text sits in its top-left slot
///   and the other slots it covers are empty, or repeat it with ``Options/fillMerged``.
/// - ``Shape/tidy``: one record per data cell, as pivot tables and data frames want it:
///   `table,row,column,row_header,column_header,value`, where the header paths join the texts of
///   the header cells over and beside the cell with `" / "` (see ``TableHeaders`` for how they
///   are found, and inferred when the model does not say). Where a known layout states the
///   paths (``StatedHeaderPaths``), its figures are the records, with the layout's paths.
///
/// Text is written as it is: a value starting with `=` stays a formula-looking value (quote it
/// away in the spreadsheet, or use XLSX output, where every text is a string).
public struct CSVWriter: Sendable {
    /// The shape of the CSV.
    public enum Shape: String, Sendable, CaseIterable {
        case grid, tidy
    }

    /// How to write.
    public struct Options: Sendable, Equatable {
        public var shape: Shape
        /// Grid shape: repeat a merged cell's text in every slot it covers.
        public var fillMerged: Bool
        /// Start with the UTF-8 byte order mark (for Excel on Windows).
        public var byteOrderMark: Bool
        public init(shape: Shape = .grid, fillMerged: Bool = false, byteOrderMark: Bool = false) {
            self.shape = shape
            self.fillMerged = fillMerged
            self.byteOrderMark = byteOrderMark
        }
    }

    /// The separator between the parts of a header path in the tidy shape.
    public static let pathSeparator = " / "

    public var options: Options
    /// Header paths a known layout states, used by the tidy shape instead of inferred ones.
    public var statedHeaders: StatedHeaderPaths

    public init(options: Options = Options(), statedHeaders: StatedHeaderPaths = StatedHeaderPaths()) {
        self.options = options
        self.statedHeaders = statedHeaders
    }

    /// The table as CSV text (without byte order mark); empty for a table whose cells do not
    /// tile its grid (``WriterRegistry`` refuses such documents before any writer runs).
    public func text(_ table: Table) -> String {
        switch options.shape {
        case .grid: return grid(table)
        case .tidy: return tidy(table)
        }
    }

    /// The table as UTF-8 bytes, with the byte order mark when ``Options/byteOrderMark`` is set.
    public func bytes(_ table: Table) -> [UInt8] {
        (options.byteOrderMark ? [0xEF, 0xBB, 0xBF] : []) + Array(text(table).utf8)
    }

    /// One field, quoted when RFC 4180 requires it.
    public static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
        var out = "\""
        for character in s {
            out.append(character)
            if character == "\"" { out.append("\"") }
        }
        return out + "\""
    }

    /// One record, ending in CRLF.
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    private func grid(_ table: Table) -> String {
        guard let map = table.completeSlotMap() else { return "" }
        var out = ""
        for r in 0..<table.rows {
            var fields: [String] = []
            fields.reserveCapacity(table.columns)
            for c in 0..<table.columns {
                let cell = table.cells[map[r][c]]
                let topLeft = cell.row == r && cell.column == c
                fields.append(topLeft || options.fillMerged ? cell.text : "")
            }
            out += CSVWriter.record(fields)
        }
        return out
    }

    private func tidy(_ table: Table) -> String {
        var out = CSVWriter.record(["table", "row", "column", "row_header", "column_header", "value"])
        if let stated = statedHeaders.paths(for: table.id) {
            // The layout's figures, in row-major order; its labels and sub-headers are no records.
            for cell in table.cells {
                guard let paths = stated[StatedHeaderPaths.Slot(row: cell.row, column: cell.column)] else { continue }
                out += CSVWriter.record([
                    table.id, String(cell.row), String(cell.column),
                    paths.row.joined(separator: CSVWriter.pathSeparator),
                    paths.column.joined(separator: CSVWriter.pathSeparator),
                    cell.text,
                ])
            }
            return out
        }
        let headers = TableHeaders(table)
        for cell in headers.dataCells(of: table) {
            out += CSVWriter.record([
                table.id, String(cell.row), String(cell.column),
                headers.rowPath(for: cell, in: table).joined(separator: CSVWriter.pathSeparator),
                headers.columnPath(for: cell, in: table).joined(separator: CSVWriter.pathSeparator),
                cell.text,
            ])
        }
        return out
    }
}
