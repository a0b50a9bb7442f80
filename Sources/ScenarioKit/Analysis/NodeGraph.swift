/// Dynamic programming over an exploration's states, children before parents, with edges that close a
/// loop set aside (so every question is answered for loop-free paths in one pass).
struct NodeGraph {
    let exploration: Exploration
    /// States in an order where every kept edge goes to an earlier state.
    let order: [Int]
    /// Edges that close a loop (by node and edge index).
    let backEdges: Set<Int64>

    init(_ exploration: Exploration) {
        self.exploration = exploration
        let nodes = exploration.nodes
        var state = Array(repeating: 0, count: nodes.count)
        var order: [Int] = [], back = Set<Int64>()
        if !nodes.isEmpty {
            var work: [(node: Int, edge: Int)] = [(0, 0)]
            state[0] = 1
            while let (node, edge) = work.last {
                let range = nodes[node].edgeRange
                if edge < range.count {
                    work[work.count - 1].edge += 1
                    let target = exploration.allEdges[range.lowerBound + edge].target
                    if state[target] == 0 {
                        state[target] = 1
                        work.append((target, 0))
                    } else if state[target] == 1 {
                        back.insert(Int64(node) << 32 | Int64(edge))
                    }
                    continue
                }
                work.removeLast()
                state[node] = 2
                order.append(node)
            }
        }
        self.order = order
        backEdges = back
    }

    var hasBackEdges: Bool { !backEdges.isEmpty }

    private var scenario: Scenario { exploration.scenario }

    private func keptEdges(_ node: Int) -> [(Int, Exploration.Edge)] {
        exploration.edges(of: node).enumerated().filter { !backEdges.contains(Int64(node) << 32 | Int64($0.offset)) }
            .map { ($0.offset, $0.element) }
    }

    /// Fold over loop-free paths: `leaf` values at endings (nil elsewhere), combined along edges.
    private func fold<Value>(leaf: (Exploration.Node) -> Value?, edge: (Int, Exploration.Edge, Value) -> Value,
                             combine: (Value, Value) -> Value) -> Value? {
        var values = [Value?](repeating: nil, count: exploration.nodes.count)
        for node in order {
            let current = exploration.nodes[node]
            if current.status == .ending { values[node] = leaf(current); continue }
            var result: Value?
            for (_, e) in keptEdges(node) {
                guard let child = values[e.target] else { continue }
                let value = edge(node, e, child)
                result = result.map { combine($0, value) } ?? value
            }
            values[node] = result
        }
        return values.first ?? nil
    }

    func pathCount(toEnding scene: Int) -> Double {
        fold(leaf: { $0.state.scene == scene ? 1.0 : nil }, edge: { _, _, child in child }, combine: +) ?? 0
    }

    func pathLengths() -> ClosedRange<Int>? {
        fold(leaf: { _ in 0...0 }, edge: { _, _, child in (child.lowerBound + 1)...(child.upperBound + 1) },
             combine: { min($0.lowerBound, $1.lowerBound)...max($0.upperBound, $1.upperBound) })
    }

    func earnedRange(competency: Int) -> ClosedRange<Int>? {
        fold(leaf: { _ in 0...0 }, edge: { _, e, child in
            let points = scenario.choices[e.choice].scores.filter { $0.competency == competency }.reduce(0) { $0 + $1.points }
            return (child.lowerBound + points)...(child.upperBound + points)
        }, combine: { min($0.lowerBound, $1.lowerBound)...max($0.upperBound, $1.upperBound) })
    }

    /// The best (or worst) value of earned − mark × available over paths to the given endings.
    private func extreme(mark: Double, maximise: Bool, ending: Int?, skipCritical: Bool) -> Double? {
        let analysis = PathAnalysis(exploration)
        return fold(leaf: { node in ending == nil || node.state.scene == ending ? 0.0 : nil }, edge: { node, e, child in
            let choice = scenario.choices[e.choice]
            if skipCritical, !choice.criticalErrors.isEmpty { return maximise ? -Double.infinity : Double.infinity }
            let earned = Double(choice.scores.reduce(0) { $0 + $1.points })
            return earned - mark * Double(analysis.availablePoints(at: node)) + child
        }, combine: maximise ? max : min)
    }

    /// The range of overall scores (earned / available, 0…1) over loop-free paths to an ending, found by
    /// bisection on the ratio (Dinkelbach's idea): a path reaches ratio r when earned − r × available ≥ 0.
    func overallRange(toEnding scene: Int) -> ClosedRange<Double>? {
        guard extreme(mark: 0, maximise: true, ending: scene, skipCritical: false) != nil else { return nil }
        func search(maximise: Bool) -> Double {
            var low = 0.0, high = 1.0
            for _ in 0..<30 {
                let mid = (low + high) / 2
                let value = extreme(mark: mid, maximise: maximise, ending: scene, skipCritical: false) ?? 0
                if maximise { if value >= -1e-9 { low = mid } else { high = mid } } else { if value <= 1e-9 { high = mid } else { low = mid } }
            }
            return maximise ? low : high
        }
        let lowest = search(maximise: false), highest = search(maximise: true)
        return min(lowest, highest)...max(lowest, highest)
    }

    /// Whether some path ends below the mark (or, when critical errors fail, with one).
    func canFinishBelow(_ mark: Double, criticalFails: Bool) -> Bool {
        if let worst = extreme(mark: mark, maximise: false, ending: nil, skipCritical: false), worst < -1e-9 { return true }
        guard criticalFails else { return false }
        let critical = Set(scenario.choices.filter { !$0.criticalErrors.isEmpty }.map(\.index))
        return exploration.allEdges.contains { critical.contains($0.choice) }
    }
}
