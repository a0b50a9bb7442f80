/// Seconds since the session started, on the monotonic clock (timers and decision times use it).
enum SessionClock {
    static func start() -> () -> Double {
        let clock = ContinuousClock()
        let origin = clock.now
        return {
            let elapsed = clock.now - origin
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
    }
}
