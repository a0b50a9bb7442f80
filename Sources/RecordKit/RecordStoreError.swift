/// Why the records database cannot be used, in words a user can act on. The file is never overwritten.
public enum RecordStoreError: Error, CustomStringConvertible, Equatable {
    case cannotCreateFolder(String, String)
    case notADatabase(String)
    case notOurs(String)
    case newerSchema(String, [String])
    case corrupted(String, String)
    case cannotOpen(String, String)
    case writeFailed(String)

    public var description: String {
        switch self {
        case .cannotCreateFolder(let path, let reason):
            "cannot create the records folder \(path): \(reason). Choose another with --data-dir or RIDEALONG_HOME."
        case .notADatabase(let path):
            "\(path) is not a SQLite database. It was left untouched; move it away or choose another --data-dir."
        case .notOurs(let path):
            "\(path) is a database of another program. It was left untouched; choose another --data-dir."
        case .newerSchema(let path, let versions):
            "\(path) was written by a newer ridealong (schema \(versions.joined(separator: ", "))). It was left untouched; update ridealong."
        case .corrupted(let path, let detail):
            "\(path) is damaged (\(detail)). It was left untouched; restore it from a backup, and keep this copy for inspection."
        case .cannotOpen(let path, let reason):
            "cannot open \(path): \(reason)"
        case .writeFailed(let reason):
            "could not save the record: \(reason)"
        }
    }
}
