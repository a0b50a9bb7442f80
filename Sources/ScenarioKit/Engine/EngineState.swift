/// Everything about a playthrough that conditions can observe: variable values, the visit and choice
/// counts that expressions or once-only choices need, the position and the sub-scene call stack.
///
/// Only counts that can matter are kept (see `Tracking`), so states stay small and comparable, which
/// is what lets the checker explore every reachable state.
public struct EngineState: Hashable, Sendable {
    public var values: [Value]
    public var visits: [Int]
    public var chosen: [Int]
    public var scene: Int
    public var item: Int
    public var stack: [ReturnPoint]
    public var draws: Int

    /// The state before the first scene is entered.
    public init(scenario: Scenario) {
        values = scenario.variables.map(\.initial)
        visits = Array(repeating: 0, count: scenario.tracking.sceneCount)
        chosen = Array(repeating: 0, count: scenario.tracking.choiceCount)
        scene = scenario.start
        item = 0
        stack = []
        draws = 0
    }
}

/// Where a sub-scene's `->->` goes back to.
public enum ReturnPoint: Hashable, Sendable {
    /// Continue the calling scene after its `-> sub ->` line.
    case resume(scene: Int, item: Int)
    /// Enter the scene named by a choice's `-> sub -> scene`.
    case enter(scene: Int)
}

/// Which scene visits and choice counts the engine must keep: those read by expressions, and the
/// once-only choices of scenes a playthrough can come back to.
public struct Tracking: Sendable {
    public var sceneSlot: [Int]
    public var choiceSlot: [Int]
    public var sceneCount: Int
    public var choiceCount: Int

    static func compute(facts: ScenarioFacts, scenes: Int, choices: Int) -> Tracking {
        let readsScene = ScenarioFacts.flags(facts.scenesRead, count: scenes)
        var readsChoice = ScenarioFacts.flags(facts.choicesRead, count: choices)
        let revisited = SceneGraph(facts: facts, sceneCount: scenes).revisitableScenes()
        for (choice, scene) in facts.onceOnlyChoices where revisited[scene] { readsChoice[choice] = true }
        return Tracking(sceneSlot: slots(readsScene), choiceSlot: slots(readsChoice),
                        sceneCount: readsScene.count { $0 }, choiceCount: readsChoice.count { $0 })
    }

    /// Numbers the marked indices 0, 1, 2… in ascending order; unmarked ones get -1.
    private static func slots(_ marked: [Bool]) -> [Int] {
        var next = 0
        return marked.map { isMarked in
            guard isMarked else { return -1 }
            defer { next += 1 }
            return next
        }
    }
}
