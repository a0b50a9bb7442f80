/// A key press (or terminal event) as screens understand it.
public enum Key: Hashable, Sendable {
    case character(Character)
    case enter, escape, backspace, delete, tab
    case up, down, left, right, home, end, pageUp, pageDown
    case interrupt
    case resize(width: Int, height: Int)

    /// A short name for help screens and key hints.
    public var label: String {
        switch self {
        case .character(let c): String(c)
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .tab: "Tab"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .interrupt: "Ctrl-C"
        case .resize: "resize"
        }
    }
}
