/// What is saved of a playthrough: enough to rebuild it by replay, and to notice a changed script.
public struct SavedProgress: Sendable, Hashable, Codable {
    public var moduleID: String
    public var revision: Int
    public var contentHash: String
    public var seed: UInt64
    public var steps: [PathStep]

    public init(of playthrough: Playthrough) {
        moduleID = playthrough.scenario.id
        revision = playthrough.scenario.revision
        contentHash = playthrough.scenario.contentHash
        seed = playthrough.seed
        steps = playthrough.steps
    }

    public init(moduleID: String, revision: Int, contentHash: String, seed: UInt64, steps: [PathStep]) {
        self.moduleID = moduleID
        self.revision = revision
        self.contentHash = contentHash
        self.seed = seed
        self.steps = steps
    }
}

/// Where a replay of saved steps stopped matching the script.
public struct Divergence: Sendable, Hashable, CustomStringConvertible {
    /// 0-based index of the first step that could not be replayed.
    public var stepIndex: Int
    public var choiceID: String
    public var sceneID: String
    public var reason: String

    public var description: String {
        "decision \(stepIndex + 1) ('\(choiceID)' in scene '\(sceneID)') could not be replayed: \(reason)"
    }
}

extension Playthrough {
    /// Rebuilds a playthrough from saved steps. When the script changed, the steps are replayed by their
    /// stable ids as far as they still fit, and the first one that does not is reported.
    public static func resume(_ saved: SavedProgress, in scenario: Scenario) -> (Playthrough, Divergence?) {
        var playthrough = Playthrough(scenario: scenario, seed: saved.seed)
        for (index, step) in saved.steps.enumerated() {
            do throws(ChoiceError) {
                if step.timedOut {
                    guard playthrough.frame.timeoutChoiceID == step.choiceID else {
                        throw ChoiceError.notOffered(step.choiceID)
                    }
                    try playthrough.timeout()
                } else {
                    try playthrough.choose(step.choiceID)
                }
            } catch {
                return (playthrough, Divergence(stepIndex: index, choiceID: step.choiceID, sceneID: playthrough.frame.sceneID,
                                                reason: error.description))
            }
        }
        return (playthrough, nil)
    }
}
