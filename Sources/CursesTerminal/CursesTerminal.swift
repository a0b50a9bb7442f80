import CNcursesw
import Glibc
import TerminalKit

/// The ncursesw terminal: the only code that talks to curses. Wide characters, colours by role (or
/// attributes alone under NO_COLOR and on monochrome terminals), resize events, and a terminal that is
/// restored on every exit path.
public final class CursesTerminal: Terminal {
    /// How roles look.
    public enum Theme: String, Sendable, CaseIterable {
        case standard, highContrast = "high-contrast", monochrome
    }

    private let screen: OpaquePointer
    private var useColour: Bool
    private let theme: Theme
    private var ended = false
    public private(set) var width: Int
    public private(set) var height: Int
    /// True when the terminal is not in a UTF-8 locale (shown as a notice; text may lose accents).
    public let isUTF8: Bool

    /// Starts curses on the controlling terminal, or returns nil when `TERM` is unknown (the caller
    /// then falls back to plain mode).
    public init?(theme: Theme, environment: [String: String]) {
        // Only the character type matters to curses and to the UTF-8 check; loading every category reads a
        // dozen locale files at each start.
        setlocale(LC_CTYPE, "")
        let codeset = String(cString: cnc_codeset()).uppercased()
        isUTF8 = codeset == "UTF-8" || codeset == "UTF8"
        guard let term = environment["TERM"], term != "dumb", isatty(0) == 1, isatty(1) == 1,
              let screen = cnc_newterm() else { return nil }
        self.screen = screen
        set_term(screen)
        self.theme = environment["NO_COLOR"].map { !$0.isEmpty } == true ? .monochrome : theme
        useColour = false
        raw()
        noecho()
        nonl()
        keypad(cnc_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        width = Int(cnc_cols())
        height = Int(cnc_lines())
        cnc_install_signal_handlers()
        setUpColours()
    }

    deinit { stop() }

    /// Leaves curses mode; safe to call more than once.
    public func stop() {
        guard !ended else { return }
        ended = true
        endwin()
        delscreen(screen)
    }

    public var isClosed: Bool { cnc_stop_requested() != 0 }

    private func setUpColours() {
        guard theme != .monochrome, has_colors(), start_color() == OK else { return }
        use_default_colors()
        useColour = true
        for role in Role.allCases {
            let (foreground, background) = colours(for: role)
            init_pair(Int16(role.rawValue) + 1, foreground, background)
        }
    }

    private func colours(for role: Role) -> (Int16, Int16) {
        let high = theme == .highContrast
        switch role {
        case .normal: return (high ? Int16(COLOR_WHITE) : -1, high ? Int16(COLOR_BLACK) : -1)
        case .title: return (high ? Int16(COLOR_WHITE) : Int16(COLOR_CYAN), high ? Int16(COLOR_BLACK) : -1)
        case .border: return (high ? Int16(COLOR_WHITE) : Int16(COLOR_BLUE), high ? Int16(COLOR_BLACK) : -1)
        case .hint: return (high ? Int16(COLOR_WHITE) : -1, high ? Int16(COLOR_BLACK) : -1)
        case .speaker: return (high ? Int16(COLOR_YELLOW) : Int16(COLOR_YELLOW), high ? Int16(COLOR_BLACK) : -1)
        case .selected: return (Int16(COLOR_BLACK), high ? Int16(COLOR_YELLOW) : Int16(COLOR_CYAN))
        case .disabled: return (high ? Int16(COLOR_WHITE) : -1, high ? Int16(COLOR_BLACK) : -1)
        case .good: return (Int16(COLOR_GREEN), high ? Int16(COLOR_BLACK) : -1)
        case .bad: return (high ? Int16(COLOR_RED) : Int16(COLOR_RED), high ? Int16(COLOR_WHITE) : -1)
        case .warning: return (Int16(COLOR_YELLOW), high ? Int16(COLOR_BLACK) : -1)
        case .accent: return (high ? Int16(COLOR_CYAN) : Int16(COLOR_MAGENTA), high ? Int16(COLOR_BLACK) : -1)
        case .statusBar: return (Int16(COLOR_BLACK), Int16(COLOR_WHITE))
        }
    }

    private func attributes(for cell: Cell) -> attr_t {
        var attributes = cell.isBold ? cnc_a_bold() : cnc_a_normal()
        switch cell.role {
        case .selected, .statusBar: attributes |= useColour ? cnc_color_pair(Int32(cell.role.rawValue) + 1) : cnc_a_reverse()
        case .disabled, .hint: attributes |= useColour ? cnc_color_pair(Int32(cell.role.rawValue) + 1) | cnc_a_dim() : cnc_a_dim()
        case .bad, .title, .speaker: attributes |= useColour ? cnc_color_pair(Int32(cell.role.rawValue) + 1) : cnc_a_bold()
        default: if useColour { attributes |= cnc_color_pair(Int32(cell.role.rawValue) + 1) }
        }
        return attributes
    }

    public func present(_ buffer: ScreenBuffer) {
        let window = cnc_stdscr()
        for row in 0..<min(buffer.height, height) {
            var column = 0
            while column < min(buffer.width, width) {
                let first = buffer[column, row]
                let attributes = attributes(for: first)
                var run: [wchar_t] = []
                let start = column
                while column < min(buffer.width, width), buffer[column, row].role == first.role, buffer[column, row].isBold == first.isBold {
                    if let character = buffer[column, row].character {
                        for scalar in character.unicodeScalars { run.append(wchar_t(bitPattern: scalar.value)) }
                    }
                    column += 1
                }
                run.append(0)
                wattrset(window, Int32(bitPattern: attributes))
                _ = mvwaddnwstr(window, Int32(row), Int32(start), run, Int32(run.count - 1))
            }
        }
        wattrset(window, 0)
        wrefresh(window)
    }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        wtimeout(cnc_stdscr(), Int32(timeoutMilliseconds))
        var character: wint_t = 0
        let result = wget_wch(cnc_stdscr(), &character)
        if result == KEY_CODE_YES {
            switch Int32(character) {
            case KEY_RESIZE:
                width = Int(cnc_cols())
                height = Int(cnc_lines())
                return .resize(width: width, height: height)
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_HOME: return .home
            case KEY_END: return .end
            case KEY_PPAGE: return .pageUp
            case KEY_NPAGE: return .pageDown
            case KEY_BACKSPACE: return .backspace
            case KEY_DC: return .delete
            case KEY_ENTER: return .enter
            case KEY_BTAB: return .tab
            default: return nil
            }
        }
        guard result == OK else { return nil }
        switch character {
        case 3: return .interrupt
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        default:
            guard let scalar = Unicode.Scalar(UInt32(character)), character >= 32 else { return nil }
            return .character(Character(scalar))
        }
    }
}
