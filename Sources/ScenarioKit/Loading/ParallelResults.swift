import Synchronization

/// Slots for results computed on several threads, each written once by index.
final class ParallelResults<Value: Sendable>: Sendable {
    private let slots: Mutex<[Value?]>

    init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }

    func store(_ value: Value, at index: Int) {
        slots.withLock { $0[index] = value }
    }

    /// Every slot's value; call after all stores.
    var values: [Value] { slots.withLock { $0.map { $0! } } }
}
