import ScenarioKit
import TerminalKit

/// The scenario screen's logic: showing frames, wellness steps, choosing, timers, feedback, and the
/// hand-over to the debrief.
enum PlayReducer {
    static func start(_ reference: ModuleReference, _ playthrough: Playthrough, isPractice: Bool, now: Double, settings: Settings,
                      secondsToDecide: [Double]) -> PlayState {
        var play = PlayState(reference: reference, playthrough: playthrough, isPractice: isPractice, transcript: [], pendingLines: [],
                             step: nil, feedback: nil, decisionStartedAt: now, secondsToDecide: secondsToDecide, timerDeadline: nil, now: now)
        if isPractice { play.transcript.append(.note("Practice run: not graded, not part of your record.")) }
        showFrame(&play, now: now, settings: settings)
        return play
    }

    /// The key context the play screen is in.
    static func context(_ play: PlayState) -> KeyContext {
        switch play.step {
        case .breathing?: return .breathing
        case .reflection?: return .reflection
        case .checkIn?: return .checkIn
        case nil: return play.feedback != nil || play.playthrough.isFinished ? .feedback : .choosing
        }
    }

    /// Starts showing the current frame: its text up to the first wellness step.
    static func showFrame(_ play: inout PlayState, now: Double, settings: Settings) {
        play.pendingLines = play.playthrough.frame.lines
        play.selected = play.playthrough.frame.options.firstIndex(where: \.isEnabled) ?? 0
        play.scrollBack = 0
        nextStep(&play, now: now, settings: settings)
    }

    /// Shows the frame's next lines up to a wellness step and starts it; after the last one, the
    /// decision (and its timer) begins.
    static func nextStep(_ play: inout PlayState, now: Double, settings: Settings) {
        play.step = nil
        play.scrollBack = 0
        while !play.pendingLines.isEmpty {
            switch play.pendingLines.removeFirst() {
            case .narration(let text): play.transcript.append(.narration(text))
            case .speech(_, let name, let text): play.transcript.append(.speech(name: name, text: text))
            case .paragraphBreak: play.transcript.append(.paragraphBreak)
            case .breathe(let exercise):
                play.step = .breathing(exercise, startedAt: now)
                return
            case .reflect(let id, let prompt):
                play.step = .reflection(id: id, prompt: prompt, editor: TextEditor(), startedAt: now)
                return
            case .checkIn(let id, let question, let options):
                play.step = .checkIn(id: id, question: question, options: options, selected: 0, startedAt: now)
                return
            }
        }
        if case .ended(let ending) = play.playthrough.frame.status {
            play.transcript.append(.note("Outcome: \(ending.outcome.label) — \(ending.title)"))
        }
        play.decisionStartedAt = now
        let frame = play.playthrough.frame
        play.timerDeadline = settings.timersEnabled && frame.timeoutChoiceID != nil ? frame.timerSeconds.map { now + Double($0) } : nil
    }

    static func tick(_ play: inout PlayState, now: Double, settings: Settings, state: inout AppState) -> [Effect] {
        play.now = now
        if case .breathing(let exercise, let started)? = play.step, BreathingClock(exercise).isFinished(after: now - started) {
            let effects: [Effect] = [.recordWellness(play.info, stepID: "breathing", kind: "breathing", seconds: now - started)]
            nextStep(&play, now: now, settings: settings)
            return effects
        }
        if let deadline = play.timerDeadline, now >= deadline, play.step == nil, play.feedback == nil, !play.playthrough.isFinished {
            return decide(&play, choice: nil, now: now, state: &state)
        }
        return []
    }

    static func key(_ play: inout PlayState, _ key: Key, now: Double, state: inout AppState) -> [Effect] {
        play.now = now
        let context = context(play)
        if context == .reflection { return reflectionKey(&play, key, now: now, state: &state) }
        let command = Keymap.command(for: key, in: context)
        if reduceCommon(command, &state) { return [] }
        switch context {
        case .breathing:
            if command == .skip, case .breathing(_, let started)? = play.step {
                let effects: [Effect] = [.recordWellness(play.info, stepID: "breathing", kind: "breathing-skipped", seconds: now - started)]
                nextStep(&play, now: now, settings: state.settings)
                return effects
            }
        case .checkIn:
            return checkInKey(&play, command, now: now, state: &state)
        case .feedback:
            return continueAfterFeedback(&play, command, now: now, state: &state)
        case .choosing:
            return choosingKey(&play, command, now: now, state: &state)
        default: break
        }
        return []
    }

    private static func choosingKey(_ play: inout PlayState, _ command: Command?, now: Double, state: inout AppState) -> [Effect] {
        let options = play.playthrough.frame.options
        if case .stuck(let problem) = play.playthrough.frame.status {
            if command == .confirm {
                state.screen = .courses(courseListSelecting(play.reference, state))
            } else {
                state.notice = "This module cannot go on (\(problem)). Tell your instructor."
            }
            return []
        }
        switch command {
        case .up?: play.selected = max(0, play.selected - 1)
        case .down?: play.selected = min(max(0, options.count - 1), play.selected + 1)
        case .pageUp?: play.scrollBack += max(1, state.height / 2)
        case .pageDown?: play.scrollBack = max(0, play.scrollBack - max(1, state.height / 2))
        case .number(let n)?:
            guard options.indices.contains(n - 1) else { return [] }
            play.selected = n - 1
            return take(&play, now: now, state: &state)
        case .confirm?:
            return take(&play, now: now, state: &state)
        default: break
        }
        return []
    }

    private static func take(_ play: inout PlayState, now: Double, state: inout AppState) -> [Effect] {
        let options = play.playthrough.frame.options
        guard options.indices.contains(play.selected) else { return [] }
        let option = options[play.selected]
        guard option.isEnabled else {
            state.notice = "Not available: \(option.disabledReason ?? "not now")."
            return []
        }
        return decide(&play, choice: option.id, now: now, state: &state)
    }

    /// Takes a choice (or, with nil, lets the timer take the fallback), saves, and moves on.
    private static func decide(_ play: inout PlayState, choice: String?, now: Double, state: inout AppState) -> [Effect] {
        let number = play.selected + 1
        do {
            if let choice { try play.playthrough.choose(choice) } else { try play.playthrough.timeout() }
        } catch {
            state.notice = "That choice cannot be taken: \(error)."
            return []
        }
        play.secondsToDecide.append(max(0, now - play.decisionStartedAt))
        play.timerDeadline = nil
        guard let record = play.playthrough.decisions.last else { return [] }
        play.transcript.append(.choice(number: number, text: record.choiceText, timedOut: record.timedOut))
        let effects = [DecisionRecording.effect(after: play.playthrough, play.reference, secondsToDecide: play.secondsToDecide,
                                                isPractice: play.isPractice, progress: &state.progress)]
        if play.playthrough.scenario.feedbackMode == .immediate {
            play.feedback = record
        } else {
            showFrame(&play, now: now, settings: state.settings)
        }
        return effects
    }

    private static func continueAfterFeedback(_ play: inout PlayState, _ command: Command?, now: Double, state: inout AppState) -> [Effect] {
        switch command {
        case .pageUp?: play.scrollBack += max(1, state.height / 2)
        case .pageDown?: play.scrollBack = max(0, play.scrollBack - max(1, state.height / 2))
        case .confirm?:
            if let record = play.feedback {
                play.feedback = nil
                if !record.feedback.isEmpty { play.transcript.append(.feedback(record.feedback)) }
                showFrame(&play, now: now, settings: state.settings)
            } else if play.playthrough.isFinished {
                state.screen = .debrief(DebriefState(reference: play.reference, playthrough: play.playthrough, isPractice: play.isPractice))
            }
        default: break
        }
        return []
    }

    private static func checkInKey(_ play: inout PlayState, _ command: Command?, now: Double, state: inout AppState) -> [Effect] {
        guard case .checkIn(let id, let question, let options, var selected, let started)? = play.step else { return [] }
        switch command {
        case .up?: selected = max(0, selected - 1)
        case .down?: selected = min(options.count - 1, selected + 1)
        case .number(let n)? where options.indices.contains(n - 1):
            selected = n - 1
            fallthrough
        case .confirm?:
            let effects: [Effect] = [.recordWellness(play.info, stepID: id, kind: "check-in", seconds: now - started)]
            play.transcript.append(.note("Check-in done (kept private)."))
            nextStep(&play, now: now, settings: state.settings)
            return effects
        default: break
        }
        play.step = .checkIn(id: id, question: question, options: options, selected: selected, startedAt: started)
        return []
    }

    private static func reflectionKey(_ play: inout PlayState, _ key: Key, now: Double, state: inout AppState) -> [Effect] {
        guard case .reflection(let id, let prompt, var editor, let started)? = play.step else { return [] }
        if key == .tab || key == .escape {
            var effects: [Effect] = [.recordWellness(play.info, stepID: id, kind: "reflection", seconds: now - started)]
            if !editor.text.trimmingSpaces().isEmpty { effects.append(.keepReflection(play.info, stepID: id, text: editor.text)) }
            play.transcript.append(.note("Reflection saved privately; only you can read it."))
            nextStep(&play, now: now, settings: state.settings)
            return effects
        }
        _ = editor.apply(key)
        play.step = .reflection(id: id, prompt: prompt, editor: editor, startedAt: started)
        return []
    }
}

/// The phases of box breathing over time.
public struct BreathingClock: Sendable {
    public let exercise: BreathingExercise

    public init(_ exercise: BreathingExercise) { self.exercise = exercise }

    public var cycleSeconds: Int { exercise.pattern.reduce(0, +) }
    public var totalSeconds: Int { cycleSeconds * exercise.cycles }

    public func isFinished(after elapsed: Double) -> Bool { elapsed >= Double(totalSeconds) }

    /// The phase (0 in, 1 hold, 2 out, 3 hold), seconds left in it, its progress 0…1, and the cycle (1-based).
    public func phase(after elapsed: Double) -> (phase: Int, secondsLeft: Int, progress: Double, cycle: Int) {
        let clamped = max(0, min(elapsed, Double(totalSeconds) - 0.001))
        let cycle = Int(clamped) / max(1, cycleSeconds)
        var within = clamped - Double(cycle * cycleSeconds)
        for (index, length) in exercise.pattern.enumerated() {
            if within < Double(length) {
                return (index, Int((Double(length) - within).rounded(.up)), within / Double(length), cycle + 1)
            }
            within -= Double(length)
        }
        return (3, 0, 1, cycle + 1)
    }
}
