/// A scene: content lines, then a decision, a divert, a return or an ending.
public struct Scene: Sendable {
    public var id: String
    public var index: Int
    public var location: SourceLocation
    public var content: [ContentItem]
    /// Where each content item was written, parallel to `content`.
    public var contentLocations: [SourceLocation]
    public var choiceIndices: [Int]
    public var timerSeconds: Int?
    public var ending: Ending?
}

/// One content line of a compiled scene.
public indirect enum ContentItem: Sendable, Hashable {
    case narration([TextPart])
    case speech(speaker: String, [TextPart])
    case paragraphBreak
    case assignment(Assignment)
    case conditional(Expression, ContentItem)
    case divert(Int)
    case call(Int)
    case returnFromCall
    case breathe(BreathingExercise)
    case reflect(id: String, prompt: String)
    case checkIn(id: String, question: String, options: [String])
}

/// A change to a variable.
public struct Assignment: Sendable, Hashable {
    public var variable: Int
    public var operation: AssignmentOperation
    public var value: Expression
}

/// A guided box-breathing exercise.
public struct BreathingExercise: Sendable, Hashable, Codable {
    public var cycles: Int
    /// Seconds to breathe in, hold, breathe out, hold.
    public var pattern: [Int]

    public init(cycles: Int, pattern: [Int]) {
        self.cycles = cycles
        self.pattern = pattern
    }
}

/// How a scenario ends and what the debrief says about it.
public struct Ending: Sendable, Hashable {
    public var outcome: Outcome
    public var title: String
    public var debrief: [String]
}

/// The class of an ending, as FTO reports group them.
public enum Outcome: String, Sendable, Codable, CaseIterable {
    case resolved
    case resolvedArrest = "resolved-arrest"
    case resolvedReferral = "resolved-referral"
    case escalated
    case criticalFailure = "critical-failure"
    case withdrawn
    case completed

    /// Words for screens and reports.
    public var label: String {
        switch self {
        case .resolved: "Resolved"
        case .resolvedArrest: "Resolved with arrest"
        case .resolvedReferral: "Resolved with referral"
        case .escalated: "Escalated"
        case .criticalFailure: "Critical failure"
        case .withdrawn: "Withdrawn"
        case .completed: "Completed"
        }
    }
}
