/// A grid of cells that screens draw into. It never does I/O: a `Terminal` presents it, and tests read
/// it back as lines of text.
public struct ScreenBuffer: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes `text` from column `x` on row `y`, clipped at `limit` columns (default: the right edge).
    /// Returns the column after the last cell written. A wide character that would straddle the edge
    /// is not drawn.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: Role = .normal, bold: Bool = false, limit: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let right = min(width, limit ?? width)
        var column = x
        for character in text {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if column + w > right { break }
            if column >= 0 {
                cells[y * width + column] = Cell(character: character, role: role, isBold: bold)
                if w == 2 { cells[y * width + column + 1] = Cell(character: nil, role: role, isBold: bold) }
            }
            column += w
        }
        return column
    }

    /// Paints a run of cells with a role (for bars and highlighted rows), keeping their characters.
    public mutating func paint(x: Int, y: Int, width count: Int, role: Role) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<min(width, x + count) { cells[y * width + column].role = role }
    }

    /// Fills a row segment with a character.
    public mutating func fill(_ character: Character, x: Int, y: Int, width count: Int, role: Role = .normal) {
        guard y >= 0, y < height, count > 0 else { return }
        for column in max(0, x)..<min(width, x + count) { cells[y * width + column] = Cell(character: character, role: role, isBold: false) }
    }

    /// The screen as text, one string per row, trailing spaces kept so widths can be checked.
    public var lines: [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width { if let character = cells[row * width + column].character { line.append(character) } }
            return line
        }
    }

    /// The style layer as text: one letter per cell naming its role (see `Role.letter`), for snapshots.
    public var roleLines: [String] {
        (0..<height).map { row in String((0..<width).map { cells[row * width + $0].role.letter }) }
    }
}

extension Role {
    /// A letter for the style layer of snapshots.
    public var letter: Character {
        switch self {
        case .normal: "."
        case .title: "T"
        case .border: "-"
        case .hint: "h"
        case .speaker: "S"
        case .selected: ">"
        case .disabled: "d"
        case .good: "+"
        case .bad: "!"
        case .warning: "w"
        case .accent: "a"
        case .statusBar: "="
        }
    }
}
