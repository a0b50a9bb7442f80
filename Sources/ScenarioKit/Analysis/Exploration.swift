/// Every state a scenario can reach, found by trying every offered choice (and every timeout) from
/// every decision, with conditions evaluated as they would be in play.
public struct Exploration: Sendable {
    /// A reachable state that waits for a decision, has ended, or is stuck.
    public struct Node: Sendable {
        public var state: EngineState
        public var status: Status
        public var edges: [Edge] = []
        /// Choices offered and enabled here (the base for points available).
        public var enabledChoices: [Int] = []
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
    public private(set) var reachedScenes: Set<Int> = []
    public private(set) var reachedChoices: Set<Int> = []
    /// Content lines executed, as (scene, item); conditional lines whose condition held as (scene, -(item + 1)).
    public private(set) var coveredLines: Set<Int64> = []
    public private(set) var isComplete = true
    public let stateLimit: Int
    /// The same facts as the sets above, as flags by index (see `hasReached` and `hasCovered`).
    private var sceneFlags: [Bool] = [], choiceFlags: [Bool] = [], lineFlags: [Bool] = []
    /// Where each scene's line flags begin: two per content item (run, condition held).
    private var firstLineFlag: [Int] = []

    /// Explores from the start with each of `seeds` (more than one only matters when the script uses `random`).
    public init(scenario: Scenario, seeds: [UInt64] = [0], stateLimit: Int = 500_000) {
        self.scenario = scenario
        self.stateLimit = stateLimit
        var slots = 0
        firstLineFlag.reserveCapacity(scenario.scenes.count)
        for scene in scenario.scenes {
            firstLineFlag.append(slots)
            slots += 2 * scene.content.count
        }
        lineFlags = [Bool](repeating: false, count: slots)
        sceneFlags = [Bool](repeating: false, count: scenario.scenes.count)
        choiceFlags = [Bool](repeating: false, count: scenario.choices.count)
        // Sized for everything the flags can hold, so the sets never rehash as they grow.
        coveredLines.reserveCapacity(slots)
        reachedScenes.reserveCapacity(scenario.scenes.count)
        reachedChoices.reserveCapacity(scenario.choices.count)
        explore(seeds: seeds)
    }

    /// Explores from the start with each of `seeds` in turn, adding to what earlier seeds found: the
    /// same as having passed them to `init` after the earlier ones.
    mutating func explore(seeds: [UInt64]) {
        for seed in seeds { explore(seed: seed) }
    }

    /// Whether some state is in `scene` (as `reachedScenes.contains`, without hashing).
    func hasReached(scene: Int) -> Bool { sceneFlags[scene] }

    /// Whether some state offers `choice` (as `reachedChoices.contains`, without hashing).
    func hasReached(choice: Int) -> Bool { choiceFlags[choice] }

    /// `covers(scene:item:)` for an item of the scene (`item` or `-(item + 1)`), without hashing.
    func hasCovered(scene: Int, item: Int) -> Bool {
        lineFlags[firstLineFlag[scene] + (item >= 0 ? 2 * item : 2 * (-item - 1) + 1)]
    }

    static func lineKey(scene: Int, item: Int) -> Int64 { Int64(scene) << 32 | Int64(UInt32(bitPattern: Int32(item))) }

    public func covers(scene: Int, item: Int) -> Bool { coveredLines.contains(Self.lineKey(scene: scene, item: item)) }

    /// Reads an entry through `Dictionary`'s defaulting subscript, which inserts the default when the
    /// key is missing: a lookup and an insertion for one hash of the state.
    private static func entry(_ value: inout Int) -> Int { value }

    private mutating func explore(seed: UInt64) {
        var index: [EngineState: Int] = [:]
        var queue: [Int] = []
        var covered = coveredLines, scenes = reachedScenes
        // Flags in front of the sets, so each line and scene is hashed once however often it runs.
        let firstSlot = firstLineFlag
        var lineSeen = lineFlags, sceneSeen = sceneFlags, choiceSeen = choiceFlags
        // The locals own the only copies while they change (the sets' reserved tables are not copied).
        (lineFlags, sceneFlags, choiceFlags, coveredLines, reachedScenes) = ([], [], [], [], [])
        func reach(_ scene: Int) {
            if !sceneSeen[scene] { sceneSeen[scene] = true; scenes.insert(scene) }
        }
        let coverage: (Int, Int) -> Void = { scene, item in
            let slot = firstSlot[scene] + (item >= 0 ? 2 * item : 2 * (-item - 1) + 1)
            if !lineSeen[slot] { lineSeen[slot] = true; covered.insert(Self.lineKey(scene: scene, item: item)) }
            reach(scene)
        }
        // About a state per scene and per choice taken (decisions and where choices lead), so the index
        // is not rehashed as it grows.
        index.reserveCapacity(min(stateLimit, scenario.scenes.count + scenario.choices.count))
        func settle(_ state: EngineState, _ stop: Runner.Stop, nodes: inout [Node]) -> Int {
            var isNew = false
            let existing = Self.entry(&index[state, default: { isNew = true; return nodes.count }()])
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
        var nodes = self.nodes
        var state = EngineState(scenario: scenario)
        var unused: [FrameLine] = []
        Runner.enter(scenario.start, &state, scenario: scenario)
        reach(scenario.start)
        let stop = Runner.advance(&state, scenario: scenario, seed: seed, output: &unused, collectOutput: false, coverage: coverage)
        _ = settle(state, stop, nodes: &nodes)
        var head = 0
        while head < queue.count {
            let current = queue[head]
            head += 1
            var here = nodes[current].state
            reach(here.scene)
            let options = Runner.options(&here, scenario: scenario, seed: seed)
            // Sized up front: a decision offers a few choices, and growing each array would reallocate it.
            var enabled: [Int] = [], taken: [(choice: Int, timedOut: Bool)] = []
            enabled.reserveCapacity(options.count)
            taken.reserveCapacity(options.count + 1)
            for option in options where option.isEnabled {
                enabled.append(option.choice)
                taken.append((option.choice, false))
            }
            nodes[current].enabledChoices = enabled
            if scenario.scenes[here.scene].timerSeconds != nil,
               let fallback = scenario.scenes[here.scene].choiceIndices.first(where: { scenario.choices[$0].isTimeoutFallback }) {
                taken.append((fallback, true))
            }
            if taken.isEmpty {
                nodes[current].status = .stuck(.noChoice(scene: scenario.scenes[here.scene].id))
                continue
            }
            nodes[current].edges.reserveCapacity(taken.count)
            for (choice, timedOut) in taken {
                if !choiceSeen[choice] { choiceSeen[choice] = true; reachedChoices.insert(choice) }
                if nodes.count >= stateLimit { isComplete = false; break }
                var next = here
                if case .stuck(let problem)? = Runner.take(choice, &next, scenario: scenario, seed: seed) {
                    nodes.append(Node(state: next, status: .stuck(problem)))
                    nodes[current].edges.append(Edge(choice: choice, target: nodes.count - 1, timedOut: timedOut))
                    continue
                }
                reach(next.scene)
                let result = Runner.advance(&next, scenario: scenario, seed: seed, output: &unused, collectOutput: false, coverage: coverage)
                let target = settle(next, result, nodes: &nodes)
                nodes[current].edges.append(Edge(choice: choice, target: target, timedOut: timedOut))
            }
        }
        for node in nodes { reach(node.state.scene) }
        self.nodes = nodes
        coveredLines = covered
        reachedScenes = scenes
        lineFlags = lineSeen
        sceneFlags = sceneSeen
        choiceFlags = choiceSeen
    }
}
