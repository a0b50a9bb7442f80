import TerminalKit

/// A small multi-line text editor: characters (wide ones included), cursor movement, newline,
/// backspace and delete. A value, so the reducer can test every keystroke.
public struct TextEditor: Sendable, Equatable {
    public private(set) var lines: [[Character]] = [[]]
    public private(set) var row = 0
    public private(set) var column = 0
    /// Reflections are private notes, not essays: past this the editor takes no more characters.
    public static let maximumCharacters = 20_000

    public init() {}

    public var text: String { lines.map { String($0) }.joined(separator: "\n") }
    public var characterCount: Int { lines.reduce(0) { $0 + $1.count } + lines.count - 1 }

    /// Applies a key; returns false when the key is not an editing key.
    public mutating func apply(_ key: Key) -> Bool {
        switch key {
        case .character(let c):
            guard characterCount < Self.maximumCharacters else { return true }
            if c == "\n" || c == "\r" { newline() } else if DisplayWidth.of(c) > 0 { lines[row].insert(c, at: column); column += 1 }
        case .enter: newline()
        case .backspace:
            if column > 0 {
                column -= 1
                lines[row].remove(at: column)
            } else if row > 0 {
                column = lines[row - 1].count
                lines[row - 1] += lines[row]
                lines.remove(at: row)
                row -= 1
            }
        case .delete:
            if column < lines[row].count { lines[row].remove(at: column) } else if row + 1 < lines.count {
                lines[row] += lines[row + 1]
                lines.remove(at: row + 1)
            }
        case .left:
            if column > 0 { column -= 1 } else if row > 0 { row -= 1; column = lines[row].count }
        case .right:
            if column < lines[row].count { column += 1 } else if row + 1 < lines.count { row += 1; column = 0 }
        case .up:
            if row > 0 { row -= 1; column = min(column, lines[row].count) }
        case .down:
            if row + 1 < lines.count { row += 1; column = min(column, lines[row].count) }
        case .home: column = 0
        case .end: column = lines[row].count
        default: return false
        }
        return true
    }

    private mutating func newline() {
        guard characterCount < Self.maximumCharacters else { return }
        let rest = Array(lines[row][column...])
        lines[row].removeSubrange(column...)
        lines.insert(rest, at: row + 1)
        row += 1
        column = 0
    }
}
