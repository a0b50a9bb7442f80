/// A choice with its stable id, where it leads, what it changes and what the trainee learns from it.
public struct Choice: Sendable {
    public var id: String
    public var index: Int
    public var sceneIndex: Int
    public var location: SourceLocation
    public var isSticky: Bool
    public var text: [TextPart]
    public var target: ChoiceTarget
    public var condition: Expression?
    /// When set, a false condition shows the choice dimmed with this reason instead of hiding it.
    public var disabledReason: String?
    public var scores: [ScoreChange]
    public var assignments: [Assignment]
    public var feedback: String
    public var rationale: String
    public var criticalErrors: [CriticalError]
    public var tags: [String]
    public var isIdeal: Bool
    public var isTimeoutFallback: Bool
}

/// Where a choice leads.
public enum ChoiceTarget: Sendable, Hashable {
    case scene(Int)
    case callThen(sub: Int, then: Int)
    case returnFromCall
}

/// Points a choice adds to (or takes from) one competency.
public struct ScoreChange: Sendable, Hashable, Codable {
    public var competency: Int
    public var points: Int
}

/// A critical error a choice records against a competency.
public struct CriticalError: Sendable, Hashable, Codable {
    public var competency: Int
    public var description: String
}
