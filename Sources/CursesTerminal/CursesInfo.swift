import CNcursesw
import TerminalKit
/// Placeholder.
public enum CursesInfo { public static func version() -> String { String(cString: curses_version()) } }
