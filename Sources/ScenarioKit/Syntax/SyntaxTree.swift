/// A name as written in a script, with where it was written.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// Text that may contain `{expression}` interpolations.
public enum TextPart: Hashable, Sendable {
    case literal(String)
    case interpolation(Expression)
}

/// One content line of a scene, as parsed (names not yet resolved; only a conditional line is boxed).
enum ContentSyntax: Sendable {
    case narration([TextPart], leadingName: Located<String>?, afterName: [TextPart], location: SourceLocation)
    case paragraphBreak
    case assignment(AssignmentSyntax)
    indirect case conditional(Expression, ContentSyntax, SourceLocation)
    case divert(Located<String>)
    case call(Located<String>)
    case returnFromCall(SourceLocation)
    case breathe(cycles: Int, pattern: [Int], SourceLocation)
    case reflect(id: Located<String>, prompt: String)
    case checkIn(id: Located<String>, question: String, options: [String])
}

/// `~ name = expression`, `+=` or `-=`.
struct AssignmentSyntax: Sendable {
    var name: Located<String>
    var operation: AssignmentOperation
    var value: Expression
    var location: SourceLocation
}

/// How an assignment changes its variable.
public enum AssignmentOperation: String, Sendable, Hashable {
    case set = "=", add = "+=", subtract = "-="
}

/// Where a choice leads, as written.
enum TargetSyntax: Sendable {
    case scene(Located<String>)
    case callThen(Located<String>, Located<String>)
    case returnFromCall(SourceLocation)
}

/// A choice and its attribute lines.
struct ChoiceSyntax: Sendable {
    var id: Located<String>
    var sticky: Bool
    var text: [TextPart]
    var target: TargetSyntax?
    /// A target line was written, even if it could not be read (so no second error says it is missing).
    var hasTargetLine = false
    var condition: Expression?
    var conditionLocation: SourceLocation?
    var disabledReason: String?
    var scores: [(Located<String>, Int)] = []
    var assignments: [AssignmentSyntax] = []
    /// The `feedback:` lines joined with spaces, nil when there are none.
    var feedback: String?
    /// The `why:` lines joined with spaces, nil when there are none.
    var rationale: String?
    var criticalErrors: [(Located<String>, String)] = []
    var tags: [String] = []
    var isIdeal = false
    var isTimeoutFallback = false
}

/// `@end class: title` and its `@debrief` lines.
struct EndingSyntax: Sendable {
    var outcome: Located<String>
    var title: String
    var debrief: [String] = []
}

/// A scene as parsed.
struct SceneSyntax: Sendable {
    var id: Located<String>
    var content: [ContentSyntax] = []
    var choices: [ChoiceSyntax] = []
    var timer: Located<Int>?
    var hasTimerLine = false
    var hasExitLine = false
    var ending: EndingSyntax?
    var endLocation: SourceLocation
}

/// A `competency` line.
struct CompetencySyntax: Sendable {
    var id: Located<String>
    var label: String
    var ftoCategory: String
}

/// A module file (or an included file) as parsed.
struct ModuleSyntax: Sendable {
    var id: Located<String>?
    var title: String?
    var revision = 1
    var minutes: Int?
    var feedbackMode: FeedbackMode = .immediate
    var objectives: [String] = []
    var competencies: [Located<String>] = []
    var competencyDeclarations: [CompetencySyntax] = []
    var speakers: [(Located<String>, String)] = []
    var variables: [(Located<String>, Value)] = []
    var includes: [Located<String>] = []
    var start: Located<String>?
    /// The scenes in the order written, in the runs the parser read on separate threads: the compiler
    /// takes each run and frees it on the thread that compiled it.
    var sceneRuns: [[SceneSyntax]] = []
}

/// A course file as parsed.
struct CourseSyntax: Sendable {
    var id: Located<String>?
    var title: String?
    var description = ""
    var passMark = 0.70
    var bands = [0.30, 0.45, 0.60, 0.70, 0.80, 0.90]
    var criticalCap = 2
    var criticalFails = true
    var competencies: [CompetencySyntax] = []
    var modules: [(file: Located<String>, after: [Located<String>])] = []
}
