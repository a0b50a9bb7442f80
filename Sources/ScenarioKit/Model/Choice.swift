/// A choice with its stable id, where it leads, what it changes and what the trainee learns from it.
///
/// Immutable once compiled, and shared by reference so that walking thousands of choices copies nothing.
public final class Choice: Sendable {
    public let id: String
    public let index: Int
    public let sceneIndex: Int
    public let location: SourceLocation
    public let isSticky: Bool
    public let text: [TextPart]
    public let target: ChoiceTarget
    public let condition: Expression?
    /// When set, a false condition shows the choice dimmed with this reason instead of hiding it.
    public let disabledReason: String?
    public let scores: [ScoreChange]
    public let assignments: [Assignment]
    public let feedback: String
    public let rationale: String
    public let criticalErrors: [CriticalError]
    public let tags: [String]
    public let isIdeal: Bool
    public let isTimeoutFallback: Bool

    init(id: String,
         index: Int,
         sceneIndex: Int,
         location: SourceLocation,
         isSticky: Bool,
         text: [TextPart],
         target: ChoiceTarget,
         condition: Expression?,
         disabledReason: String?,
         scores: [ScoreChange],
         assignments: [Assignment],
         feedback: String,
         rationale: String,
         criticalErrors: [CriticalError],
         tags: [String],
         isIdeal: Bool,
         isTimeoutFallback: Bool) {
        self.id = id
        self.index = index
        self.sceneIndex = sceneIndex
        self.location = location
        self.isSticky = isSticky
        self.text = text
        self.target = target
        self.condition = condition
        self.disabledReason = disabledReason
        self.scores = scores
        self.assignments = assignments
        self.feedback = feedback
        self.rationale = rationale
        self.criticalErrors = criticalErrors
        self.tags = tags
        self.isIdeal = isIdeal
        self.isTimeoutFallback = isTimeoutFallback
    }
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
