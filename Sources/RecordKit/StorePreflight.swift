/// Checks an existing records file on a read-only connection — it is ours, of a schema this program
/// knows, and not damaged — so a file that fails is never written to.
enum StorePreflight {
    /// Returns the schema migrations the file has already had (empty for a file without tables). With
    /// `integrity`, also reads every page for damage (`PRAGMA quick_check`, about 1 s per GB).
    static func check(_ connection: ReadConnection, knownMigrations: [String], applicationID: Int32, integrity: Bool) throws -> Set<String> {
        let tables = try connection.firstColumn("SELECT name FROM sqlite_master WHERE type = 'table'")
        guard tables.contains(where: { $0 != "grdb_migrations" }) else { return [] }
        if try connection.firstColumn("PRAGMA application_id") != [String(applicationID)] { throw RecordStoreError.notOurs(connection.path) }
        if integrity { try checkPages(connection) }
        guard tables.contains("grdb_migrations") else { return [] }
        let applied = Set(try connection.firstColumn("SELECT identifier FROM grdb_migrations"))
        let unknown = applied.subtracting(knownMigrations)
        if !unknown.isEmpty { throw RecordStoreError.newerSchema(connection.path, unknown.sorted()) }
        return applied
    }

    /// Reads every page of the file for damage; nil when it is sound.
    static func damage(_ path: String) -> RecordStoreError? {
        do {
            try checkPages(try ReadConnection(path))
            return nil
        } catch let error as RecordStoreError {
            return error
        } catch {
            return .cannotOpen(path, "\(error)")
        }
    }

    private static func checkPages(_ connection: ReadConnection) throws {
        let check = try connection.firstColumn("PRAGMA quick_check")
        if check != ["ok"] {
            throw RecordStoreError.corrupted(connection.path, (check.first ?? "") + (check.count > 1 ? " and \(check.count - 1) more problems" : ""))
        }
    }
}
