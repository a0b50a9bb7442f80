import Dispatch

/// `ridealong playtest`: many seeded random playthroughs (like ChoiceScript's randomtest), with hit
/// counts per choice and line, outcome and score distributions, the pass rate, and the pass mark that
/// would give a wanted pass rate (the idea of ChoiceScript's auto()). The same seed gives the same report.
public struct PlaytestReport: Sendable {
    /// How each playthrough picks among the offered choices.
    public enum Strategy: String, Sendable, CaseIterable {
        /// Uniformly at random (a timeout counts as one more option where a decision is timed).
        case random
        /// The least-taken offered choice so far, ties broken at random: covers rare branches sooner.
        case leastUsed = "least-used"
    }

    public var runs: Int
    public var seed: UInt64
    public var strategy: Strategy
    public var choiceHits: [Int]
    public var lineHits: [Int]
    public var outcomes: [String: Int]
    /// Runs per overall-score decile (0–9, 100% in the last).
    public var scoreDeciles: [Int]
    /// Runs per lowest competency rating (index 0 = not observed, 1–7 = the rating).
    public var lowestRatings: [Int]
    public var passed: Int
    public var stuck: Int
    /// Overall scores of runs that finished without a failing critical error, sorted.
    var eligibleScores: [Double]
    let scenario: Scenario

    /// The lowest pass mark at which at most `rate` of runs would pass.
    public func suggestedPassMark(forPassRate rate: Double) -> Double? {
        guard !eligibleScores.isEmpty else { return nil }
        let passing = Int((rate * Double(runs)).rounded(.down))
        guard passing < eligibleScores.count else { return eligibleScores.first }
        let index = eligibleScores.count - passing - 1
        return min(1, eligibleScores[index] + 0.005)
    }

    public init(scenario: Scenario, runs: Int, seed: UInt64, strategy: Strategy) {
        self.scenario = scenario
        self.runs = runs
        self.seed = seed
        self.strategy = strategy
        let chunks = 4
        let lineOffsets = scenario.scenes.reduce(into: [0]) { $0.append($0.last! + $1.content.count) }
        let results = Self.runChunks(chunks: chunks, scenario: scenario, runs: runs, seed: seed, strategy: strategy, lineOffsets: lineOffsets)
        choiceHits = Array(repeating: 0, count: scenario.choices.count)
        lineHits = Array(repeating: 0, count: lineOffsets.last!)
        outcomes = [:]
        scoreDeciles = Array(repeating: 0, count: 10)
        lowestRatings = Array(repeating: 0, count: 8)
        passed = 0
        stuck = 0
        eligibleScores = []
        for chunk in results {
            for (index, hits) in chunk.choiceHits.enumerated() { choiceHits[index] += hits }
            for (index, hits) in chunk.lineHits.enumerated() { lineHits[index] += hits }
            for (key, value) in chunk.outcomes { outcomes[key, default: 0] += value }
            for index in 0..<10 { scoreDeciles[index] += chunk.scoreDeciles[index] }
            for index in 0..<8 { lowestRatings[index] += chunk.lowestRatings[index] }
            passed += chunk.passed
            stuck += chunk.stuck
            eligibleScores += chunk.eligibleScores
        }
        eligibleScores.sort()
    }

    private struct Chunk: Sendable {
        var choiceHits: [Int], lineHits: [Int], outcomes: [String: Int] = [:]
        var scoreDeciles = Array(repeating: 0, count: 10), lowestRatings = Array(repeating: 0, count: 8)
        var passed = 0, stuck = 0, eligibleScores: [Double] = []
    }

    /// How often each content line ran (`offsets` says where each scene's lines begin in `hits`).
    private struct LineHits: LineObserver {
        let offsets: [Int]
        var hits: [Int]

        mutating func ran(scene: Int, item: Int) {
            if item >= 0 { hits[offsets[scene] + item] += 1 }
        }
    }

    private static func runChunks(chunks: Int, scenario: Scenario, runs: Int, seed: UInt64, strategy: Strategy, lineOffsets: [Int]) -> [Chunk] {
        let slots = ParallelResults<Chunk>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let count = runs / chunks + (chunk < runs % chunks ? 1 : 0)
            var generator = SplitMix64(seed: seed &+ UInt64(chunk) &* 0xD1B5_4A32_D192_ED03)
            var result = Chunk(choiceHits: Array(repeating: 0, count: scenario.choices.count), lineHits: Array(repeating: 0, count: lineOffsets.last!))
            for _ in 0..<count { playOnce(scenario, &generator, strategy, lineOffsets, &result) }
            slots.store(result, at: chunk)
        }
        return slots.values
    }

    private static func playOnce(_ scenario: Scenario, _ generator: inout SplitMix64, _ strategy: Strategy, _ lineOffsets: [Int],
                                 _ result: inout Chunk) {
        let playSeed = generator.next()
        var state = EngineState(scenario: scenario)
        var unused: [FrameLine] = []
        var lineHits = LineHits(offsets: lineOffsets, hits: result.lineHits)
        Runner.enter(scenario.start, &state, scenario: scenario)
        var stop = Runner.advance(&state, scenario: scenario, seed: playSeed, output: &unused, collectOutput: false, lines: &lineHits)
        var earned = Array(repeating: 0, count: scenario.competencies.count), available = earned
        var exercised = Array(repeating: false, count: earned.count)
        var critical = false
        var decisions = 0
        var candidates: [Int] = []
        while stop == .decision, decisions < 10_000 {
            decisions += 1
            candidates.removeAll(keepingCapacity: true)
            for option in Runner.options(&state, scenario: scenario, seed: playSeed) where option.isEnabled { candidates.append(option.choice) }
            var best = Array(repeating: 0, count: earned.count)
            for index in candidates {
                for change in scenario.choices[index].scores {
                    best[change.competency] = max(best[change.competency], change.points)
                    exercised[change.competency] = true
                }
            }
            let scene = scenario.scenes[state.scene]
            if scene.timerSeconds != nil, let fallback = scene.choiceIndices.first(where: { scenario.choices[$0].isTimeoutFallback }) {
                candidates.append(fallback)
            }
            guard !candidates.isEmpty else { stop = .stuck(.noChoice(scene: scene.id)); break }
            let pick: Int
            switch strategy {
            case .random: pick = candidates[Int(generator.next() % UInt64(candidates.count))]
            case .leastUsed:
                let fewest = candidates.map { result.choiceHits[$0] }.min()!
                let tied = candidates.filter { result.choiceHits[$0] == fewest }
                pick = tied[Int(generator.next() % UInt64(tied.count))]
            }
            result.choiceHits[pick] += 1
            for index in best.indices { available[index] += best[index] }
            for change in scenario.choices[pick].scores { earned[change.competency] += change.points; exercised[change.competency] = true }
            if !scenario.choices[pick].criticalErrors.isEmpty { critical = true }
            if case .stuck(let problem)? = Runner.take(pick, &state, scenario: scenario, seed: playSeed) { stop = .stuck(problem); break }
            stop = Runner.advance(&state, scenario: scenario, seed: playSeed, output: &unused, collectOutput: false, lines: &lineHits)
        }
        result.lineHits = lineHits.hits
        guard stop == .ending, let ending = scenario.scenes[state.scene].ending else {
            result.stuck += 1
            result.outcomes["stuck", default: 0] += 1
            return
        }
        result.outcomes[ending.outcome.rawValue, default: 0] += 1
        var tally = ScoreTally(competencyCount: earned.count)
        tally.earned = earned
        tally.available = available
        tally.exercised = exercised
        if critical { tally.criticalErrors = [CriticalError(competency: 0, description: "")] }
        let card = Scorecard(tally: tally, competencies: scenario.competencies, rules: scenario.rules)
        let overall = card.overall ?? 0
        result.scoreDeciles[min(9, Int(overall * 10))] += 1
        result.lowestRatings[card.entries.compactMap(\.rating).min() ?? 0] += 1
        if card.passed { result.passed += 1 }
        if !(critical && scenario.rules.criticalFails) { result.eligibleScores.append(overall) }
    }

    /// The report as text with histograms.
    public func text(wantedPassRate: Double?) -> String {
        var out = "playtest \(scenario.id): \(runs) runs, seed \(seed), strategy \(strategy.rawValue)\n"
        out += "\noutcomes\n"
        // Most frequent first; equal counts by name, so the same seed always prints the same report.
        for (key, value) in outcomes.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) { out += bar(key, value) }
        out += "\noverall score\n"
        for (index, value) in scoreDeciles.enumerated() {
            out += bar(index == 9 ? "90–100%" : "\(index * 10)–\(index * 10 + 9)%", value)
        }
        out += "\nlowest competency rating (1–7)\n"
        for rating in [1, 2, 3, 4, 5, 6, 7, 0] where lowestRatings[rating] > 0 { out += bar(rating == 0 ? "N.O." : "\(rating)", lowestRatings[rating]) }
        out += "\npass rate: \(percent(Double(passed) / Double(max(1, runs)))) at the pass mark of \(percent(scenario.rules.passMark))\n"
        if let wanted = wantedPassRate, let mark = suggestedPassMark(forPassRate: wanted) {
            out += "suggested pass mark for a \(percent(wanted)) pass rate among these runs: \(percent(mark))\n"
        }
        if stuck > 0 { out += "! \(stuck) runs got stuck: run `ridealong check` on the module\n" }
        out += "\nchoice hits\n"
        for choice in scenario.choices {
            out += "  \(pad("\(choice.location.line)", 5)) \(pad(choice.id, 28)) \(choiceHits[choice.index])\(choiceHits[choice.index] == 0 ? "  ← never taken" : "")\n"
        }
        var offset = 0
        var missed: [(String, Int)] = []
        for scene in scenario.scenes {
            for (item, location) in scene.contentLocations.enumerated() where lineHits[offset + item] == 0 { missed.append((location.file, location.line)) }
            offset += scene.content.count
        }
        out += "\nlines never shown in these runs: " + (missed.isEmpty ? "none\n" : "\n" + ExplorationReport.ranges(missed).map { "  \($0)\n" }.joined())
        return out
    }

    private func bar(_ label: String, _ value: Int) -> String {
        let width = runs > 0 ? Int((Double(value) / Double(runs) * 40).rounded()) : 0
        return "  \(pad(label, 18)) \(pad(String(value), 8)) \(percent(Double(value) / Double(max(1, runs)))) \(String(repeating: "█", count: width))\n"
    }

    private func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }
    private func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
}
