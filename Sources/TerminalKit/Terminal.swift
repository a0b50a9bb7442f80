/// What the app needs from a terminal: its size, a way to show a screen, and keys (with a timeout so
/// timers and animations can tick).
public protocol Terminal: AnyObject {
    var width: Int { get }
    var height: Int { get }
    func present(_ buffer: ScreenBuffer)
    /// The next key, or nil when `milliseconds` pass without one (-1 waits for ever).
    func readKey(timeoutMilliseconds: Int) -> Key?
    /// True once no more keys can come: the terminal hung up, a stop signal arrived, or a test's keys ran out.
    var isClosed: Bool { get }
}

/// A terminal for tests: keeps the last screen presented and answers keys from a script, the way
/// swift-nio's EmbeddedChannel stands in for a socket.
public final class HeadlessTerminal: Terminal {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var screen: ScreenBuffer
    public private(set) var presentCount = 0
    private var keys: [Key]

    public init(width: Int = 80, height: Int = 24, keys: [Key] = []) {
        self.width = width
        self.height = height
        self.keys = keys
        screen = ScreenBuffer(width: width, height: height)
    }

    public func present(_ buffer: ScreenBuffer) {
        screen = buffer
        presentCount += 1
    }

    /// Queues keys; a `.resize` key also changes the size when it is read.
    public func type(_ more: [Key]) { keys += more }

    public var isClosed: Bool { keys.isEmpty }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        guard !keys.isEmpty else { return nil }
        let key = keys.removeFirst()
        if case .resize(let w, let h) = key { width = w; height = h }
        return key
    }
}
