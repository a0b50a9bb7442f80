import ScenarioKit
import TerminalKit

/// What can happen to the app: a key at a moment, time passing, or the terminal changing size.
public enum Action: Sendable {
    case key(Key, at: Double)
    case tick(at: Double)
    case resize(width: Int, height: Int)
    /// The compiled courses, loaded after the first frame (which lists modules from their headers).
    case catalogLoaded(Catalog)
    /// The runtime loaded a trainee's progress after sign-in.
    case progressLoaded([ModuleReference: ModuleProgress])
    /// `play --watch`: the script was saved and compiled; replay the choices so far in it.
    case scriptReloaded(ModuleReference, Scenario)
    /// `play --watch`: the saved script has errors (shown inside the player until fixed).
    case scriptFailed([String])
    /// The FTO review area: a page of text (the roster or a trainee) and the trainees it lists.
    case reviewPage(title: String, lines: [String], trainees: [String])
    /// The FTO review area refused the password (the message says why and how long to wait).
    case reviewRefused(String)
}

/// Work the reducer asks the runtime to do.
public enum Effect: Sendable, Equatable {
    case signIn(Trainee)
    /// Progress after a decision, with every decision of the attempt so far (the store appends the new ones).
    case saveProgress(ModuleInfo, SavedProgressRecord, [DecisionRecord])
    case completeModule(ModuleInfo, CompletedAttempt, SavedProgressRecord, [DecisionRecord])
    case recordWellness(ModuleInfo, stepID: String, kind: String, seconds: Double)
    /// A private reflection: kept for the trainee only, never in records, reviews or exports.
    case keepReflection(ModuleInfo, stepID: String, text: String)
    /// Open the FTO review with this password (the runtime checks it against the records).
    case openReview(password: String)
    /// Show one trainee's review page.
    case openTraineeReview(String)
    case quit
}
