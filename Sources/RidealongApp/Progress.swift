import ScenarioKit

/// Where a trainee stands in one module.
public enum ModuleProgress: Sendable, Equatable {
    case notStarted
    case inProgress(SavedProgressRecord)
    case completed(CompletedAttempt)
}

/// The result of the latest graded attempt at a module.
public struct CompletedAttempt: Sendable, Equatable, Codable {
    public var overall: Double?
    public var passed: Bool
    /// The lowest competency rating, the one an FTO looks at first.
    public var lowestRating: Int?
    public var outcome: String
    public var attempts: Int

    public init(overall: Double?, passed: Bool, lowestRating: Int?, outcome: String, attempts: Int) {
        self.overall = overall
        self.passed = passed
        self.lowestRating = lowestRating
        self.outcome = outcome
        self.attempts = attempts
    }
}

/// A signed-in trainee.
public struct Trainee: Sendable, Equatable, Codable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// Trainee preferences that change how modules play.
public struct Settings: Sendable, Equatable, Codable {
    /// False for trainees who play without countdowns (an accessibility setting).
    public var timersEnabled = true

    public init(timersEnabled: Bool = true) { self.timersEnabled = timersEnabled }
}
