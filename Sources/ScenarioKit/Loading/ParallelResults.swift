import Synchronization

/// Slots for results computed on several threads, each written once by index, or for inputs handed
/// to several threads, each taken once by index (so the thread that takes one owns and frees it).
final class ParallelResults<Value: Sendable>: Sendable {
    private let slots: Mutex<[Value?]>

    init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }

    init(_ values: consuming [Value]) { slots = Mutex(values.map(Optional.some)) }

    /// The value at `index`, leaving its slot empty.
    func take(at index: Int) -> Value {
        slots.withLock { $0[index].take()! }
    }

    func store(_ value: Value, at index: Int) {
        slots.withLock { $0[index] = value }
    }

    /// Every slot's value; call after all stores.
    var values: [Value] { slots.withLock { $0.map { $0! } } }
}
