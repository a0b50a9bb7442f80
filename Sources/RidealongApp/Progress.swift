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
    public var competencies: [CompetencyResult]
    public var criticalErrors: [String]

    public init(overall: Double?, passed: Bool, lowestRating: Int?, outcome: String, attempts: Int,
                competencies: [CompetencyResult] = [], criticalErrors: [String] = []) {
        self.overall = overall
        self.passed = passed
        self.lowestRating = lowestRating
        self.outcome = outcome
        self.attempts = attempts
        self.competencies = competencies
        self.criticalErrors = criticalErrors
    }

    /// The attempt as the scorecard of a finished playthrough gives it.
    public init(_ playthrough: Playthrough, attempts: Int) {
        let card = playthrough.scorecard
        self.init(overall: card.overall, passed: card.passed, lowestRating: card.entries.compactMap(\.rating).min(),
                  outcome: playthrough.ending?.outcome.rawValue ?? "", attempts: attempts,
                  competencies: card.entries.map {
                      CompetencyResult(id: $0.competency.id, label: $0.competency.label, ftoCategory: $0.competency.ftoCategory,
                                       score: $0.score, rating: $0.rating, cappedByCriticalError: $0.cappedByCriticalError)
                  },
                  criticalErrors: card.criticalErrors.map { playthrough.scenario.competencies[$0.competency].id + ": " + $0.description })
    }
}

/// One competency's result in an attempt, in the FTO's terms.
public struct CompetencyResult: Sendable, Equatable, Codable {
    public var id: String
    public var label: String
    public var ftoCategory: String
    /// nil when not observed.
    public var score: Double?
    public var rating: Int?
    public var cappedByCriticalError: Bool

    public init(id: String, label: String, ftoCategory: String, score: Double?, rating: Int?, cappedByCriticalError: Bool) {
        self.id = id
        self.label = label
        self.ftoCategory = ftoCategory
        self.score = score
        self.rating = rating
        self.cappedByCriticalError = cappedByCriticalError
    }
}

/// What records need to know about a module beyond its reference.
public struct ModuleInfo: Sendable, Equatable, Codable {
    public var reference: ModuleReference
    public var title: String
    public var revision: Int
    public var contentHash: String

    public init(reference: ModuleReference, title: String, revision: Int, contentHash: String) {
        self.reference = reference
        self.title = title
        self.revision = revision
        self.contentHash = contentHash
    }

    public init(_ reference: ModuleReference, _ scenario: Scenario) {
        self.init(reference: reference, title: scenario.title, revision: scenario.revision, contentHash: scenario.contentHash)
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
