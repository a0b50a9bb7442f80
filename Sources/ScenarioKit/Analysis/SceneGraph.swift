/// The static graph of scenes: which scene can lead to which, by diverts, calls and choice targets.
struct SceneGraph {
    let successors: [[Int]]
    let callTargets: Set<Int>

    init(scenes: [Scene], choices: [Choice]) {
        var successors = Array(repeating: [Int](), count: scenes.count)
        var calls = Set<Int>()
        func visitItem(_ item: ContentItem, from scene: Int) {
            switch item {
            case .divert(let target): successors[scene].append(target)
            case .call(let target): successors[scene].append(target); calls.insert(target)
            case .conditional(_, let inner): visitItem(inner, from: scene)
            default: break
            }
        }
        for scene in scenes { scene.content.forEach { visitItem($0, from: scene.index) } }
        for choice in choices {
            switch choice.target {
            case .scene(let target): successors[choice.sceneIndex].append(target)
            case .callThen(let sub, let then):
                successors[choice.sceneIndex] += [sub, then]
                calls.insert(sub)
            case .returnFromCall: break
            }
        }
        self.successors = successors
        self.callTargets = calls
    }

    /// Scenes a single playthrough may enter more than once: those on a cycle, and everything reachable
    /// from a sub-scene (which several callers may enter).
    func revisitableScenes() -> Set<Int> {
        var result = Set<Int>()
        for component in stronglyConnectedComponents() where component.count > 1 || successors[component[0]].contains(component[0]) {
            result.formUnion(component)
        }
        var stack = Array(callTargets)
        while let scene = stack.popLast() {
            if result.insert(scene).inserted || callTargets.contains(scene) {
                for next in successors[scene] where !result.contains(next) { stack.append(next) }
            }
        }
        return result
    }

    /// Tarjan's algorithm without recursion, so a 100,000-scene chain cannot overflow the stack.
    func stronglyConnectedComponents() -> [[Int]] {
        let count = successors.count
        var index = Array(repeating: -1, count: count), low = Array(repeating: 0, count: count)
        var onStack = Array(repeating: false, count: count)
        var stack: [Int] = [], components: [[Int]] = []
        var next = 0
        for root in 0..<count where index[root] == -1 {
            var work: [(node: Int, edge: Int)] = [(root, 0)]
            index[root] = next; low[root] = next; next += 1
            stack.append(root); onStack[root] = true
            while let (node, edge) = work.last {
                if edge < successors[node].count {
                    work[work.count - 1].edge += 1
                    let target = successors[node][edge]
                    if index[target] == -1 {
                        index[target] = next; low[target] = next; next += 1
                        stack.append(target); onStack[target] = true
                        work.append((target, 0))
                    } else if onStack[target] {
                        low[node] = min(low[node], index[target])
                    }
                } else {
                    work.removeLast()
                    if let parent = work.last { low[parent.node] = min(low[parent.node], low[node]) }
                    if low[node] == index[node] {
                        var component: [Int] = []
                        while let member = stack.popLast() {
                            onStack[member] = false
                            component.append(member)
                            if member == node { break }
                        }
                        components.append(component)
                    }
                }
            }
        }
        return components
    }
}
