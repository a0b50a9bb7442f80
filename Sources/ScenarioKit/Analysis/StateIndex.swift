/// The states an exploration has found, by node number: open addressing on a cheap hash of a state's
/// fields, compared against the node that holds each candidate. A checker of 100,000 scenes looks up a
/// state for every choice it tries, and `Dictionary`'s seeded hashing of whole states was a third of
/// exploring.
struct StateIndex {
    /// Node number + 1 in each slot (0 = empty), and the hash of the state at that node.
    private var slots: [Int32]
    private var hashes: [UInt64]
    private var count = 0

    init(capacity: Int) {
        var size = 16
        while size < 2 * capacity { size *= 2 }
        slots = Array(repeating: 0, count: size)
        hashes = Array(repeating: 0, count: size)
    }

    /// The node already holding `state`, or `newNode` (then recorded as holding it) when none does.
    mutating func node(for state: EngineState, orNew newNode: Int, in nodes: [Exploration.Node]) -> (node: Int, isNew: Bool) {
        if 2 * (count + 1) > slots.count { grow() }
        let hash = Self.hash(state)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let node = Int(slots[slot]) - 1
            if hashes[slot] == hash, nodes[node].state == state { return (node, false) }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(newNode + 1)
        hashes[slot] = hash
        count += 1
        return (newNode, true)
    }

    private mutating func grow() {
        let (oldSlots, oldHashes) = (slots, hashes)
        slots = Array(repeating: 0, count: 2 * oldSlots.count)
        hashes = Array(repeating: 0, count: 2 * oldSlots.count)
        let mask = slots.count - 1
        for old in oldSlots.indices where oldSlots[old] != 0 {
            var slot = Int(truncatingIfNeeded: oldHashes[old]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = oldSlots[old]
            hashes[slot] = oldHashes[old]
        }
    }

    /// Mixes every field that makes two states different (strings through their own hash).
    static func hash(_ state: EngineState) -> UInt64 {
        var hash: UInt64 = 0x243F_6A88_85A3_08D3
        func mix(_ value: Int) {
            hash = (hash ^ UInt64(bitPattern: Int64(value))) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
        }
        mix(state.scene)
        mix(state.item)
        mix(state.draws)
        for value in state.values {
            switch value {
            case .bool(let flag): mix(flag ? 1 : 2)
            case .int(let number): mix(number)
            case .string(let text): mix(text.hashValue)
            }
        }
        for visits in state.visits { mix(visits) }
        for count in state.chosen { mix(count) }
        for point in state.stack {
            switch point {
            case .resume(let scene, let item): mix(~scene); mix(item)
            case .enter(let scene): mix(~scene &- 1_000_003)
            }
        }
        return hash
    }
}
