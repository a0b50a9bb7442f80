import Dispatch
import Synchronization

/// Work started on another thread now and collected later: at start-up the courses are read while the
/// records store opens, and a large records file is checked for damage while the player starts.
public final class Background<Value: Sendable>: Sendable {
    private let result = Mutex<Value?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    public init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let value = work()
            result.withLock { $0 = value }
            finished.signal()
        }
    }

    /// The result, waiting for the work to finish if it has not yet.
    public var value: Value {
        finished.wait()
        finished.signal()
        return result.withLock { $0! }
    }
}
