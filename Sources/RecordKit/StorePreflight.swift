import GRDBSQLite

/// Checks an existing records file read-only, on SQLite's C interface — it is ours, of a schema this
/// program knows, and not damaged — so a file that fails is never written to. (A plain connection
/// opens in a fraction of the time a configured GRDB one takes, and this runs at every start.)
enum StorePreflight {
    /// Returns the schema migrations the file has already had (empty for a file without tables). With
    /// `integrity`, also reads every page for damage (`PRAGMA quick_check`, about 1 s per GB).
    static func check(_ path: String, knownMigrations: [String], applicationID: Int32, integrity: Bool) throws -> Set<String> {
        try withConnection(path) { rows in
            let tables = try rows("SELECT name FROM sqlite_master WHERE type = 'table'")
            guard tables.contains(where: { $0 != "grdb_migrations" }) else { return [] }
            if try rows("PRAGMA application_id") != [String(applicationID)] { throw RecordStoreError.notOurs(path) }
            if integrity { try checkPages(path, rows) }
            guard tables.contains("grdb_migrations") else { return [] }
            let applied = Set(try rows("SELECT identifier FROM grdb_migrations"))
            let unknown = applied.subtracting(knownMigrations)
            if !unknown.isEmpty { throw RecordStoreError.newerSchema(path, unknown.sorted()) }
            return applied
        }
    }

    /// Reads every page of the file for damage; nil when it is sound.
    static func damage(_ path: String) -> RecordStoreError? {
        do {
            try withConnection(path) { rows in try checkPages(path, rows) }
            return nil
        } catch let error as RecordStoreError {
            return error
        } catch {
            return .cannotOpen(path, "\(error)")
        }
    }

    private static func checkPages(_ path: String, _ rows: (String) throws -> [String]) throws {
        let check = try rows("PRAGMA quick_check")
        if check != ["ok"] {
            throw RecordStoreError.corrupted(path, (check.first ?? "") + (check.count > 1 ? " and \(check.count - 1) more problems" : ""))
        }
    }

    /// Runs `body` with a read-only connection and a function that returns a query's first column.
    private static func withConnection<T>(_ path: String, _ body: ((String) throws -> [String]) throws -> T) throws -> T {
        var handle: OpaquePointer?
        defer { sqlite3_close(handle) }
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY, nil) == SQLITE_OK, let db = handle else {
            throw RecordStoreError.cannotOpen(path, handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory")
        }
        sqlite3_busy_timeout(db, 10_000)
        func rows(_ sql: String) throws -> [String] {
            var statement: OpaquePointer?
            defer { sqlite3_finalize(statement) }
            var code = sqlite3_prepare_v2(db, sql, -1, &statement, nil)
            var values: [String] = []
            while code == SQLITE_OK || code == SQLITE_ROW {
                code = sqlite3_step(statement)
                if code == SQLITE_ROW { values.append(sqlite3_column_text(statement, 0).map { String(cString: $0) } ?? "") }
            }
            guard code == SQLITE_DONE else {
                let message = String(cString: sqlite3_errmsg(db))
                switch code & 0xFF {
                case SQLITE_NOTADB: throw RecordStoreError.notADatabase(path)
                case SQLITE_CORRUPT: throw RecordStoreError.corrupted(path, message)
                default: throw RecordStoreError.cannotOpen(path, message)
                }
            }
            return values
        }
        return try body(rows)
    }
}
