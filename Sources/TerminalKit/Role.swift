/// What a piece of text is, so a theme can colour it. Screens never pick colours themselves, and no
/// role carries meaning by colour alone: every screen also marks it with a symbol or a word.
public enum Role: UInt8, Sendable, CaseIterable {
    case normal
    case title
    case border
    case hint
    case speaker
    case selected
    case disabled
    case good
    case bad
    case warning
    case accent
    case statusBar
}
