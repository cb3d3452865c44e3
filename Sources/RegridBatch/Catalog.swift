import Foundation
import GRDB
import RegridKit

/// The batch catalog: an SQLite database (through GRDB) with one ``CatalogEntry`` per document.
///
/// Opened in WAL mode with `synchronous = NORMAL`: each committed row survives a crash or
/// `kill -9` of the process. Safe to use from many threads (one writer at a time, concurrent readers).
public final class Catalog: Sendable {
    /// `PRAGMA application_id` of every Regrid catalog ('RGRD'), checked before merging.
    static let applicationID: Int32 = 0x5247_5244

    /// The database file.
    public let path: String
    private let pool: DatabasePool

    /// Opens (creating or upgrading) the catalog at `path`.
    /// - Throws: ``RegridError/io(_:)`` when the file cannot be opened or is not a Regrid catalog.
    public init(path: String) throws(RegridError) {
        self.path = path
        var config = Configuration()
        config.busyMode = .timeout(30)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            pool = try DatabasePool(path: path, configuration: config)
            try pool.write { db in
                let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                if id == 0 && !tables.isEmpty && !tables.contains(CatalogEntry.databaseTableName) {
                    throw RegridError.io("\(path) is an SQLite database but not a Regrid catalog")
                }
                if id != 0 && id != Catalog.applicationID {
                    throw RegridError.io("\(path) is an SQLite database of another application, not a Regrid catalog")
                }
            }
            try Catalog.migrator.migrate(pool)
        } catch let error as RegridError {
            throw error
        } catch {
            throw .io("catalog \(path): \(Catalog.describe(error))")
        }
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: "PRAGMA application_id = \(Catalog.applicationID)")
            try db.create(table: CatalogEntry.databaseTableName) { t in
                t.primaryKey("source_path", .text)
                t.column("sha256", .text)
                t.column("byte_count", .integer)
                t.column("status", .text).notNull().check { ["ok", "failed", "skipped"].contains($0) }
                t.column("error", .text)
                t.column("reader", .text)
                t.column("layout", .text)
                t.column("agency", .text)
                t.column("year", .integer)
                t.column("table_count", .integer)
                t.column("checks", .text)
                t.column("checks_failed", .integer)
                t.column("figures", .text)
                t.column("outputs", .text).notNull()
                t.column("read_ms", .double).notNull()
                t.column("convert_ms", .double).notNull()
                t.column("write_ms", .double).notNull()
                t.column("total_ms", .double).notNull()
                t.column("options_hash", .text).notNull()
                t.column("regrid_version", .text).notNull()
                t.column("converted_at", .datetime).notNull()
            }
            try db.create(index: "documents_by_status", on: CatalogEntry.databaseTableName, columns: ["status"])
        }
        return migrator
    }

    /// The row of `sourcePath`, if the document was processed before.
    public func entry(for sourcePath: String) throws(RegridError) -> CatalogEntry? {
        do {
            return try pool.read { db in try CatalogEntry.fetchOne(db, key: sourcePath) }
        } catch {
            throw .io("catalog \(path): \(Catalog.describe(error))")
        }
    }

    /// True when the catalog has no row at all (a first run): no document can be found done.
    public func isEmpty() throws(RegridError) -> Bool {
        do {
            return try pool.read { db in try Row.fetchOne(db, sql: "SELECT 1 FROM documents LIMIT 1") == nil }
        } catch {
            throw .io("catalog \(path): \(Catalog.describe(error))")
        }
    }

    /// The insert of ``record(_:)``: one statement, prepared once per connection.
    private static let insertSQL: String = {
        let columns = CatalogEntry.CodingKeys.allCases.map(\.rawValue)
        return "INSERT OR REPLACE INTO documents (\(columns.joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
    }()

    /// Inserts or replaces the row of `entry.sourcePath` in its own committed transaction.
    public func record(_ entry: CatalogEntry) throws(RegridError) {
        do {
            let arguments = try entry.databaseArguments()
            try pool.write { db in try db.cachedStatement(sql: Catalog.insertSQL).execute(arguments: arguments) }
        } catch {
            throw .output("cannot write the catalog \(path): \(Catalog.describe(error))")
        }
    }

    /// Folds the write-ahead log into the database file and closes it, so that the `.sqlite`
    /// file alone holds every row, with no `-wal`/`-shm` beside it (to copy a shard's catalog
    /// elsewhere). Further calls fail.
    public func close() throws(RegridError) {
        do {
            _ = try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
            try pool.close()
            // The pool's readers are read-only connections: when one of them is the last to close,
            // SQLite may not remove the -wal and -shm files. One read-write connection, opened and
            // closed alone, removes them.
            try DatabaseQueue(path: path).close()
        } catch {
            throw .output("cannot write the catalog \(path): \(Catalog.describe(error))")
        }
    }

    /// Every row, or those with `status`, ordered by source path.
    public func entries(status: CatalogEntry.Status? = nil) throws(RegridError) -> [CatalogEntry] {
        do {
            return try pool.read { db in
                var request = CatalogEntry.order(Column("source_path"))
                if let status { request = request.filter(Column("status") == status.rawValue) }
                return try request.fetchAll(db)
            }
        } catch {
            throw .io("catalog \(path): \(Catalog.describe(error))")
        }
    }

    /// How many rows have each status.
    public func counts() throws(RegridError) -> [CatalogEntry.Status: Int] {
        do {
            return try pool.read { db in
                var counts: [CatalogEntry.Status: Int] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM documents GROUP BY status") {
                    if let status = CatalogEntry.Status(rawValue: row["status"]) { counts[status] = row["n"] }
                }
                return counts
            }
        } catch {
            throw .io("catalog \(path): \(Catalog.describe(error))")
        }
    }

    /// Copies the rows of the catalogs at `sources` into this one. A source path present in several
    /// keeps the row converted last (shards of one batch never overlap, so nothing is lost there).
    /// - Returns: the number of rows now in this catalog.
    /// - Throws: ``RegridError/io(_:)`` naming a source that is missing or not a Regrid catalog.
    @discardableResult
    public func merge(from sources: [String]) throws(RegridError) -> Int {
        for source in sources {
            guard FileManager.default.isReadableFile(atPath: source) else {
                throw .io("\(source): no such catalog")
            }
            // Opening checks (and if needed upgrades) the source's schema.
            _ = try Catalog(path: source)
        }
        let columns = CatalogEntry.CodingKeys.allCases.map(\.rawValue)
        let list = columns.joined(separator: ", ")
        let updates = columns.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        do {
            try pool.writeWithoutTransaction { db in
                for source in sources {
                    try db.execute(sql: "ATTACH DATABASE ? AS source", arguments: [source])
                    do {
                        try db.inTransaction {
                            try db.execute(sql: """
                                INSERT INTO main.documents (\(list))
                                SELECT \(list) FROM source.documents WHERE true
                                ON CONFLICT(source_path) DO UPDATE SET \(updates)
                                WHERE excluded.converted_at > main.documents.converted_at
                                """)
                            return .commit
                        }
                    } catch {
                        try? db.execute(sql: "DETACH DATABASE source")
                        throw error
                    }
                    try db.execute(sql: "DETACH DATABASE source")
                }
            }
            return try pool.read { db in try CatalogEntry.fetchCount(db) }
        } catch {
            throw .output("cannot write the catalog \(path): \(Catalog.describe(error))")
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? RegridError { return error.description }
        if let error = error as? DatabaseError { return error.message ?? error.description }
        return String(describing: error)
    }
}
