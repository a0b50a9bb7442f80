/// A point in a script: file path, 1-based line and 1-based column (in characters).
///
/// The path is kept as a small number standing for it (see `SourcePaths`), so a location is plain
/// data: copying or freeing one touches no reference count.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    let fileID: UInt32

    public init(file: String, line: Int, column: Int) {
        self.init(fileID: SourcePaths.shared.id(for: file), line: line, column: column)
    }

    init(fileID: UInt32, line: Int, column: Int) {
        self.fileID = fileID
        self.line = line
        self.column = column
    }

    public var file: String { SourcePaths.shared.path(fileID) }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        if a.fileID != b.fileID { return a.file < b.file }
        return (a.line, a.column) < (b.line, b.column)
    }
}
