/// A compiled module: an immutable graph of scenes and choices with stable ids, ready to play.
///
/// Names are resolved to indices, so the engine never searches by string; the ids stay for saving,
/// records and diagnostics.
public struct Scenario: Sendable {
    public var id: String
    public var title: String
    public var revision: Int
    public var minutes: Int?
    public var feedbackMode: FeedbackMode
    public var objectives: [String]
    /// The competencies this module scores, with their catalogue entries.
    public var competencies: [Competency]
    public var speakers: [String: String]
    public var variables: [VariableDeclaration]
    public var scenes: [Scene]
    public var choices: [Choice]
    public var start: Int
    public var rules: RatingRules
    /// A fingerprint of every source file the module was built from.
    public var contentHash: String { fingerprint.value }
    let fingerprint: ContentFingerprint
    public var file: String

    public var sceneIndex: [String: Int]
    public var choiceIndex: [String: Int]
    public var tracking: Tracking
    /// What the scenes and choices read and where they lead, noted while compiling.
    var facts: ScenarioFacts

    /// The choices of a scene in the order they were written.
    public func choices(of scene: Scene) -> [Choice] { scene.choiceIndices.map { choices[$0] } }
}

/// When the trainee sees a choice's feedback.
public enum FeedbackMode: String, Sendable, Codable {
    case immediate, debrief
}

/// A named variable and its starting value (which fixes its type).
public struct VariableDeclaration: Sendable, Hashable {
    public var name: String
    public var initial: Value
    public var location: SourceLocation
}

/// A competency from the course catalogue.
public struct Competency: Sendable, Hashable, Codable {
    public var id: String
    public var label: String
    public var ftoCategory: String

    public init(id: String, label: String, ftoCategory: String) {
        self.id = id
        self.label = label
        self.ftoCategory = ftoCategory
    }
}

/// How scores become ratings and a pass: the course's bands, pass mark and critical-error rules.
public struct RatingRules: Sendable, Hashable, Codable {
    public var passMark: Double
    /// The lowest normalised score for ratings 2 to 7.
    public var bands: [Double]
    public var criticalCap: Int
    public var criticalFails: Bool

    public static let standard = RatingRules(passMark: 0.70, bands: [0.30, 0.45, 0.60, 0.70, 0.80, 0.90], criticalCap: 2, criticalFails: true)

    public init(passMark: Double, bands: [Double], criticalCap: Int, criticalFails: Bool) {
        self.passMark = passMark
        self.bands = bands
        self.criticalCap = criticalCap
        self.criticalFails = criticalFails
    }

    /// The 1–7 rating for a normalised score.
    public func rating(for score: Double) -> Int {
        1 + bands.filter { score >= $0 - 1e-9 }.count
    }
}
