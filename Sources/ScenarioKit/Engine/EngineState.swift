import Dispatch

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
        // The counts that expressions read and the scenes a playthrough can come back to are found side by side.
        let read = ParallelResults<(scenes: [Bool], choices: [Bool])>(count: 1), revisitable = ParallelResults<[Bool]>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { job in
            if job == 0 {
                read.store(countsRead(scenes: scenes, choices: choices), at: 0)
            } else {
                revisitable.store(SceneGraph(scenes: scenes, choices: choices).revisitableScenes(), at: 0)
            }
        }
        var (readsScene, readsChoice) = read.take(at: 0)
        let revisited = revisitable.take(at: 0)
        for choice in choices where !choice.isSticky && revisited[choice.sceneIndex] { readsChoice[choice.index] = true }
        return Tracking(sceneSlot: slots(readsScene), choiceSlot: slots(readsChoice),
                        sceneCount: readsScene.count { $0 }, choiceCount: readsChoice.count { $0 })
    }

    /// Which scene visit counts and choice counts the expressions of the scenes and choices read.
    private static func countsRead(scenes: [Scene], choices: [Choice]) -> (scenes: [Bool], choices: [Bool]) {
        var readsScene = [Bool](repeating: false, count: scenes.count), readsChoice = [Bool](repeating: false, count: choices.count)
        func note(_ expression: Expression) {
            expression.forEachCountRead(scene: { readsScene[$0] = true }, choice: { readsChoice[$0] = true })
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
        return (readsScene, readsChoice)
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
