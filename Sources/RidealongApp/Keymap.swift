import TerminalKit

/// Where the keys are being read: each context has its own bindings.
public enum KeyContext: Sendable, CaseIterable {
    case signIn, courses, intro, choosing, feedback, breathing, reflection, checkIn, debrief, reviewPassword, review
}

/// What a key means to the app.
public enum Command: Sendable, Equatable {
    case number(Int)
    case up, down, pageUp, pageDown
    case confirm, back, help, quit
    case skip, finish, practice, review
}

/// One binding: the keys, what they do, and where.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var label: String
    public var description: String
    public var command: Command?
    public var contexts: [KeyContext]
    /// Shown in the footer (others only in the help screen).
    public var inFooter: Bool
}

/// The one table of keys. It drives the reducer's interpretation of keys, the footer hints and the
/// `?` help screen, so the three never disagree.
public enum Keymap {
    private static let everywhereButTyping: [KeyContext] = [.courses, .intro, .choosing, .feedback, .breathing, .checkIn, .debrief, .review]

    public static let bindings: [KeyBinding] = [
        KeyBinding(keys: (1...9).map { .character(Character(String($0))) }, label: "1-9", description: "choose by number",
                   command: nil, contexts: [.choosing, .checkIn], inFooter: true),
        KeyBinding(keys: [.up, .character("k")], label: "↑/k", description: "move up", command: .up,
                   contexts: [.courses, .choosing, .checkIn, .debrief], inFooter: false),
        KeyBinding(keys: [.down, .character("j")], label: "↓/j", description: "move down", command: .down,
                   contexts: [.courses, .choosing, .checkIn, .debrief], inFooter: false),
        KeyBinding(keys: [.enter], label: "Enter", description: "select / continue", command: .confirm,
                   contexts: [.signIn, .courses, .intro, .choosing, .feedback, .checkIn, .debrief], inFooter: true),
        KeyBinding(keys: [.pageUp], label: "PgUp", description: "scroll back through earlier text", command: .pageUp,
                   contexts: [.choosing, .feedback, .debrief], inFooter: true),
        KeyBinding(keys: [.pageDown], label: "PgDn", description: "scroll forward", command: .pageDown,
                   contexts: [.choosing, .feedback, .debrief], inFooter: false),
        KeyBinding(keys: [.character("s")], label: "s", description: "skip the exercise", command: .skip,
                   contexts: [.breathing], inFooter: true),
        KeyBinding(keys: [.tab], label: "Tab", description: "finish writing (or switch field)", command: .finish,
                   contexts: [.reflection, .signIn], inFooter: true),
        KeyBinding(keys: [.character("p")], label: "p", description: "practise again from the selected decision (not graded)",
                   command: .practice, contexts: [.debrief], inFooter: true),
        KeyBinding(keys: [.character("f")], label: "f", description: "FTO review (password)", command: .review,
                   contexts: [.courses], inFooter: true),
        KeyBinding(keys: [.up, .character("k")], label: "↑/k", description: "select a trainee", command: .up, contexts: [.review], inFooter: false),
        KeyBinding(keys: [.down, .character("j")], label: "↓/j", description: "select a trainee", command: .down, contexts: [.review], inFooter: false),
        KeyBinding(keys: [.enter], label: "Enter", description: "open the selected trainee / unlock", command: .confirm,
                   contexts: [.review, .reviewPassword], inFooter: true),
        KeyBinding(keys: [.pageUp], label: "PgUp", description: "scroll up", command: .pageUp, contexts: [.review], inFooter: true),
        KeyBinding(keys: [.pageDown], label: "PgDn", description: "scroll down", command: .pageDown, contexts: [.review], inFooter: true),
        KeyBinding(keys: [.escape], label: "Esc", description: "go back", command: .back,
                   contexts: [.intro, .debrief, .courses, .reflection, .review, .reviewPassword], inFooter: true),
        KeyBinding(keys: [.character("?")], label: "?", description: "help", command: .help, contexts: everywhereButTyping, inFooter: true),
        KeyBinding(keys: [.character("q")], label: "q", description: "save and quit", command: .quit, contexts: everywhereButTyping, inFooter: true),
    ]

    /// The command a key means in a context (digits become `.number`).
    public static func command(for key: Key, in context: KeyContext) -> Command? {
        for binding in bindings where binding.contexts.contains(context) && binding.keys.contains(key) {
            if let command = binding.command { return command }
            if case .character(let c) = key, let digit = c.wholeNumberValue { return .number(digit) }
        }
        return nil
    }

    /// The footer line for a context.
    public static func hints(for context: KeyContext) -> String {
        bindings.filter { $0.inFooter && $0.contexts.contains(context) }.map { "\($0.label) \(shortName($0.description))" }
            .joined(separator: "  ")
    }

    private static func shortName(_ description: String) -> String {
        switch description {
        case "choose by number": "choose"
        case "select / continue": "select"
        case "scroll back through earlier text": "scroll"
        case "skip the exercise": "skip"
        case "finish writing (or switch field)": "next"
        case "practise again from the selected decision (not graded)": "practise"
        case "FTO review (password)": "FTO review"
        case "open the selected trainee / unlock": "open"
        case "go back": "back"
        case "save and quit": "quit"
        default: description
        }
    }
}
