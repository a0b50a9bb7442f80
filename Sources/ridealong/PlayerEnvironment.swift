#if canImport(Glibc)
import Glibc
#endif

/// The environment variables the player reads, looked up one by one: copying the whole environment
/// into a dictionary is a measurable part of start-up.
enum PlayerEnvironment {
    static let names = ["TERM", "NO_COLOR", "RIDEALONG_COURSES", "RIDEALONG_HOME", "XDG_DATA_HOME", "HOME", "T0_NS"]

    static func current() -> [String: String] {
        var values: [String: String] = [:]
        for name in names { if let value = getenv(name) { values[name] = String(cString: value) } }
        return values
    }
}
