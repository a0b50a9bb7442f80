import ScenarioKit
import TerminalKit

/// What can happen to the app: a key at a moment, time passing, or the terminal changing size.
public enum Action: Sendable, Equatable {
    case key(Key, at: Double)
    case tick(at: Double)
    case resize(width: Int, height: Int)
    /// The runtime loaded a trainee's progress after sign-in.
    case progressLoaded([ModuleReference: ModuleProgress])
}

/// Work the reducer asks the runtime to do.
public enum Effect: Sendable, Equatable {
    case signIn(Trainee)
    case saveProgress(ModuleReference, SavedProgressRecord)
    case completeModule(ModuleReference, CompletedAttempt, SavedProgressRecord, [DecisionRecord])
    case recordWellness(ModuleReference, stepID: String, kind: String, seconds: Double)
    case keepReflection(ModuleReference, stepID: String, text: String)
    case quit
}
