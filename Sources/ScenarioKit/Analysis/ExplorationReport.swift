/// `ridealong explore`: what every reachable path of a module can do — endings and how many paths reach
/// each, shortest and longest paths, score ranges per competency and per ending, whether the pass mark
/// can be reached and avoided, and every line and choice no path reaches.
public struct ExplorationReport: Sendable {
    /// One ending's reachability and score range.
    public struct EndingSummary: Sendable {
        public var scene: String
        public var outcome: Outcome
        public var title: String
        /// Distinct loop-free paths (decisions taken) that reach it; 0 when unreachable.
        public var paths: Double
        public var overallRange: ClosedRange<Double>?
    }

    /// One competency's reachable points.
    public struct CompetencyRange: Sendable {
        public var competency: Competency
        public var earned: ClosedRange<Int>
    }

    public var module: String
    public var states: Int
    public var isComplete: Bool
    public var hasLoops: Bool
    public var endings: [EndingSummary]
    public var shortestPath: Int?
    public var longestPath: Int?
    public var competencies: [CompetencyRange]
    public var passMark: Double
    public var passReachable: Bool
    public var passAvoidable: Bool
    public var unreachedLines: [String]
    public var unreachedChoices: [String]

    public init(scenario: Scenario, stateLimit: Int = 500_000) {
        let exploration = Exploration(scenario: scenario, stateLimit: stateLimit)
        let graph = NodeGraph(exploration)
        let analysis = PathAnalysis(exploration)
        module = scenario.id
        states = exploration.nodes.count
        isComplete = exploration.isComplete
        hasLoops = graph.hasBackEdges
        passMark = scenario.rules.passMark
        passReachable = analysis.canReach(passMark: passMark, avoidingCriticalErrors: scenario.rules.criticalFails)
        passAvoidable = graph.canFinishBelow(passMark, criticalFails: scenario.rules.criticalFails)
        let lengths = graph.pathLengths()
        shortestPath = lengths?.lowerBound
        longestPath = lengths?.upperBound
        competencies = scenario.competencies.indices.map { index in
            CompetencyRange(competency: scenario.competencies[index], earned: graph.earnedRange(competency: index) ?? 0...0)
        }
        endings = scenario.scenes.filter { $0.ending != nil }.map { scene in
            EndingSummary(scene: scene.id, outcome: scene.ending!.outcome, title: scene.ending!.title,
                          paths: graph.pathCount(toEnding: scene.index), overallRange: graph.overallRange(toEnding: scene.index))
        }
        unreachedLines = Self.unreachedLines(exploration)
        unreachedChoices = scenario.choices.filter { !exploration.hasReached(choice: $0.index) }
            .map { "\($0.location.file):\($0.location.line) \($0.id)" }
    }

    private static func unreachedLines(_ exploration: Exploration) -> [String] {
        var lines: [(String, Int)] = []
        for scene in exploration.scenario.scenes {
            let reached = exploration.hasReached(scene: scene.index)
            if !reached { lines.append((scene.location.file, scene.location.line)) }
            for (item, location) in scene.contentLocations.enumerated() where !reached || !exploration.hasCovered(scene: scene.index, item: item) {
                lines.append((location.file, location.line))
            }
        }
        for choice in exploration.scenario.choices where !exploration.hasReached(choice: choice.index) {
            lines.append((choice.location.file, choice.location.line))
        }
        return ranges(lines)
    }

    /// "file:10-14" for runs of consecutive lines.
    static func ranges(_ lines: [(String, Int)]) -> [String] {
        let sorted = Set(lines.map { "\($0.0)\u{0}\($0.1)" }).map { key -> (String, Int) in
            let parts = key.split(separator: "\u{0}")
            return (String(parts[0]), Int(parts[1])!)
        }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        var result: [String] = []
        var start: (String, Int)?, last = 0
        for (file, line) in sorted {
            if let current = start, current.0 == file, line <= last + 1 { last = line; continue }
            if let current = start { result.append(current.1 == last ? "\(current.0):\(last)" : "\(current.0):\(current.1)-\(last)") }
            start = (file, line)
            last = line
        }
        if let current = start { result.append(current.1 == last ? "\(current.0):\(last)" : "\(current.0):\(current.1)-\(last)") }
        return result
    }

    /// The report as text for a terminal.
    public var text: String {
        var out = "explore \(module): \(states) reachable states\(isComplete ? "" : " (stopped at the limit: results are partial)")\n"
        if hasLoops { out += "note: the module can loop; path counts and longest paths count loop-free paths\n" }
        out += "\nendings\n"
        for ending in endings {
            let range = ending.overallRange.map { "overall \(percent($0.lowerBound))–\(percent($0.upperBound))" } ?? "unreachable"
            out += "  \(pad(ending.scene, 24)) \(pad(ending.outcome.rawValue, 18)) \(pad(ending.paths == 0 ? "0 paths" : "\(count(ending.paths)) path\(ending.paths == 1 ? "" : "s")", 12)) \(range)\n"
        }
        out += "\npaths: shortest \(shortestPath.map(String.init) ?? "-") decisions, longest \(longestPath.map(String.init) ?? "-") decisions\n"
        out += "\ncompetency points earned (min–max over all paths)\n"
        for range in competencies {
            out += "  \(pad(range.competency.id, 24)) \(range.earned.lowerBound)…\(range.earned.upperBound)\n"
        }
        out += "\npass mark \(percent(passMark)): \(passReachable ? "reachable" : "NOT reachable")"
        out += passAvoidable ? ", and some paths fall short\n" : ", and every path passes (check the module is not too easy)\n"
        out += "\nnever reached: \(unreachedLines.isEmpty ? "nothing — every line and choice is covered" : "")\n"
        for range in unreachedLines { out += "  \(range)\n" }
        return out
    }

    private func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }
    private func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
    private func count(_ value: Double) -> String { value < 1e15 ? String(Int(value)) : "≈\(value)" }
}
