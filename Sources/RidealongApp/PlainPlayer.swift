import ScenarioKit
import TerminalKit

/// The plain line mode: the same modules and saves with numbered choices typed at a prompt. For pipes,
/// screen readers, unknown terminals and scripted runs (like Frotz's "dumb" front end).
public final class PlainPlayer {
    private let catalog: Catalog
    private let store: any ProgressStore
    private let readLine: () -> String?
    private let write: (String) -> Void
    private let clock: () -> Double
    private var trainee: Trainee?
    private var progress: [ModuleReference: ModuleProgress] = [:]
    private let width = 78

    public init(catalog: Catalog, store: any ProgressStore, trainee: Trainee?, readLine: @escaping () -> String?,
                write: @escaping (String) -> Void, clock: @escaping () -> Double) {
        self.catalog = catalog
        self.store = store
        self.trainee = trainee
        self.readLine = readLine
        self.write = write
        self.clock = clock
    }

    private func say(_ text: String = "") {
        for line in text.isEmpty ? [""] : TextLayout.wrap(text, width: width) { write(line + "\n") }
    }

    private func ask(_ prompt: String) -> String? {
        write(prompt)
        return readLine()?.trimmingSpaces()
    }

    /// Signs in, then offers modules until the trainee quits or input ends. With `start`, plays that
    /// module first. Returns false when a record could not be saved.
    @discardableResult
    public func run(start: ModuleReference? = nil) -> Bool {
        say("ridealong (plain mode): type a number and press Enter. q saves and quits.")
        guard signIn() else { return true }
        if let start, !play(start) { return true }
        while true {
            let rows = courseRows(catalog)
            say()
            say("Modules:")
            for (index, reference) in rows.enumerated() {
                let title = catalog.module(reference)?.1.title ?? reference.module
                var state = AppState(catalog: catalog, width: 80, height: 24, trainee: trainee)
                state.progress = progress
                say("  \(index + 1). \(title) [\(reference.course)] — \(CourseListView.status(reference, state).text)")
            }
            guard let answer = ask("Module number (q to quit): "), answer != "q" else { return true }
            if answer.isEmpty { continue }
            guard let number = Int(answer), rows.indices.contains(number - 1) else {
                say("Type a number from 1 to \(rows.count), or q.")
                continue
            }
            if !play(rows[number - 1]) { return true }
        }
    }

    private func signIn() -> Bool {
        if trainee == nil {
            let remembered = store.lastTrainee()
            guard let id = ask("Trainee ID\(remembered.map { " [\($0.id)]" } ?? ""): ") else { return false }
            let chosenID = id.isEmpty ? remembered?.id ?? "" : id
            guard !chosenID.isEmpty else { say("A trainee ID is needed."); return false }
            var name = remembered?.id == chosenID ? remembered?.name ?? "" : ""
            if name.isEmpty {
                guard let typed = ask("Your name: "), !typed.isEmpty else { say("A name is needed."); return false }
                name = typed
            }
            trainee = Trainee(id: chosenID, name: name)
            perform(.signIn(trainee!))
        }
        say("Signed in as \(trainee!.name) (\(trainee!.id)).")
        progress = (try? store.progress(for: trainee!)) ?? [:]
        return true
    }

    private func perform(_ effect: Effect) {
        guard let trainee else { return }
        do { try store.perform(effect, trainee: trainee) } catch { say("! Not saved: \(error). Your answer is kept in memory.") }
    }

    /// Plays one module; returns false when the trainee quit or input ended.
    private func play(_ reference: ModuleReference) -> Bool {
        guard let (_, module) = catalog.module(reference), let scenario = module.scenario else {
            say("That module cannot be played: it has errors (ask your instructor to run ridealong check).")
            return true
        }
        var state = AppState(catalog: catalog, width: 80, height: 24, trainee: trainee)
        state.progress = progress
        let missing = missingPrerequisites(reference, state)
        guard missing.isEmpty else {
            say("Locked: complete \(missing.joined(separator: ", ")) first.")
            return true
        }
        var playthrough: Playthrough
        var seconds: [Double] = []
        var isPractice = false
        if case .inProgress(let saved)? = progress[reference] {
            let (resumed, divergence) = Playthrough.resume(saved.progress, in: scenario)
            playthrough = resumed
            seconds = Array(saved.secondsToDecide.prefix(resumed.steps.count))
            isPractice = saved.isPractice
            say(divergence.map { "The module changed since you saved; resumed before \($0)." } ?? "Resuming at decision \(resumed.steps.count + 1).")
        } else {
            playthrough = Playthrough(scenario: scenario, seed: UInt64(max(0, clock() * 1000)))
            let started = SavedProgressRecord(progress: SavedProgress(of: playthrough), secondsToDecide: [], isPractice: false)
            progress[reference] = .inProgress(started)
            perform(.saveProgress(ModuleInfo(reference, scenario), started, []))
            say()
            say("== \(scenario.title) ==")
            for objective in scenario.objectives { say("Objective: \(objective)") }
        }
        var shownFrame = -1
        while true {
            if shownFrame != playthrough.steps.count {
                shownFrame = playthrough.steps.count
                say()
                for line in playthrough.frame.lines {
                    guard showLine(line, ModuleInfo(reference, scenario)) else { return false }
                }
            }
            switch playthrough.frame.status {
            case .ended(let ending):
                say("Outcome: \(ending.outcome.label) — \(ending.title)")
                say()
                var debrief = DebriefState(reference: reference, playthrough: playthrough, isPractice: isPractice)
                debrief.selectedDecision = -1
                for line in DebriefView.content(debrief, width: width).0 { write((line.lead?.text ?? "") + line.text + "\n") }
                return true
            case .stuck(let problem):
                say("! This module cannot go on: \(problem). Tell your instructor.")
                return true
            case .deciding:
                break
            }
            let options = playthrough.frame.options
            if playthrough.frame.timerSeconds != nil { say("(A timed decision: plain mode does not count down.)") }
            for (index, option) in options.enumerated() {
                say("  \(index + 1). \(option.text)\(option.isEnabled ? "" : " — unavailable: \(option.disabledReason ?? "not now")")")
            }
            let started = clock()
            guard let answer = ask("Your choice (1-\(options.count), q to quit): ") else { return false }
            if answer == "q" { say("Saved. You can resume at this decision."); return false }
            guard let number = Int(answer), options.indices.contains(number - 1) else {
                say("Type a number from 1 to \(options.count).")
                continue
            }
            guard options[number - 1].isEnabled else {
                say("Not available: \(options[number - 1].disabledReason ?? "not now").")
                continue
            }
            do {
                try playthrough.choose(options[number - 1].id)
            } catch {
                say("That choice cannot be taken: \(error).")
                continue
            }
            seconds.append(max(0, clock() - started))
            perform(DecisionRecording.effect(after: playthrough, reference, secondsToDecide: seconds, isPractice: isPractice, progress: &progress))
            if scenario.feedbackMode == .immediate, let record = playthrough.decisions.last {
                if !record.feedback.isEmpty { say("What happened: \(record.feedback)") }
                if !record.rationale.isEmpty { say("Why it matters: \(record.rationale)") }
            }
        }
    }

    /// Shows one frame line, running wellness steps as prompts. Returns false when input ended.
    private func showLine(_ line: FrameLine, _ reference: ModuleInfo) -> Bool {
        switch line {
        case .narration(let text): say(text)
        case .speech(_, let name, let text): say("\(name): \(text)")
        case .paragraphBreak: say()
        case .breathe(let exercise):
            let p = exercise.pattern
            say("Box breathing: breathe in for \(p[0]), hold \(p[1]), out for \(p[2]), hold \(p[3]) — \(exercise.cycles) cycles.")
            let started = clock()
            guard let answer = ask("Press Enter when you have finished (s to skip): ") else { return false }
            perform(.recordWellness(reference, stepID: "breathing", kind: answer == "s" ? "breathing-skipped" : "breathing", seconds: clock() - started))
        case .reflect(let id, let prompt):
            say(prompt)
            say("(Private: only you can read this. Finish with an empty line.)")
            let started = clock()
            var text: [String] = []
            while let line = readLine(), !line.isEmpty { text.append(line) }
            perform(.recordWellness(reference, stepID: id, kind: "reflection", seconds: clock() - started))
            if !text.isEmpty { perform(.keepReflection(reference, stepID: id, text: text.joined(separator: "\n"))) }
        case .checkIn(let id, let question, let options):
            say(question + " (private)")
            for (index, option) in options.enumerated() { say("  \(index + 1). \(option)") }
            let started = clock()
            guard ask("Your answer: ") != nil else { return false }
            perform(.recordWellness(reference, stepID: id, kind: "check-in", seconds: clock() - started))
        }
        return true
    }
}
