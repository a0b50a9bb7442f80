/// One terminal cell: a character (or the right half of a wide one) and the role it is drawn in.
public struct Cell: Hashable, Sendable {
    /// The character shown; empty for the second cell of a wide character.
    public var character: Character?
    public var role: Role
    public var isBold: Bool

    public static let blank = Cell(character: " ", role: .normal, isBold: false)

    public init(character: Character?, role: Role, isBold: Bool) {
        self.character = character
        self.role = role
        self.isBold = isBold
    }
}
