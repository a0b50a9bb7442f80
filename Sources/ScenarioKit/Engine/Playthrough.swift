/// One trainee's way through a scenario: a deterministic value built from the scenario, a seed and the
/// choices taken. Everything else (the current frame, scores, the outcome) follows by replay.
public struct Playthrough: Sendable {
    public let scenario: Scenario
    public let seed: UInt64
    public private(set) var steps: [PathStep] = []
    public private(set) var state: EngineState
    public private(set) var frame: Frame
    public private(set) var decisions: [DecisionRecord] = []
    public private(set) var tally: ScoreTally

    /// A playthrough at the scenario's first decision.
    public init(scenario: Scenario, seed: UInt64 = 0) {
        self.scenario = scenario
        self.seed = seed
        var state = EngineState(scenario: scenario)
        Runner.enter(scenario.start, &state, scenario: scenario)
        self.state = state
        tally = ScoreTally(competencyCount: scenario.competencies.count)
        frame = Frame(sceneID: "", lines: [], status: .deciding, options: [])
        run()
    }

    /// Why a choice could not be taken.
    public enum ChoiceError: Error, Equatable, CustomStringConvertible {
        case notDeciding
        case unknownChoice(String)
        case notOffered(String)
        case disabled(String)
        case noTimer

        public var description: String {
            switch self {
            case .notDeciding: "the scenario is not waiting for a decision"
            case .unknownChoice(let id): "there is no choice '\(id)' in this module"
            case .notOffered(let id): "choice '\(id)' is not offered here"
            case .disabled(let id): "choice '\(id)' is offered but cannot be taken now"
            case .noTimer: "this decision is not timed"
            }
        }
    }

    public var isFinished: Bool {
        if case .deciding = frame.status { return false }
        return true
    }

    public var ending: Ending? {
        if case .ended(let ending) = frame.status { return ending }
        return nil
    }

    public var scorecard: Scorecard { Scorecard(tally: tally, competencies: scenario.competencies, rules: scenario.rules) }

    /// Takes a choice by its stable id and returns what the step produced.
    @discardableResult
    public mutating func choose(_ id: String) throws(ChoiceError) -> [PlaythroughEvent] {
        guard case .deciding = frame.status else { throw .notDeciding }
        guard let index = scenario.choiceIndex[id] else { throw .unknownChoice(id) }
        guard let offered = frame.options.first(where: { $0.id == id }) else { throw .notOffered(id) }
        guard offered.isEnabled else { throw .disabled(id) }
        return apply(index, timedOut: false)
    }

    /// The timer ran out: takes the decision's `on timeout` choice.
    @discardableResult
    public mutating func timeout() throws(ChoiceError) -> [PlaythroughEvent] {
        guard case .deciding = frame.status else { throw .notDeciding }
        guard let id = frame.timeoutChoiceID, let index = scenario.choiceIndex[id] else { throw .noTimer }
        return apply(index, timedOut: true)
    }

    /// The same playthrough after one more choice.
    public func choosing(_ id: String) throws(ChoiceError) -> Playthrough {
        var copy = self
        try copy.choose(id)
        return copy
    }

    private mutating func apply(_ index: Int, timedOut: Bool) -> [PlaythroughEvent] {
        let choice = scenario.choices[index]
        let offered = frame.options.filter(\.isEnabled).compactMap { scenario.choiceIndex[$0.id].map { scenario.choices[$0] } }
        tally.record(offered: offered, taken: choice)
        var probe = state
        let text = Evaluator.render(choice.text, in: &probe, seed: seed, scenario: scenario)
        let record = DecisionRecord(
            sceneID: frame.sceneID, choiceID: choice.id, choiceText: text, offeredIDs: frame.options.map(\.id),
            idealIDs: frame.options.filter(\.isIdeal).map(\.id), timedOut: timedOut,
            scoreChanges: choice.scores.map { (scenario.competencies[$0.competency].id, $0.points) }.map { ScoreDelta(competency: $0.0, points: $0.1) },
            criticalErrors: choice.criticalErrors.map { CriticalErrorRecord(competency: scenario.competencies[$0.competency].id, description: $0.description) },
            feedback: choice.feedback, rationale: choice.rationale, wasIdeal: choice.isIdeal, tags: choice.tags, decisionNumber: decisions.count + 1)
        decisions.append(record)
        steps.append(PathStep(choiceID: choice.id, timedOut: timedOut))
        var events: [PlaythroughEvent] = [.decided(record)]
        if case .stuck(let reason)? = Runner.take(index, &state, scenario: scenario, seed: seed) {
            frame = Frame(sceneID: frame.sceneID, lines: [], status: .stuck(reason), options: [])
            return events
        }
        run()
        if let ending { events.append(.ended(ending)) }
        return events
    }

    private mutating func run() {
        var lines: [FrameLine] = []
        let stop = Runner.advance(&state, scenario: scenario, seed: seed, output: &lines, collectOutput: true)
        let scene = scenario.scenes[state.scene]
        switch stop {
        case .ending:
            frame = Frame(sceneID: scene.id, lines: lines, status: .ended(scene.ending!), options: [])
        case .stuck(let reason):
            frame = Frame(sceneID: scene.id, lines: lines, status: .stuck(reason), options: [])
        case .decision:
            let options = Runner.options(&state, scenario: scenario, seed: seed).map { option in
                let choice = scenario.choices[option.choice]
                return OfferedChoice(id: choice.id, text: Evaluator.render(choice.text, in: &state, seed: seed, scenario: scenario),
                                     isEnabled: option.isEnabled, disabledReason: option.isEnabled ? nil : choice.disabledReason,
                                     isIdeal: choice.isIdeal)
            }
            let fallback = scene.choiceIndices.map { scenario.choices[$0] }.first(where: \.isTimeoutFallback)
            let status: FrameStatus = options.contains(where: \.isEnabled) || fallback != nil
                ? .deciding : .stuck(.noChoice(scene: scene.id))
            frame = Frame(sceneID: scene.id, lines: lines, status: status, options: options,
                          timerSeconds: fallback != nil ? scene.timerSeconds : nil, timeoutChoiceID: fallback?.id)
        }
    }
}

/// One step of a saved path: the choice taken, and whether the timer took it.
public struct PathStep: Sendable, Hashable, Codable {
    public var choiceID: String
    public var timedOut: Bool

    public init(choiceID: String, timedOut: Bool = false) {
        self.choiceID = choiceID
        self.timedOut = timedOut
    }
}

/// What a step of a playthrough produced, for records and screens.
public enum PlaythroughEvent: Sendable, Hashable {
    case decided(DecisionRecord)
    case ended(Ending)
}

/// Points a decision gave a competency, by competency id.
public struct ScoreDelta: Sendable, Hashable, Codable {
    public var competency: String
    public var points: Int

    public init(competency: String, points: Int) {
        self.competency = competency
        self.points = points
    }
}

/// A critical error as recorded, by competency id.
public struct CriticalErrorRecord: Sendable, Hashable, Codable {
    public var competency: String
    public var description: String
}

/// One decision as the debrief and the FTO see it.
public struct DecisionRecord: Sendable, Hashable, Codable {
    public var sceneID: String
    public var choiceID: String
    public var choiceText: String
    public var offeredIDs: [String]
    public var idealIDs: [String]
    public var timedOut: Bool
    public var scoreChanges: [ScoreDelta]
    public var criticalErrors: [CriticalErrorRecord]
    public var feedback: String
    public var rationale: String
    public var wasIdeal: Bool
    public var tags: [String]
    /// 1 for the first decision of the playthrough.
    public var decisionNumber: Int

    public init(sceneID: String, choiceID: String, choiceText: String, offeredIDs: [String], idealIDs: [String], timedOut: Bool,
                scoreChanges: [ScoreDelta], criticalErrors: [CriticalErrorRecord], feedback: String, rationale: String, wasIdeal: Bool,
                tags: [String], decisionNumber: Int) {
        self.sceneID = sceneID
        self.choiceID = choiceID
        self.choiceText = choiceText
        self.offeredIDs = offeredIDs
        self.idealIDs = idealIDs
        self.timedOut = timedOut
        self.scoreChanges = scoreChanges
        self.criticalErrors = criticalErrors
        self.feedback = feedback
        self.rationale = rationale
        self.wasIdeal = wasIdeal
        self.tags = tags
        self.decisionNumber = decisionNumber
    }
}
