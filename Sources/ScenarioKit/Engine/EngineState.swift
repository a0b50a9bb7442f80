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

    static func compute(scenes: [Scene], choices: [Choice]) -> Tracking {
        var readScenes = Set<Int>(), readChoices = Set<Int>()
        func note(_ expression: Expression) {
            readScenes.formUnion(expression.scenesRead)
            readChoices.formUnion(expression.choicesRead)
        }
        func note(_ item: ContentItem) {
            switch item {
            case .narration(let parts), .speech(_, let parts): parts.forEach { if case .interpolation(let e) = $0 { note(e) } }
            case .assignment(let assignment): note(assignment.value)
            case .conditional(let condition, let inner): note(condition); note(inner)
            default: break
            }
        }
        for scene in scenes { scene.content.forEach(note) }
        for choice in choices {
            choice.condition.map(note)
            choice.assignments.forEach { note($0.value) }
            choice.text.forEach { if case .interpolation(let e) = $0 { note(e) } }
        }
        let revisitable = SceneGraph(scenes: scenes, choices: choices).revisitableScenes()
        for choice in choices where !choice.isSticky && revisitable.contains(choice.sceneIndex) { readChoices.insert(choice.index) }
        var sceneSlot = Array(repeating: -1, count: scenes.count), choiceSlot = Array(repeating: -1, count: choices.count)
        for (slot, index) in readScenes.sorted().enumerated() { sceneSlot[index] = slot }
        for (slot, index) in readChoices.sorted().enumerated() { choiceSlot[index] = slot }
        return Tracking(sceneSlot: sceneSlot, choiceSlot: choiceSlot, sceneCount: readScenes.count, choiceCount: readChoices.count)
    }
}
