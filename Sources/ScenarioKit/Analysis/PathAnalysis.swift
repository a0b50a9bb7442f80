/// Questions about whole paths through an exploration: can the pass mark be reached without a critical
/// error, and where does the instructor's ideal path lead.
public struct PathAnalysis: Sendable {
    public let exploration: Exploration

    public init(_ exploration: Exploration) { self.exploration = exploration }

    private var scenario: Scenario { exploration.scenario }

    /// Whether some path reaches an ending with an overall score at or above `mark` (and, when critical
    /// errors fail a module, without one). Solved as a longest path on earned − mark × available, so it
    /// costs one pass over the states however many paths there are.
    public func canReach(passMark mark: Double, avoidingCriticalErrors: Bool) -> Bool {
        let nodes = exploration.nodes, edges = exploration.allEdges, enabled = exploration.allEnabledChoices
        guard !nodes.isEmpty else { return false }
        let choices = scenario.choices
        // Each choice's points and whether it may be taken, worked out once rather than at every state that offers it.
        let earned = choices.map { Double($0.scores.reduce(0) { $0 + $1.points }) }
        let allowed = choices.map { !avoidingCriticalErrors || $0.criticalErrors.isEmpty }
        var scratch = [Int](repeating: 0, count: scenario.competencies.count)
        var best = Array(repeating: -Double.infinity, count: nodes.count)
        var state = Array(repeating: 0, count: nodes.count)  // 0 new, 1 on stack, 2 done
        var work: [(node: Int, edge: Int)] = [(0, 0)]
        state[0] = 1
        while let (node, edgeIndex) = work.last {
            let range = nodes[node].edgeRange
            if edgeIndex < range.count {
                work[work.count - 1].edge += 1
                let target = edges[range.lowerBound + edgeIndex].target
                if state[target] == 0 {
                    state[target] = 1
                    work.append((target, 0))
                }
                continue
            }
            work.removeLast()
            state[node] = 2
            switch nodes[node].status {
            case .ending: best[node] = 0
            case .stuck: best[node] = -Double.infinity
            case .decision:
                let available = Double(availablePoints(offering: enabled[nodes[node].enabledRange], scratch: &scratch))
                for edge in edges[range] where state[edge.target] == 2 && allowed[edge.choice] {
                    best[node] = max(best[node], earned[edge.choice] - mark * available + best[edge.target])
                }
            }
        }
        return best[0] >= -1e-9
    }

    /// The sum over competencies of the best points the enabled choices at decision `node` offer.
    func availablePoints(at node: Int) -> Int {
        var scratch = [Int](repeating: 0, count: scenario.competencies.count)
        return availablePoints(offering: exploration.enabledChoices(of: node), scratch: &scratch)
    }

    /// The sum over competencies of the best points these choices offer, worked out in `scratch` (one
    /// slot per competency, left zeroed) so a pass over every state allocates nothing.
    private func availablePoints(offering enabledChoices: ArraySlice<Int>, scratch: inout [Int]) -> Int {
        let choices = scenario.choices
        for choice in enabledChoices {
            for change in choices[choice].scores { scratch[change.competency] = max(scratch[change.competency], change.points) }
        }
        var total = 0
        for index in scratch.indices {
            total += scratch[index]
            scratch[index] = 0
        }
        return total
    }

    /// Where following the `ideal` choices leads.
    public enum IdealPath: Sendable, Equatable {
        /// The ideal choices lead to this ending, along these edges.
        case reaches(ending: Int, path: [Exploration.Edge])
        /// A decision in this scene offers no ideal choice.
        case missingAt(scene: Int)
        /// The ideal choices go round in a loop.
        case loops(scene: Int)
        /// The ideal choices lead to a place where the playthrough is stuck (reported on its own).
        case stuck
    }

    /// The scores of a path given as edges from the start, computed from the exploration alone.
    public func tally(along path: [Exploration.Edge]) -> ScoreTally {
        var tally = ScoreTally(competencyCount: scenario.competencies.count)
        let choices = scenario.choices
        var node = 0
        for edge in path {
            tally.record(offered: exploration.enabledChoices(of: node).lazy.map { choices[$0] }, taken: choices[edge.choice])
            node = edge.target
        }
        return tally
    }

    public func idealPath() -> IdealPath {
        let nodes = exploration.nodes, choices = scenario.choices
        var node = 0, seen = [Bool](repeating: false, count: nodes.count), path: [Exploration.Edge] = []
        while true {
            let scene = nodes[node].state.scene
            switch nodes[node].status {
            case .ending: return .reaches(ending: scene, path: path)
            case .stuck: return .stuck
            case .decision:
                guard !seen[node] else { return .loops(scene: scene) }
                seen[node] = true
                guard let edge = exploration.edges(of: node).first(where: { !$0.timedOut && choices[$0.choice].isIdeal }) else {
                    return .missingAt(scene: scene)
                }
                path.append(edge)
                node = edge.target
            }
        }
    }
}
