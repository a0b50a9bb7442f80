import Dispatch

/// The checks that need the whole compiled scenario: what no path reaches, what leads nowhere, what an
/// author forgot (feedback, rationale, an ideal path) and whether the pass mark can be met.
public enum ScenarioChecker {
    public static func check(_ scenario: Scenario, stateLimit: Int = 500_000) -> [Diagnostic] {
        checkKeepingExploration(scenario, stateLimit: stateLimit).diagnostics
    }

    /// `check`, with the exploration the findings came from (it holds the scenario too).
    public static func checkKeepingExploration(_ scenario: Scenario, stateLimit: Int = 500_000) -> (diagnostics: [Diagnostic], exploration: Exploration) {
        // Seeds 1 to 7 only matter when the script draws random numbers.
        let explored = Exploration(scenario: scenario, seeds: scenario.facts.usesRandom ? Array(0..<8) : [0], stateLimit: stateLimit)
        var authored: [Diagnostic] = []
        reportAuthoring(scenario, into: &authored)
        return (findings(explored, authoring: authored), explored)
    }

    private static func findings(_ exploration: Exploration, authoring: [Diagnostic]) -> [Diagnostic] {
        let scenario = exploration.scenario
        var diagnostics: [Diagnostic] = []
        func warn(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, length: Int = 1, hint: String) {
            diagnostics.append(Diagnostic(code, message, at: location, length: length, hint: hint))
        }
        if !exploration.isComplete {
            warn(.explorationIncomplete, "exploration stopped after \(exploration.stateLimit) states; the other findings for this module may be incomplete",
                 at: scenario.scenes[scenario.start].location, hint: "variables that grow without limit in loops make endless states; bound them")
        }
        // What no path reaches, whether the pass mark can be reached and where the ideal path leads are
        // independent passes over the states, so they run side by side; the diagnostics keep their order.
        let reports = ParallelResults<[Diagnostic]>(count: 3)
        DispatchQueue.concurrentPerform(iterations: 3) { job in
            var found: [Diagnostic] = []
            switch job {
            case 0:
                reportStuckStates(exploration, into: &found)
                reportUnreached(exploration, into: &found)
            case 1: reportPassMark(exploration, into: &found)
            default: reportIdealPath(exploration, into: &found)
            }
            reports.store(found, at: job)
        }
        return diagnostics + reports.take(at: 0) + authoring + reports.take(at: 1) + reports.take(at: 2)
    }

    private static func reportStuckStates(_ exploration: Exploration, into diagnostics: inout [Diagnostic]) {
        var reported = Set<Int>()
        for node in exploration.nodes {
            guard case .stuck(let problem) = node.status, reported.insert(node.state.scene).inserted else { continue }
            let scene = exploration.scenario.scenes[node.state.scene]
            let (code, hint): (DiagnosticCode, String) = switch problem {
            case .loop: (.loopWithoutChoice, "give one scene of the loop a decision or an ending")
            case .returnWithoutCall: (.returnOutsideCall, "reach this scene with `-> \(scene.id) ->` (a call), or replace `->->` with `-> next_scene`")
            case .noChoice: (.deadEnd, "add a choice without a condition, or make sure a condition always holds for one choice")
            case .noWayOut: (.noWayOut, "add choices, a `-> next_scene` line, or `@end resolved: title`")
            }
            diagnostics.append(Diagnostic(code, "a playthrough gets stuck here: \(problem)", at: scene.location, length: scene.id.count, hint: hint))
        }
    }

    private static func reportUnreached(_ exploration: Exploration, into diagnostics: inout [Diagnostic]) {
        let scenario = exploration.scenario
        var endingReached = false
        for scene in scenario.scenes {
            let reached = exploration.hasReached(scene: scene.index)
            if scene.ending != nil {
                endingReached = endingReached || reached
                if !reached {
                    diagnostics.append(Diagnostic(.unreachableEnding, "no path reaches ending '\(scene.id)'", at: scene.location, length: scene.id.count,
                                                  hint: "lead a choice here with `-> \(scene.id)`, or check the conditions on the way"))
                }
                continue
            }
            guard reached else {
                diagnostics.append(Diagnostic(.unreachableScene, "no path reaches scene '\(scene.id)'", at: scene.location, length: scene.id.count,
                                              hint: "lead a choice or divert here, check the conditions on the way, or remove the scene"))
                continue
            }
            for choiceIndex in scene.choiceIndices where !exploration.hasReached(choice: choiceIndex) {
                let choice = scenario.choices[choiceIndex]
                diagnostics.append(Diagnostic(.unreachableChoice, "choice '\(choice.id)' is never available", at: choice.location, length: choice.id.count,
                                              hint: choice.condition == nil ? "it is once-only and already taken whenever the scene returns; make it sticky with `+`"
                                                  : "its condition never holds when the scene is reached; check it against the paths that lead here"))
            }
        }
        for scene in scenario.scenes where exploration.hasReached(scene: scene.index) {
            for (item, content) in scene.content.enumerated() {
                let neverRun = !exploration.hasCovered(scene: scene.index, item: item)
                var neverTrue = false
                if case .conditional = content { neverTrue = !exploration.hasCovered(scene: scene.index, item: -(item + 1)) }
                guard neverRun || neverTrue, !isUnreachableAfterDivert(scene, item) else { continue }
                diagnostics.append(Diagnostic(.unreachableLine, neverRun ? "this line is never shown" : "this `@if` condition never holds",
                                              at: scene.contentLocations[item],
                                              hint: neverRun ? "a divert or return above it always leaves the scene first"
                                                  : "no path makes the condition true here; fix it or remove the line"))
            }
        }
        if !endingReached, let start = scenario.scenes.first {
            diagnostics.append(Diagnostic(.noEnding, "no path reaches any ending", at: start.location, length: start.id.count,
                                          hint: "add a scene with `@end resolved: title` and lead a choice to it"))
        }
    }

    /// Lines after a divert already get their own diagnostic from the compiler.
    private static func isUnreachableAfterDivert(_ scene: Scene, _ item: Int) -> Bool {
        scene.content[..<item].contains { content in
            if case .divert = content { return true }
            if case .returnFromCall = content { return true }
            return false
        }
    }

    private static func reportAuthoring(_ scenario: Scenario, into diagnostics: inout [Diagnostic]) {
        for (index, variable) in scenario.variables.enumerated() where !scenario.facts.readsVariable[index] {
            diagnostics.append(Diagnostic(.unusedVariable, "variable '\(variable.name)' is never read", at: variable.location, length: variable.name.count,
                                          hint: "use it in a condition or `{\(variable.name)}`, or remove it"))
        }
        for choice in scenario.facts.choicesMissingText.map({ scenario.choices[$0] }) {
            if choice.feedback.isEmpty {
                diagnostics.append(Diagnostic(.missingFeedback, "choice '\(choice.id)' has no feedback", at: choice.location, length: choice.id.count,
                                              hint: "add `feedback: …`: what happens because of this choice"))
            }
            if choice.rationale.isEmpty {
                diagnostics.append(Diagnostic(.missingRationale, "choice '\(choice.id)' has no rationale for the debrief", at: choice.location,
                                              length: choice.id.count, hint: "add `why: …`: why this choice is or is not good practice"))
            }
        }
    }

    private static func reportPassMark(_ exploration: Exploration, into diagnostics: inout [Diagnostic]) {
        let scenario = exploration.scenario
        let start = scenario.scenes[scenario.start]
        guard scenario.choices.contains(where: { !$0.scores.isEmpty }),
              !PathAnalysis(exploration).canReach(passMark: scenario.rules.passMark, avoidingCriticalErrors: scenario.rules.criticalFails) else { return }
        diagnostics.append(Diagnostic(.passUnreachable, "no path reaches the pass mark of \(Int((scenario.rules.passMark * 100).rounded()))%",
                                      at: start.location, length: start.id.count,
                                      hint: "give the best choices more points, or lower `pass:` in course.ride"))
    }

    private static func reportIdealPath(_ exploration: Exploration, into diagnostics: inout [Diagnostic]) {
        let scenario = exploration.scenario
        let analysis = PathAnalysis(exploration)
        let start = scenario.scenes[scenario.start]
        let hasScores = scenario.choices.contains { !$0.scores.isEmpty }
        switch analysis.idealPath() {
        case .reaches(_, let path):
            let scorecard = Scorecard(tally: analysis.tally(along: path), competencies: scenario.competencies, rules: scenario.rules)
            if hasScores, !scorecard.passed {
                diagnostics.append(Diagnostic(.noIdealPath, "the ideal path does not pass the module", at: start.location, length: start.id.count,
                                              hint: "check the `ideal` marks and the points of the ideal choices"))
            }
        case .missingAt(let scene):
            let location = scenario.scenes[scene].location
            diagnostics.append(Diagnostic(.noIdealPath, "the ideal path stops at scene '\(scenario.scenes[scene].id)': no choice there is marked `ideal`",
                                          at: location, length: scenario.scenes[scene].id.count,
                                          hint: "mark the instructor's preferred choice with `ideal` so the debrief can compare"))
        case .stuck:
            break
        case .loops(let scene):
            let location = scenario.scenes[scene].location
            diagnostics.append(Diagnostic(.noIdealPath, "the ideal choices loop back to scene '\(scenario.scenes[scene].id)' without ending",
                                          at: location, length: scenario.scenes[scene].id.count, hint: "mark a choice that leads on as `ideal`"))
        }
    }
}
