/// A point in a script: file path, 1-based line and 1-based column (in characters).
///
/// The path is kept as a small number standing for it (see `SourcePaths`), and line and column as
/// 32-bit numbers (a script is at most 32 MiB), so a location is twelve bytes of plain data: copying
/// or freeing one touches no reference count, and the syntax of a large course holds millions of them.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    private let storedLine: UInt32
    private let storedColumn: UInt32
    let fileID: UInt32

    public init(file: String, line: Int, column: Int) {
        self.init(fileID: SourcePaths.shared.id(for: file), line: line, column: column)
    }

    init(fileID: UInt32, line: Int, column: Int) {
        self.fileID = fileID
        storedLine = UInt32(clamping: line)
        storedColumn = UInt32(clamping: column)
    }

    public var line: Int { Int(storedLine) }
    public var column: Int { Int(storedColumn) }

    public var file: String { SourcePaths.shared.path(fileID) }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        if a.fileID != b.fileID { return a.file < b.file }
        return (a.storedLine, a.storedColumn) < (b.storedLine, b.storedColumn)
    }
}
