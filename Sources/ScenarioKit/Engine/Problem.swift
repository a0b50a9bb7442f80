/// Why a playthrough cannot go on. The checker finds every reachable one before a trainee can.
public enum Problem: Sendable, Hashable, CustomStringConvertible {
    /// The scene has no choices, divert or ending.
    case noWayOut(scene: String)
    /// Scenes divert to each other without ever reaching a decision.
    case loop(scene: String)
    /// `->->` ran in a scene that no `-> sub ->` called.
    case returnWithoutCall(scene: String)
    /// Every choice of the decision is hidden or taken.
    case noChoice(scene: String)

    public var description: String {
        switch self {
        case .noWayOut(let scene): "scene '\(scene)' has no choices, divert or ending"
        case .loop(let scene): "scenes divert in a loop without a decision (at '\(scene)')"
        case .returnWithoutCall(let scene): "`->->` in '\(scene)' returns, but no scene called it"
        case .noChoice(let scene): "no choice can be taken in scene '\(scene)'"
        }
    }
}
