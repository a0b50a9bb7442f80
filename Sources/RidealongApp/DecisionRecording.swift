import ScenarioKit

/// What a decision writes, shared by the full-screen player and plain mode: the completed attempt when a
/// graded playthrough ends, the progress to resume from otherwise, and the trainee's standing updated.
enum DecisionRecording {
    static func effect(after playthrough: Playthrough, _ reference: ModuleReference, secondsToDecide: [Double], isPractice: Bool,
                       progress: inout [ModuleReference: ModuleProgress]) -> Effect {
        let info = ModuleInfo(reference, playthrough.scenario)
        let saved = SavedProgressRecord(progress: SavedProgress(of: playthrough), secondsToDecide: secondsToDecide, isPractice: isPractice)
        guard playthrough.isFinished, !isPractice else {
            if !isPractice { progress[reference] = .inProgress(saved) }
            return .saveProgress(info, saved, playthrough.decisions)
        }
        var attempts = 1
        if case .completed(let previous)? = progress[reference] { attempts = previous.attempts + 1 }
        let attempt = CompletedAttempt(playthrough, attempts: attempts)
        progress[reference] = .completed(attempt)
        return .completeModule(info, attempt, saved, playthrough.decisions)
    }
}
