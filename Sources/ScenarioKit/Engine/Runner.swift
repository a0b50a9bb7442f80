/// The step function of the engine: runs content lines until a decision, an ending or a problem, lists
/// the choices offered, and applies a choice. Shared by `Playthrough` and the checker's exploration.
enum Runner {
    /// Why running stopped.
    enum Stop: Equatable {
        case decision, ending, stuck(Problem)
    }

    static let stepLimit = 100_000

    /// Runs from the state's position. `output` collects visible lines when asked.
    static func advance(_ state: inout EngineState, scenario: Scenario, seed: UInt64, output: inout [FrameLine], collectOutput: Bool) -> Stop {
        var ignored = IgnoringLines()
        return advance(&state, scenario: scenario, seed: seed, output: &output, collectOutput: collectOutput, lines: &ignored)
    }

    /// `advance`, telling `lines` of every content line it runs. An observer passed in place rather than a
    /// callback: the checker's exploration runs millions of lines, and the state a callback captures is
    /// boxed and checked for overlapping access at every line.
    static func advance<Observer: LineObserver>(_ state: inout EngineState, scenario: Scenario, seed: UInt64, output: inout [FrameLine],
                                                collectOutput: Bool, lines coverage: inout Observer) -> Stop {
        var steps = 0
        while true {
            let content = scenario.scenes[state.scene].content
            guard state.item < content.count else {
                let scene = scenario.scenes[state.scene]
                if scene.ending != nil { return .ending }
                if !scene.choiceIndices.isEmpty { return .decision }
                return .stuck(.noWayOut(scene: scene.id))
            }
            coverage.ran(scene: state.scene, item: state.item)
            state.item += 1
            steps += 1
            if steps > stepLimit { return .stuck(.loop(scene: scenario.scenes[state.scene].id)) }
            // Exploring runs past narration without copying it (most lines of a scene are narration).
            if !collectOutput, content[state.item - 1].onlyShowsText { continue }
            let item = content[state.item - 1]
            if case .conditional(let condition, let inner) = item {
                guard Evaluator.value(of: condition, in: &state, seed: seed, scenario: scenario).isTruthy else { continue }
                coverage.ran(scene: state.scene, item: -state.item)
                if let stop = execute(inner, &state, scenario: scenario, seed: seed, output: &output, collectOutput: collectOutput) { return stop }
                continue
            }
            if let stop = execute(item, &state, scenario: scenario, seed: seed, output: &output, collectOutput: collectOutput) { return stop }
        }
    }

    private static func execute(_ item: ContentItem, _ state: inout EngineState, scenario: Scenario, seed: UInt64,
                                output: inout [FrameLine], collectOutput: Bool) -> Stop? {
        switch item {
        case .narration(let parts):
            if collectOutput { output.append(.narration(Evaluator.render(parts, in: &state, seed: seed, scenario: scenario))) }
        case .speech(let speaker, let parts):
            if collectOutput {
                output.append(.speech(speaker: speaker, name: scenario.speakers[speaker] ?? speaker,
                                      text: Evaluator.render(parts, in: &state, seed: seed, scenario: scenario)))
            }
        case .paragraphBreak:
            if collectOutput { output.append(.paragraphBreak) }
        case .assignment(let assignment):
            assign(assignment, &state, scenario: scenario, seed: seed)
        case .conditional(let condition, let inner):
            if Evaluator.value(of: condition, in: &state, seed: seed, scenario: scenario).isTruthy {
                return execute(inner, &state, scenario: scenario, seed: seed, output: &output, collectOutput: collectOutput)
            }
        case .divert(let target):
            enter(target, &state, scenario: scenario)
        case .call(let target):
            state.stack.append(.resume(scene: state.scene, item: state.item))
            enter(target, &state, scenario: scenario)
        case .returnFromCall:
            return returnFromCall(&state, scenario: scenario)
        case .breathe(let exercise):
            if collectOutput { output.append(.breathe(exercise)) }
        case .reflect(let id, let prompt):
            if collectOutput { output.append(.reflect(id: id, prompt: prompt)) }
        case .checkIn(let id, let question, let options):
            if collectOutput { output.append(.checkIn(id: id, question: question, options: options)) }
        }
        return nil
    }

    static func enter(_ scene: Int, _ state: inout EngineState, scenario: Scenario) {
        state.scene = scene
        state.item = 0
        let slot = scenario.tracking.sceneSlot[scene]
        if slot >= 0, state.visits[slot] < 1000 { state.visits[slot] += 1 }
    }

    private static func returnFromCall(_ state: inout EngineState, scenario: Scenario) -> Stop? {
        guard let point = state.stack.popLast() else {
            return .stuck(.returnWithoutCall(scene: scenario.scenes[state.scene].id))
        }
        switch point {
        case .resume(let scene, let item):
            state.scene = scene
            state.item = item
        case .enter(let scene):
            enter(scene, &state, scenario: scenario)
        }
        return nil
    }

    private static func assign(_ assignment: Assignment, _ state: inout EngineState, scenario: Scenario, seed: UInt64) {
        let value = Evaluator.value(of: assignment.value, in: &state, seed: seed, scenario: scenario)
        switch (assignment.operation, state.values[assignment.variable], value) {
        case (.set, _, _): state.values[assignment.variable] = value
        case (.add, .int(let current), .int(let delta)): state.values[assignment.variable] = .int(current &+ delta)
        case (.subtract, .int(let current), .int(let delta)): state.values[assignment.variable] = .int(current &- delta)
        default: break
        }
    }

    /// A choice at the current decision: whether it is offered, and whether it can be taken.
    struct Option: Equatable {
        var choice: Int
        var isEnabled: Bool
    }

    /// The choices offered at the decision the state stands at (timeout fallbacks are never offered).
    static func options(_ state: inout EngineState, scenario: Scenario, seed: UInt64) -> [Option] {
        var result: [Option] = []
        options(&state, scenario: scenario, seed: seed, into: &result)
        return result
    }

    /// `options`, written into `result` (emptied first, its storage kept) so a caller asking at every
    /// decision allocates nothing.
    static func options(_ state: inout EngineState, scenario: Scenario, seed: UInt64, into result: inout [Option]) {
        result.removeAll(keepingCapacity: true)
        for index in scenario.scenes[state.scene].choiceIndices {
            let choice = scenario.choices[index]
            if choice.isTimeoutFallback { continue }
            if !choice.isSticky {
                let slot = scenario.tracking.choiceSlot[index]
                if slot >= 0, state.chosen[slot] > 0 { continue }
            }
            let enabled = choice.condition.map { Evaluator.value(of: $0, in: &state, seed: seed, scenario: scenario).isTruthy } ?? true
            if enabled || choice.disabledReason != nil { result.append(Option(choice: index, isEnabled: enabled)) }
        }
    }

    /// Applies a choice's counts, assignments and target. Returns a problem when the target cannot be followed.
    static func take(_ index: Int, _ state: inout EngineState, scenario: Scenario, seed: UInt64) -> Stop? {
        let choice = scenario.choices[index]
        let slot = scenario.tracking.choiceSlot[index]
        if slot >= 0, state.chosen[slot] < 1000 { state.chosen[slot] += 1 }
        for assignment in choice.assignments { assign(assignment, &state, scenario: scenario, seed: seed) }
        switch choice.target {
        case .scene(let target): enter(target, &state, scenario: scenario)
        case .callThen(let sub, let then):
            state.stack.append(.enter(scene: then))
            enter(sub, &state, scenario: scenario)
        case .returnFromCall: return returnFromCall(&state, scenario: scenario)
        }
        return nil
    }
}

/// Hears of every content line the engine runs (see `Runner.advance`).
protocol LineObserver {
    /// Line `item` of `scene` ran; with `item` = -(line index + 1), that conditional line's condition held.
    mutating func ran(scene: Int, item: Int)
}

/// Hears nothing: the player runs lines only to show them.
struct IgnoringLines: LineObserver {
    func ran(scene: Int, item: Int) {}
}
