/// A scene: content lines, then a decision, a divert, a return or an ending.
///
/// Immutable once compiled, and shared by reference (like `Choice`) so that walking the scenes copies nothing.
public final class Scene: Sendable {
    public let id: String
    public let index: Int
    public let location: SourceLocation
    public let content: [ContentItem]
    /// Where each content item was written, parallel to `content`.
    public let contentLocations: [SourceLocation]
    public let choiceIndices: [Int]
    public let timerSeconds: Int?
    public let ending: Ending?

    init(id: String, index: Int, location: SourceLocation, content: [ContentItem], contentLocations: [SourceLocation],
         choiceIndices: [Int], timerSeconds: Int?, ending: Ending?) {
        self.id = id
        self.index = index
        self.location = location
        self.content = content
        self.contentLocations = contentLocations
        self.choiceIndices = choiceIndices
        self.timerSeconds = timerSeconds
        self.ending = ending
    }
}

/// One content line of a compiled scene (only a conditional line, which holds another, is boxed).
public enum ContentItem: Sendable, Hashable {
    case narration([TextPart])
    case speech(speaker: String, [TextPart])
    case paragraphBreak
    case assignment(Assignment)
    indirect case conditional(Expression, ContentItem)
    case divert(Int)
    case call(Int)
    case returnFromCall
    case breathe(BreathingExercise)
    case reflect(id: String, prompt: String)
    case checkIn(id: String, question: String, options: [String])

    /// Whether running the line only shows text or a step to the trainee, and changes nothing the
    /// engine tracks.
    var onlyShowsText: Bool {
        switch self {
        case .narration, .speech, .paragraphBreak, .breathe, .reflect, .checkIn: true
        case .assignment, .conditional, .divert, .call, .returnFromCall: false
        }
    }
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
