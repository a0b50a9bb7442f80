import ScenarioKit
import TerminalKit

/// Everything the player shows and remembers. `reduce` is the only thing that changes it and `render`
/// the only thing that draws it.
public struct AppState: Sendable {
    public var width: Int
    public var height: Int
    public var catalog: Catalog
    public var trainee: Trainee?
    public var settings: Settings
    public var progress: [ModuleReference: ModuleProgress] = [:]
    public var screen: Screen
    public var overlay: Overlay?
    /// A one-line notice shown in the status bar until the next key.
    public var notice: String?
    /// `play --watch`: errors in the script being written, shown until a save fixes them.
    public var scriptErrors: [String] = []
    public var isFinished = false

    public init(catalog: Catalog, width: Int, height: Int, trainee: Trainee? = nil, rememberedTrainee: Trainee? = nil,
                settings: Settings = Settings()) {
        self.catalog = catalog
        self.width = width
        self.height = height
        self.settings = settings
        self.trainee = trainee
        if trainee != nil {
            screen = .courses(CourseListState())
        } else {
            screen = .signIn(SignInForm(id: rememberedTrainee?.id ?? "", name: rememberedTrainee?.name ?? ""))
        }
    }

    /// The smallest terminal the screens are laid out for.
    public static let minimumWidth = 60
    public static let minimumHeight = 16

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }
}

/// The screen in front of the trainee.
public enum Screen: Sendable {
    case signIn(SignInForm)
    case courses(CourseListState)
    case intro(ModuleReference)
    case play(PlayState)
    case debrief(DebriefState)
    case review(ReviewState)
}

/// The FTO review area inside the player: a password, then the roster and each trainee's page.
public struct ReviewState: Sendable, Equatable {
    public var password = ""
    public var isUnlocked = false
    public var error: String?
    public var roster: [String] = []
    public var trainees: [String] = []
    /// A trainee's page while one is open (Esc goes back to the roster).
    public var traineePage: (id: String, lines: [String])?
    public var selected = 0
    public var scroll = 0

    public static func == (a: ReviewState, b: ReviewState) -> Bool {
        a.password == b.password && a.isUnlocked == b.isUnlocked && a.error == b.error && a.roster == b.roster && a.trainees == b.trainees
            && a.traineePage?.id == b.traineePage?.id && a.traineePage?.lines == b.traineePage?.lines && a.selected == b.selected
            && a.scroll == b.scroll
    }

    public init() {}
}

/// Something drawn over the screen that takes the keys until dismissed.
public enum Overlay: Sendable, Equatable {
    case help
    case confirmQuit
}

/// The sign-in form: trainee id and name.
public struct SignInForm: Sendable, Equatable {
    public var id: String
    public var name: String
    public var focusOnName = false
    public var error: String?

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// The course list: which row is selected.
public struct CourseListState: Sendable, Equatable {
    public var selected = 0
    public init() {}
}

/// A module being played.
public struct PlayState: Sendable {
    public var reference: ModuleReference
    public var playthrough: Playthrough
    public var isPractice: Bool
    /// Everything shown so far, for scroll-back.
    public var transcript: [TranscriptLine]
    /// Lines of the current frame not shown yet: they wait behind a wellness step in progress.
    public var pendingLines: [FrameLine]
    public var step: WellnessStep?
    public var feedback: DecisionRecord?
    public var selected = 0
    /// Rows scrolled back from the newest text (0 = the newest).
    public var scrollBack = 0
    /// When the current decision was offered (seconds on the monotonic clock).
    public var decisionStartedAt: Double
    public var secondsToDecide: [Double]
    public var timerDeadline: Double?
    public var now: Double

    /// The module as records name it.
    public var info: ModuleInfo { ModuleInfo(reference, playthrough.scenario) }
}

/// A line of the scenario transcript.
public enum TranscriptLine: Sendable, Equatable {
    case narration(String)
    case speech(name: String, text: String)
    case paragraphBreak
    case choice(number: Int, text: String, timedOut: Bool)
    case feedback(String)
    case note(String)
}

/// A wellness step in progress.
public enum WellnessStep: Sendable, Equatable {
    case breathing(BreathingExercise, startedAt: Double)
    case reflection(id: String, prompt: String, editor: TextEditor, startedAt: Double)
    case checkIn(id: String, question: String, options: [String], selected: Int, startedAt: Double)
}

/// The after-action review.
public struct DebriefState: Sendable {
    public var reference: ModuleReference
    public var playthrough: Playthrough
    public var isPractice: Bool
    public var scroll = 0
    /// The decision chosen for "practise again from decision N" (0-based).
    public var selectedDecision = 0
    /// True after ↑/↓: the view scrolls to keep the selected decision in sight.
    public var followsSelection = false
}
