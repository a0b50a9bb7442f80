import GRDB

/// The records database's schema, as versioned migrations. Events and notes are append-only: triggers
/// refuse updates and deletes, and a hash chain shows any edit made around them.
enum Schema {
    /// Marks the file as ridealong's (`PRAGMA application_id`), so another program's database is refused.
    static let applicationID: Int32 = 0x5249_4445 // "RIDE"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.create(table: "meta") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            try db.create(table: "trainee") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("badge", .text)
                t.column("unit", .text)
                t.column("fto", .text)
            }
            try db.create(table: "attempt") { t in
                t.primaryKey("id", .text)
                t.column("traineeID", .text).notNull().indexed().references("trainee")
                t.column("course", .text).notNull()
                t.column("module", .text).notNull()
                t.column("title", .text).notNull()
                t.column("revision", .integer).notNull()
                t.column("contentHash", .text).notNull()
                t.column("isPractice", .boolean).notNull()
                t.column("startedAt", .text).notNull()
                t.column("status", .text).notNull()
                t.column("progress", .text).notNull()
                t.column("result", .text)
                t.column("completedAt", .text)
                t.column("overall", .double)
                t.column("passed", .boolean)
                t.column("lowestRating", .integer)
                t.column("criticalErrors", .integer)
            }
            try db.create(index: "attempt_summary", on: "attempt", columns: [
                "traineeID", "course", "module", "startedAt", "status", "isPractice", "overall", "passed", "lowestRating", "criticalErrors",
            ])
            try db.create(table: "event") { t in
                t.autoIncrementedPrimaryKey("seq")
                t.column("chain", .text).notNull()
                t.column("position", .integer).notNull()
                t.column("traineeID", .text).notNull().indexed()
                t.column("attemptID", .text)
                t.column("verb", .text).notNull()
                t.column("statementID", .text).notNull().unique()
                t.column("statement", .text).notNull()
                t.column("previousHash", .text).notNull()
                t.column("hash", .text).notNull()
                t.uniqueKey(["chain", "position"])
            }
            try db.create(table: "credential") { t in
                t.primaryKey("role", .text)
                t.column("salt", .blob).notNull()
                t.column("hash", .blob).notNull()
                t.column("parameters", .text).notNull()
                t.column("failures", .integer).notNull().defaults(to: 0)
                t.column("lastFailure", .double)
            }
            for action in ["UPDATE", "DELETE"] {
                try db.execute(sql: """
                    CREATE TRIGGER event_append_only_\(action.lowercased()) BEFORE \(action) ON event
                    BEGIN SELECT RAISE(ABORT, 'training records are append-only'); END
                    """)
            }
        }
        migrator.registerMigration("v2") { db in
            // The last trainee is named by id; the name is the roster's, which sign-in keeps current.
            try db.execute(sql: """
                INSERT INTO meta(key, value) SELECT 'last-trainee-id', json_extract(value, '$.id') FROM meta WHERE key = 'last-trainee';
                DELETE FROM meta WHERE key = 'last-trainee'
                """)
            try db.create(table: "roster_summary") { t in
                t.primaryKey("traineeID", .text).references("trainee")
                t.column("modules", .text).notNull()
                t.column("lastActivity", .text).notNull()
            }
            try RosterSummary.rebuildAll(db)
        }
        return migrator
    }
}
