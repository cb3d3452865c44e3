import Foundation
import GRDB

/// One row of the batch catalog: what happened to one document.
public struct CatalogEntry: Codable, Equatable, Sendable, FetchableRecord, PersistableRecord {
    /// What became of the document.
    public enum Status: String, Codable, Sendable, DatabaseValueConvertible {
        /// Converted; its outputs are written.
        case ok
        /// Could not be read or converted; ``CatalogEntry/error`` says why.
        case failed
        /// Not a kind of document Regrid converts (PDF, legacy .doc, …); ``CatalogEntry/error`` says which.
        case skipped
    }

    public static let databaseTableName = "documents"

    /// The document's source path (see ``DocumentRef/sourcePath``); the primary key.
    public var sourcePath: String
    /// Hex SHA-256 of its bytes (nil when they could not be read).
    public var sha256: String?
    public var byteCount: Int?
    public var status: Status
    /// The error message for people, for failed and skipped documents.
    public var error: String?
    /// The reader that produced the document (`docx`, `flat-text`, …).
    public var reader: String?
    /// The known layout found, when one matched (e.g. `cn-gov-disclosure-2019`); nil when none or not analysed.
    public var layout: String?
    /// The agency and year of an annual report, from its title (nil when not found).
    public var agency: String?
    public var year: Int?
    public var tableCount: Int?
    /// Check results as a JSON array (as `regrid extract` writes them), when the document's layout has rules.
    public var checks: String?
    /// How many checks failed (nil when there were none to run).
    public var checksFailed: Int?
    /// Extracted figures as a JSON array (as `regrid extract` writes them), when the document's layout has figures.
    public var figures: String?
    /// Output files, relative to the output folder.
    public var outputs: [String]
    /// Milliseconds spent reading the bytes, converting, writing outputs, and in all.
    public var readMs: Double
    public var convertMs: Double
    public var writeMs: Double
    public var totalMs: Double
    /// Hash of everything that shapes the outputs (formats, limits, Regrid version).
    public var optionsHash: String
    public var regridVersion: String
    public var convertedAt: Date

    public init(sourcePath: String, sha256: String?, byteCount: Int?, status: Status, error: String? = nil,
                reader: String? = nil, layout: String? = nil, agency: String? = nil, year: Int? = nil, tableCount: Int? = nil, checks: String? = nil,
                checksFailed: Int? = nil, figures: String? = nil, outputs: [String] = [],
                readMs: Double = 0, convertMs: Double = 0, writeMs: Double = 0, totalMs: Double = 0,
                optionsHash: String, regridVersion: String, convertedAt: Date = Date()) {
        self.sourcePath = sourcePath
        self.sha256 = sha256
        self.byteCount = byteCount
        self.status = status
        self.error = error
        self.reader = reader
        self.layout = layout
        self.agency = agency
        self.year = year
        self.tableCount = tableCount
        self.checks = checks
        self.checksFailed = checksFailed
        self.figures = figures
        self.outputs = outputs
        self.readMs = readMs
        self.convertMs = convertMs
        self.writeMs = writeMs
        self.totalMs = totalMs
        self.optionsHash = optionsHash
        self.regridVersion = regridVersion
        self.convertedAt = convertedAt
    }

    /// Lists (``outputs``) are stored as compact JSON without escaped slashes.
    public static func databaseJSONEncoder(for column: String) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The row's values in ``CodingKeys`` order, stored as GRDB's record encoding stores them
    /// (`outputs` as the JSON of ``databaseJSONEncoder(for:)``, the date as GRDB's date text), for
    /// ``Catalog/record(_:)``'s prepared insert: encoding the record through `Codable` for every
    /// document cost more than the insert.
    func databaseArguments() throws -> StatementArguments {
        let outputsJSON = String(decoding: try Self.databaseJSONEncoder(for: CodingKeys.outputs.rawValue).encode(outputs),
                                 as: UTF8.self)
        let values: [(any DatabaseValueConvertible)?] = [
            sourcePath, sha256, byteCount, status, error, reader, layout, agency, year,
            tableCount, checks, checksFailed, figures, outputsJSON,
            readMs, convertMs, writeMs, totalMs,
            optionsHash, regridVersion, Self.databaseText(of: convertedAt),
        ]
        return StatementArguments(values)
    }

    /// GRDB's text of a date, "yyyy-MM-dd HH:mm:ss.SSS" in UTC (to the nearest millisecond, as its formatter),
    /// written without its `DateFormatter` for dates of this millennium; others go to GRDB.
    static func databaseText(of date: Date) -> any DatabaseValueConvertible {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        // 2000-01-01 up to 9999-12-31, where the Gregorian calendar and four-digit years hold.
        guard milliseconds >= 946_684_800_000, milliseconds < 253_402_300_800_000 else { return date }
        let total = Int64(milliseconds)
        var seconds = time_t(total / 1000)
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else { return date }
        func digits(_ value: Int32, _ count: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, count - text.count)) + text
        }
        return digits(parts.tm_year + 1900, 4) + "-" + digits(parts.tm_mon + 1, 2) + "-" + digits(parts.tm_mday, 2) + " "
            + digits(parts.tm_hour, 2) + ":" + digits(parts.tm_min, 2) + ":" + digits(parts.tm_sec, 2) + "."
            + digits(Int32(total % 1000), 3)
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case sourcePath = "source_path", sha256, byteCount = "byte_count", status, error, reader, layout, agency, year
        case tableCount = "table_count", checks, checksFailed = "checks_failed", figures, outputs
        case readMs = "read_ms", convertMs = "convert_ms", writeMs = "write_ms", totalMs = "total_ms"
        case optionsHash = "options_hash", regridVersion = "regrid_version", convertedAt = "converted_at"
    }
}
