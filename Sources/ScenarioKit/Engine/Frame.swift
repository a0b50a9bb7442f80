/// What the trainee sees now: the lines since the last decision and the decision (or ending) they lead to.
public struct Frame: Sendable, Hashable {
    public var sceneID: String
    public var lines: [FrameLine]
    public var status: FrameStatus
    public var options: [OfferedChoice]
    /// Seconds for the decision when it is timed.
    public var timerSeconds: Int?
    /// The choice taken when the timer runs out.
    public var timeoutChoiceID: String?
}

/// Whether the scenario waits for a decision, has ended, or cannot go on.
public enum FrameStatus: Sendable, Hashable {
    case deciding
    case ended(Ending)
    /// The script leads nowhere from here (the checker reports such places).
    case stuck(Problem)
}

/// One line of scenario text or a wellness step.
public enum FrameLine: Sendable, Hashable {
    case narration(String)
    case speech(speaker: String, name: String, text: String)
    case paragraphBreak
    case breathe(BreathingExercise)
    case reflect(id: String, prompt: String)
    case checkIn(id: String, question: String, options: [String])
}

/// A choice as offered at a decision.
public struct OfferedChoice: Sendable, Hashable {
    public var id: String
    public var text: String
    public var isEnabled: Bool
    /// Why a dimmed choice cannot be taken.
    public var disabledReason: String?
    public var isIdeal: Bool
}
