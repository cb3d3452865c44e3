import Foundation
import RegridKit

/// The catalog as one table: one row per document, or one row per extracted figure.
/// The table goes through the same writers as documents (``BatchFormat``).
public enum CatalogExport {
    /// Column names of ``documentsTable(_:)``.
    public static let documentColumns = [
        "source_path", "status", "error", "reader", "layout", "agency", "year", "table_count", "checks_failed", "sha256",
        "byte_count", "outputs", "read_ms", "convert_ms", "write_ms", "total_ms", "converted_at",
        "regrid_version", "options_hash",
    ]

    /// Column names of ``figuresTable(_:)``.
    public static let figureColumns = ["source_path", "layout", "agency", "year", "table", "row", "column", "value", "text"]

    /// One header row, then one row per catalog entry.
    public static func documentsTable(_ entries: [CatalogEntry]) -> Table {
        let rows = entries.map { e -> [String] in
            [
                e.sourcePath, e.status.rawValue, e.error ?? "", e.reader ?? "", e.layout ?? "", e.agency ?? "",
                e.year.map(String.init) ?? "",
                e.tableCount.map(String.init) ?? "", e.checksFailed.map(String.init) ?? "", e.sha256 ?? "",
                e.byteCount.map(String.init) ?? "", e.outputs.joined(separator: "; "),
                milliseconds(e.readMs), milliseconds(e.convertMs), milliseconds(e.writeMs), milliseconds(e.totalMs),
                timestamp(e.convertedAt), e.regridVersion, e.optionsHash,
            ]
        }
        return table(id: "documents", header: documentColumns, rows: rows)
    }

    /// One header row, then one row per figure of every entry that has extracted figures.
    /// Each figure is a JSON object with `table`, `row` and `column` (label paths, joined by
    /// ` / `), `value` and `text`; other keys are ignored.
    /// - Throws: ``RegridError/invalidInput(_:)`` when an entry's figures are not a JSON array of objects.
    public static func figuresTable(_ entries: [CatalogEntry]) throws(RegridError) -> Table {
        var rows: [[String]] = []
        for entry in entries {
            guard let json = entry.figures else { continue }
            let parsed = try? JSONSerialization.jsonObject(with: Data(json.utf8))
            guard let figures = parsed as? [[String: Any]] else {
                throw .invalidInput("catalog row \(entry.sourcePath): figures are not a JSON array of objects")
            }
            for figure in figures {
                rows.append([
                    entry.sourcePath, entry.layout ?? "", entry.agency ?? "", entry.year.map(String.init) ?? "",
                    text(figure["table"]), text(figure["row"]),
                    text(figure["column"]), text(figure["value"]), text(figure["text"]),
                ])
            }
        }
        return table(id: "figures", header: figureColumns, rows: rows)
    }

    /// `rows` under `header` as a table without merges (cells in row-major order).
    static func table(id: String, header: [String], rows: [[String]]) -> Table {
        var cells: [Cell] = []
        cells.reserveCapacity((rows.count + 1) * header.count)
        for (r, values) in ([header] + rows).enumerated() {
            for c in header.indices {
                cells.append(Cell(row: r, column: c, text: c < values.count ? values[c] : ""))
            }
        }
        return Table(id: id, rows: rows.count + 1, columns: header.count, cells: cells, headerRows: 1)
    }

    /// A JSON value as cell text: label paths joined by ` / `, numbers without a needless `.0`.
    static func text(_ value: Any?) -> String {
        switch value {
        case nil, is NSNull: return ""
        case let string as String: return string
        case let path as [Any]: return path.map { text($0) }.joined(separator: " / ")
        case let number as NSNumber:
            let double = number.doubleValue
            if double == double.rounded(), abs(double) < 1e15 { return String(Int64(double)) }
            return String(double)
        default: return String(describing: value ?? "")
        }
    }

    static func milliseconds(_ value: Double) -> String {
        BatchProgress.format(value, digits: 1)
    }

    static func timestamp(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
