import GRDB
import GRDBSQLite

/// Steps through a prepared statement's rows on SQLite's C interface, for the reads that go over every
/// attempt (the roster's summary): columns are compared in place and turned into Swift values only
/// when needed, which GRDB's `Row` cannot do.
struct RawRows {
    /// Kept so that GRDB's statement, which finalizes the handle when it goes, lives as long as the rows.
    private let owner: Statement?
    private let handle: OpaquePointer

    /// Starts from the first row of `statement`, with the arguments it holds.
    init(_ statement: Statement) {
        owner = statement
        handle = statement.sqliteStatement
        sqlite3_reset(handle)
    }

    /// Steps a prepared statement that the caller finalizes after the last row.
    init(stepping handle: OpaquePointer) {
        owner = nil
        self.handle = handle
    }

    /// Moves to the next row; false at the end.
    func next() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))))
        }
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }

    func optionalInt(_ column: Int32) -> Int? { isNull(column) ? nil : int(column) }

    func optionalDouble(_ column: Int32) -> Double? { isNull(column) ? nil : sqlite3_column_double(handle, column) }

    /// The column's text as bytes, valid until the next step.
    func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
        let start = sqlite3_column_text(handle, column)
        return UnsafeBufferPointer(start: start, count: Int(sqlite3_column_bytes(handle, column)))
    }

    func text(_ column: Int32) -> String { String(decoding: bytes(column), as: UTF8.self) }

    func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }

    /// Whether the column's text equals `value`, without making a String.
    func text(_ column: Int32, equals value: [UInt8]) -> Bool { bytes(column).elementsEqual(value) }
}
