/// Every state a scenario can reach, found by trying every offered choice (and every timeout) from
/// every decision, with conditions evaluated as they would be in play.
public struct Exploration: Sendable {
    /// A reachable state that waits for a decision, has ended, or is stuck.
    public struct Node: Sendable {
        public var state: EngineState
        public var status: Status
        /// Where this state's edges sit in `allEdges`, and the choices offered and enabled here (the base
        /// for points available) in `allEnabledChoices`: two flat arrays rather than two per state.
        public var edgeRange: Range<Int> = 0..<0
        public var enabledRange: Range<Int> = 0..<0
    }

    /// What a reachable state is.
    public enum Status: Sendable, Equatable {
        case decision, ending, stuck(Problem)
    }

    /// A choice taken from one node to another.
    public struct Edge: Sendable, Equatable {
        public var choice: Int
        public var target: Int
        public var timedOut: Bool
    }

    public let scenario: Scenario
    public private(set) var nodes: [Node] = []
    /// Every state's edges, state by state (see `edges(of:)`).
    public private(set) var allEdges: [Edge] = []
    /// Every decision's enabled choices, state by state (see `enabledChoices(of:)`).
    public private(set) var allEnabledChoices: [Int] = []
    public private(set) var isComplete = true
    public let stateLimit: Int
    /// What some state reached, by index: scenes entered, choices offered, and content lines run.
    public private(set) var sceneReached: [Bool], choiceReached: [Bool]
    /// Two flags per content line of each scene: the line ran, and (for a conditional line) its condition held.
    public private(set) var lineCovered: [Bool]
    /// Where each scene's line flags begin.
    private let firstLineFlag: [Int]

    /// Explores from the start with each of `seeds` (more than one only matters when the script uses `random`).
    public init(scenario: Scenario, seeds: [UInt64] = [0], stateLimit: Int = 500_000) {
        self.scenario = scenario
        self.stateLimit = stateLimit
        var slots = 0
        var firstLineFlag: [Int] = []
        firstLineFlag.reserveCapacity(scenario.scenes.count)
        for scene in scenario.scenes {
            firstLineFlag.append(slots)
            slots += 2 * scene.content.count
        }
        self.firstLineFlag = firstLineFlag
        lineCovered = [Bool](repeating: false, count: slots)
        sceneReached = [Bool](repeating: false, count: scenario.scenes.count)
        choiceReached = [Bool](repeating: false, count: scenario.choices.count)
        explore(seeds: seeds)
    }

    /// Explores from the start with each of `seeds` in turn, adding to what earlier seeds found: the
    /// same as having passed them to `init` after the earlier ones.
    mutating func explore(seeds: [UInt64]) {
        for seed in seeds { explore(seed: seed) }
    }

    /// The choices taken from state `node`, in the order offered (a timeout last).
    public func edges(of node: Int) -> ArraySlice<Edge> { allEdges[nodes[node].edgeRange] }

    /// The choices offered and enabled at state `node`.
    public func enabledChoices(of node: Int) -> ArraySlice<Int> { allEnabledChoices[nodes[node].enabledRange] }

    /// Whether some state is in `scene`.
    public func hasReached(scene: Int) -> Bool { sceneReached[scene] }

    /// Whether some state offers `choice`.
    public func hasReached(choice: Int) -> Bool { choiceReached[choice] }

    /// Whether content line `item` of `scene` ran; with `-(item + 1)`, whether that conditional line's condition held.
    public func hasCovered(scene: Int, item: Int) -> Bool {
        lineCovered[firstLineFlag[scene] + (item >= 0 ? 2 * item : 2 * (-item - 1) + 1)]
    }

    private mutating func explore(seed: UInt64) {
        var queue: [Int] = []
        // The locals own the only copies of the flags while they change.
        var coverage = Coverage(firstSlot: firstLineFlag, lines: lineCovered, scenes: sceneReached)
        var choiceSeen = choiceReached
        (lineCovered, sceneReached, choiceReached) = ([], [], [])
        // About a state per scene and per choice taken (decisions and where choices lead), so the index
        // seldom grows.
        var index = StateIndex(capacity: min(stateLimit, scenario.scenes.count + scenario.choices.count))
        var nodes = self.nodes, edges = allEdges, enabled = allEnabledChoices
        (self.nodes, allEdges, allEnabledChoices) = ([], [], [])
        var state = EngineState(scenario: scenario)
        var unused: [FrameLine] = []
        Runner.enter(scenario.start, &state, scenario: scenario)
        coverage.scenes[scenario.start] = true
        let stop = Runner.advance(&state, scenario: scenario, seed: seed, output: &unused, collectOutput: false, lines: &coverage)
        _ = Self.settle(state, stop, nodes: &nodes, index: &index, queue: &queue)
        // Reused from decision to decision: a decision offers a few choices.
        var options: [Runner.Option] = [], taken: [(choice: Int, timedOut: Bool)] = []
        var head = 0
        while head < queue.count {
            let current = queue[head]
            head += 1
            var here = nodes[current].state
            coverage.scenes[here.scene] = true
            Runner.options(&here, scenario: scenario, seed: seed, into: &options)
            taken.removeAll(keepingCapacity: true)
            for option in options where option.isEnabled { taken.append((option.choice, false)) }
            nodes[current].enabledRange = enabled.count..<(enabled.count + taken.count)
            for (choice, _) in taken { enabled.append(choice) }
            let scene = scenario.scenes[here.scene]
            if scene.timerSeconds != nil, let fallback = scene.choiceIndices.first(where: { scenario.choices[$0].isTimeoutFallback }) {
                taken.append((fallback, true))
            }
            if taken.isEmpty {
                nodes[current].status = .stuck(.noChoice(scene: scene.id))
                continue
            }
            let firstEdge = edges.count
            for (choice, timedOut) in taken {
                choiceSeen[choice] = true
                if nodes.count >= stateLimit { isComplete = false; break }
                var next = here
                if case .stuck(let problem)? = Runner.take(choice, &next, scenario: scenario, seed: seed) {
                    nodes.append(Node(state: next, status: .stuck(problem)))
                    edges.append(Edge(choice: choice, target: nodes.count - 1, timedOut: timedOut))
                    continue
                }
                coverage.scenes[next.scene] = true
                let result = Runner.advance(&next, scenario: scenario, seed: seed, output: &unused, collectOutput: false, lines: &coverage)
                edges.append(Edge(choice: choice, target: Self.settle(next, result, nodes: &nodes, index: &index, queue: &queue), timedOut: timedOut))
            }
            nodes[current].edgeRange = firstEdge..<edges.count
        }
        for node in nodes.indices { coverage.scenes[nodes[node].state.scene] = true }
        self.nodes = nodes
        allEdges = edges
        allEnabledChoices = enabled
        lineCovered = coverage.lines
        sceneReached = coverage.scenes
        choiceReached = choiceSeen
    }

    /// The node holding `state`: an earlier one, or a new one (queued when it waits for a decision).
    private static func settle(_ state: EngineState, _ stop: Runner.Stop, nodes: inout [Node], index: inout StateIndex, queue: inout [Int]) -> Int {
        let (existing, isNew) = index.node(for: state, orNew: nodes.count, in: nodes)
        guard isNew else { return existing }
        let status: Status
        switch stop {
        case .decision: status = .decision
        case .ending: status = .ending
        case .stuck(let reason): status = .stuck(reason)
        }
        nodes.append(Node(state: state, status: status))
        if status == .decision { queue.append(nodes.count - 1) }
        return nodes.count - 1
    }

    /// The lines that ran and the scenes entered, flagged as the exploration runs them.
    private struct Coverage: LineObserver {
        let firstSlot: [Int]
        var lines: [Bool]
        var scenes: [Bool]

        mutating func ran(scene: Int, item: Int) {
            lines[firstSlot[scene] + (item >= 0 ? 2 * item : 2 * (-item - 1) + 1)] = true
            scenes[scene] = true
        }
    }
}
