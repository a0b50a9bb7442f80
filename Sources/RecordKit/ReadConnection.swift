import GRDB
import GRDBSQLite

/// A read-only connection on SQLite's C interface. It opens in a fraction of the time a configured GRDB
/// connection takes, so the checks and reads that come before the player's first screen use it; the
/// GRDB connection that writes opens once that screen is drawn.
final class ReadConnection: @unchecked Sendable {
    let path: String
    private let handle: OpaquePointer

    /// Opens `path` read-only; a file that cannot be opened throws the error the user reads.
    init(_ path: String) throws {
        var opened: OpaquePointer?
        guard sqlite3_open_v2(path, &opened, SQLITE_OPEN_READONLY, nil) == SQLITE_OK, let opened else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(opened)
            throw RecordStoreError.cannotOpen(path, message)
        }
        sqlite3_busy_timeout(opened, 10_000)
        self.path = path
        handle = opened
    }

    deinit { sqlite3_close(handle) }

    /// Steps through the rows of `sql`, its `?` parameters bound to `arguments` in order.
    func rows(_ sql: String, _ arguments: [String] = [], _ body: (RawRows) throws -> Void) throws {
        var statement: OpaquePointer?
        defer { sqlite3_finalize(statement) }
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else { throw failure(sqlite3_errcode(handle)) }
        for (index, argument) in arguments.enumerated() {
            sqlite3_bind_text(statement, Int32(index + 1), argument, -1, Self.copyArgument)
        }
        let rows = RawRows(stepping: statement)
        do {
            while try rows.next() { try body(rows) }
        } catch let error as DatabaseError {
            throw failure(error.extendedResultCode.rawValue)
        }
    }

    /// The first column of every row of `sql`, as text.
    func firstColumn(_ sql: String, _ arguments: [String] = []) throws -> [String] {
        var values: [String] = []
        try rows(sql, arguments) { values.append($0.text(0)) }
        return values
    }

    /// The error a user reads for a result code of this connection.
    private func failure(_ code: Int32) -> RecordStoreError {
        let message = String(cString: sqlite3_errmsg(handle))
        switch code & 0xFF {
        case SQLITE_NOTADB: return .notADatabase(path)
        case SQLITE_CORRUPT: return .corrupted(path, message)
        default: return .cannotOpen(path, message)
        }
    }

    /// SQLITE_TRANSIENT: SQLite copies a bound argument before the call returns.
    private static let copyArgument = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
