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
        let nodes = exploration.nodes
        guard !nodes.isEmpty else { return false }
        var best = Array(repeating: -Double.infinity, count: nodes.count)
        var state = Array(repeating: 0, count: nodes.count)  // 0 new, 1 on stack, 2 done
        var work: [(node: Int, edge: Int)] = [(0, 0)]
        state[0] = 1
        while let (node, edgeIndex) = work.last {
            let edges = nodes[node].edges
            if edgeIndex < edges.count {
                work[work.count - 1].edge += 1
                let target = edges[edgeIndex].target
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
                let available = Double(availablePoints(offering: nodes[node].enabledChoices))
                for edge in edges where state[edge.target] == 2 {
                    let choice = scenario.choices[edge.choice]
                    if avoidingCriticalErrors, !choice.criticalErrors.isEmpty { continue }
                    let earned = Double(choice.scores.reduce(0) { $0 + $1.points })
                    best[node] = max(best[node], earned - mark * available + best[edge.target])
                }
            }
        }
        return best[0] >= -1e-9
    }

    /// The sum over competencies of the best points the enabled choices at a decision offer.
    func availablePoints(at node: Exploration.Node) -> Int { availablePoints(offering: node.enabledChoices) }

    /// The sum over competencies of the best points these choices offer (read without copying a node).
    func availablePoints(offering enabledChoices: [Int]) -> Int {
        var best = [Int](repeating: 0, count: scenario.competencies.count)
        for choice in enabledChoices {
            for change in scenario.choices[choice].scores { best[change.competency] = max(best[change.competency], change.points) }
        }
        return best.reduce(0, +)
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
        var node = 0
        for edge in path {
            tally.record(offered: exploration.nodes[node].enabledChoices.map { scenario.choices[$0] }, taken: scenario.choices[edge.choice])
            node = edge.target
        }
        return tally
    }

    public func idealPath() -> IdealPath {
        let nodes = exploration.nodes
        var node = 0, seen = Set<Int>(), path: [Exploration.Edge] = []
        while true {
            let scene = nodes[node].state.scene
            switch nodes[node].status {
            case .ending: return .reaches(ending: scene, path: path)
            case .stuck: return .stuck
            case .decision:
                guard seen.insert(node).inserted else { return .loops(scene: scene) }
                guard let edge = nodes[node].edges.first(where: { !$0.timedOut && scenario.choices[$0.choice].isIdeal }) else {
                    return .missingAt(scene: scene)
                }
                path.append(edge)
                node = edge.target
            }
        }
    }
}
