import ScenarioKit
import TerminalKit

/// The app's update function: applies an action to the state and returns the work to do.
public func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .resize(let width, let height):
        state.width = width
        state.height = height
        return []
    case .catalogLoaded(let catalog):
        state.catalog = catalog
        if !catalog.diagnostics.isEmpty { state.notice = "Some modules have errors and cannot be played: run ridealong check." }
        return []
    case .progressLoaded(let progress):
        state.progress = progress
        return []
    case .reviewPage(let title, let lines, let trainees):
        guard case .review(var review) = state.screen else { return [] }
        review.isUnlocked = true
        review.error = nil
        review.password = ""
        if title == "Roster" {
            review.roster = lines
            review.trainees = trainees
        } else {
            review.traineePage = (title, lines)
        }
        review.scroll = 0
        state.screen = .review(review)
        return []
    case .reviewRefused(let message):
        guard case .review(var review) = state.screen else { return [] }
        review.error = message
        review.password = ""
        state.screen = .review(review)
        return []
    case .scriptFailed(let errors):
        state.scriptErrors = errors
        return []
    case .scriptReloaded(let reference, let scenario):
        state.scriptErrors = []
        state.catalog.replace(reference, with: scenario)
        guard case .play(let play) = state.screen, play.reference == reference else { return [] }
        let (playthrough, divergence) = Playthrough.resume(SavedProgress(of: play.playthrough), in: scenario)
        state.screen = .play(PlayReducer.start(reference, playthrough, isPractice: play.isPractice, now: play.now, settings: state.settings,
                                               secondsToDecide: Array(play.secondsToDecide.prefix(playthrough.steps.count))))
        state.notice = divergence.map { "Reloaded; \($0)." } ?? "Reloaded; replayed \(playthrough.steps.count) choice\(playthrough.steps.count == 1 ? "" : "s")."
        return []
    case .tick(let now):
        guard case .play(var play) = state.screen else { return [] }
        let effects = PlayReducer.tick(&play, now: now, settings: state.settings, state: &state)
        if case .play = state.screen { state.screen = .play(play) }
        return effects
    case .key(let key, let now):
        state.notice = nil
        if key == .interrupt {
            state.isFinished = true
            return [.quit]
        }
        if let overlay = state.overlay { return reduceOverlay(overlay, key, &state) }
        switch state.screen {
        case .signIn(var form):
            let effects = reduceSignIn(&form, key, &state)
            if case .signIn = state.screen { state.screen = .signIn(form) }
            return effects
        case .courses(var list):
            let effects = reduceCourses(&list, key, now: now, &state)
            if case .courses = state.screen { state.screen = .courses(list) }
            return effects
        case .intro(let reference):
            return reduceIntro(reference, key, now: now, &state)
        case .play(var play):
            let effects = PlayReducer.key(&play, key, now: now, state: &state)
            if case .play = state.screen { state.screen = .play(play) }
            return effects
        case .debrief(var debrief):
            let effects = DebriefReducer.key(&debrief, key, now: now, state: &state)
            if case .debrief = state.screen { state.screen = .debrief(debrief) }
            return effects
        case .review(var review):
            let effects = ReviewReducer.key(&review, key, state: &state)
            if case .review = state.screen { state.screen = .review(review) }
            return effects
        }
    }
}

private func reduceOverlay(_ overlay: Overlay, _ key: Key, _ state: inout AppState) -> [Effect] {
    switch overlay {
    case .help:
        state.overlay = nil
    case .confirmQuit:
        if key == .character("y") || key == .character("Y") || key == .enter {
            state.isFinished = true
            return [.quit]
        }
        state.overlay = nil
    }
    return []
}

/// Handles the keys every non-typing screen shares; returns true when it took the key.
func reduceCommon(_ command: Command?, _ state: inout AppState) -> Bool {
    switch command {
    case .help?: state.overlay = .help
    case .quit?: state.overlay = .confirmQuit
    default: return false
    }
    return true
}

private func reduceSignIn(_ form: inout SignInForm, _ key: Key, _ state: inout AppState) -> [Effect] {
    switch key {
    case .tab, .down, .up:
        form.focusOnName.toggle()
    case .enter:
        let id = form.id.trimmingSpaces(), name = form.name.trimmingSpaces()
        if id.isEmpty || !id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) {
            form.error = "Enter your trainee ID: letters, digits, '-', '_' or '.'."
            form.focusOnName = false
        } else if !form.focusOnName && name.isEmpty {
            form.focusOnName = true
        } else if name.isEmpty {
            form.error = "Enter your name as your FTO knows it."
        } else {
            let trainee = Trainee(id: id, name: name)
            state.trainee = trainee
            state.screen = .courses(CourseListState())
            return [.signIn(trainee)]
        }
    case .backspace:
        if form.focusOnName { _ = form.name.popLast() } else { _ = form.id.popLast() }
    case .escape:
        state.overlay = .confirmQuit
    case .character(let c) where DisplayWidth.of(c) > 0:
        if form.focusOnName { if form.name.count < 60 { form.name.append(c) } } else if form.id.count < 32 { form.id.append(c) }
        form.error = nil
    default: break
    }
    return []
}

/// The modules in list order, each with its course.
func courseRows(_ catalog: Catalog) -> [ModuleReference] {
    catalog.courses.flatMap { course in course.modules.map { ModuleReference(course: course.id, module: $0.id) } }
}

/// Prerequisites of a module that the trainee has not completed yet.
func missingPrerequisites(_ reference: ModuleReference, _ state: AppState) -> [String] {
    guard let (_, module) = state.catalog.module(reference) else { return [] }
    return module.prerequisites.filter { prerequisite in
        if case .completed? = state.progress[ModuleReference(course: reference.course, module: prerequisite)] { return false }
        return true
    }
}

private func reduceCourses(_ list: inout CourseListState, _ key: Key, now: Double, _ state: inout AppState) -> [Effect] {
    let rows = courseRows(state.catalog)
    let command = Keymap.command(for: key, in: .courses)
    if reduceCommon(command, &state) { return [] }
    switch command {
    case .up?: list.selected = max(0, list.selected - 1)
    case .down?: list.selected = min(max(0, rows.count - 1), list.selected + 1)
    case .confirm?:
        guard rows.indices.contains(list.selected) else { return [] }
        state.screen = .intro(rows[list.selected])
    case .review?:
        state.screen = .review(ReviewState())
    default: break
    }
    return []
}

private func reduceIntro(_ reference: ModuleReference, _ key: Key, now: Double, _ state: inout AppState) -> [Effect] {
    let command = Keymap.command(for: key, in: .intro)
    if reduceCommon(command, &state) { return [] }
    switch command {
    case .back?:
        state.screen = .courses(courseListSelecting(reference, state))
    case .confirm?:
        let missing = missingPrerequisites(reference, state)
        guard missing.isEmpty else {
            state.notice = "Complete \(missing.joined(separator: ", ")) first."
            return []
        }
        guard let (_, module) = state.catalog.module(reference), let scenario = module.scenario else {
            state.notice = "This module has errors; tell your instructor (ridealong check)."
            return []
        }
        var play: PlayState
        if case .inProgress(let saved)? = state.progress[reference] {
            let (playthrough, divergence) = Playthrough.resume(saved.progress, in: scenario)
            play = PlayReducer.start(reference, playthrough, isPractice: saved.isPractice, now: now, settings: state.settings,
                                     secondsToDecide: Array(saved.secondsToDecide.prefix(playthrough.steps.count)))
            if let divergence {
                state.notice = "The module changed since you saved; resumed before \(divergence)."
            } else if !playthrough.steps.isEmpty {
                state.notice = "Resumed at decision \(playthrough.steps.count + 1)."
            }
        } else {
            play = PlayReducer.start(reference, Playthrough(scenario: scenario, seed: UInt64(max(0, now * 1000))), isPractice: false,
                                     now: now, settings: state.settings, secondsToDecide: [])
            let started = SavedProgressRecord(progress: SavedProgress(of: play.playthrough), secondsToDecide: [], isPractice: false)
            state.progress[reference] = .inProgress(started)
            state.screen = .play(play)
            return [.saveProgress(play.info, started, [])]
        }
        state.screen = .play(play)
    default: break
    }
    return []
}

/// The course list with a module selected.
func courseListSelecting(_ reference: ModuleReference, _ state: AppState) -> CourseListState {
    var list = CourseListState()
    list.selected = courseRows(state.catalog).firstIndex(of: reference) ?? 0
    return list
}

extension String {
    func trimmingSpaces() -> String {
        var result = Substring(self)
        while result.first?.isWhitespace == true { result = result.dropFirst() }
        while result.last?.isWhitespace == true { result = result.dropLast() }
        return String(result)
    }
}
