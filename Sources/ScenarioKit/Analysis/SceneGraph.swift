/// The static graph of scenes: which scene can lead to which, by diverts, calls and choice targets.
///
/// The successors sit in one flat array (scene `s` leads to `targets[firstTarget[s]..<firstTarget[s + 1]]`),
/// so a graph of 100,000 scenes is a handful of arrays rather than one per scene.
struct SceneGraph {
    let firstTarget: [Int]
    let targets: [Int]
    /// Whether each scene is entered as a sub-scene (`-> sub ->` or `-> sub -> then`).
    let isCallTarget: [Bool]

    /// The graph of the links the compiler noted.
    init(facts: ScenarioFacts, sceneCount: Int) {
        // A stable counting sort by source scene keeps each scene's successors in the order written.
        var first = [Int](repeating: 0, count: sceneCount + 1)
        for links in [facts.contentLinks, facts.choiceLinks] {
            for link in links { first[link.from + 1] += 1 }
        }
        for scene in 0..<sceneCount { first[scene + 1] += first[scene] }
        var next = first
        var targets = [Int](repeating: 0, count: first[sceneCount])
        for links in [facts.contentLinks, facts.choiceLinks] {
            for link in links {
                targets[next[link.from]] = link.to
                next[link.from] += 1
            }
        }
        firstTarget = first
        self.targets = targets
        isCallTarget = ScenarioFacts.flags(facts.callTargets, count: sceneCount)
    }

    /// The scenes `scene` leads to.
    func successors(of scene: Int) -> ArraySlice<Int> { targets[firstTarget[scene]..<firstTarget[scene + 1]] }

    /// Scenes a single playthrough may enter more than once, by index: those on a cycle, and everything
    /// reachable from a sub-scene (which several callers may enter).
    func revisitableScenes() -> [Bool] {
        var result = scenesOnCycles()
        var stack = isCallTarget.indices.filter { isCallTarget[$0] }
        while let scene = stack.popLast() {
            let inserted = !result[scene]
            result[scene] = true
            if inserted || isCallTarget[scene] {
                for next in successors(of: scene) where !result[next] { stack.append(next) }
            }
        }
        return result
    }

    /// Whether each scene lies on a cycle: in a strongly connected component of two or more scenes, or
    /// leading to itself. Tarjan's algorithm without recursion, so a 100,000-scene chain cannot overflow
    /// the stack.
    func scenesOnCycles() -> [Bool] {
        let count = firstTarget.count - 1
        var index = Array(repeating: -1, count: count), low = Array(repeating: 0, count: count)
        var onStack = Array(repeating: false, count: count), onCycle = Array(repeating: false, count: count)
        var stack: [Int] = []
        var next = 0
        for root in 0..<count where index[root] == -1 {
            var work: [(node: Int, edge: Int)] = [(root, firstTarget[root])]
            index[root] = next; low[root] = next; next += 1
            stack.append(root); onStack[root] = true
            while let (node, edge) = work.last {
                if edge < firstTarget[node + 1] {
                    work[work.count - 1].edge += 1
                    let target = targets[edge]
                    if index[target] == -1 {
                        index[target] = next; low[target] = next; next += 1
                        stack.append(target); onStack[target] = true
                        work.append((target, firstTarget[target]))
                    } else if onStack[target] {
                        low[node] = min(low[node], index[target])
                    }
                } else {
                    work.removeLast()
                    if let parent = work.last { low[parent.node] = min(low[parent.node], low[node]) }
                    if low[node] == index[node] {
                        let start = stack.lastIndex(of: node)!
                        let isCycle = start < stack.count - 1 || successors(of: node).contains(node)
                        for member in stack[start...] {
                            onStack[member] = false
                            onCycle[member] = isCycle
                        }
                        stack.removeSubrange(start...)
                    }
                }
            }
        }
        return onCycle
    }
}
