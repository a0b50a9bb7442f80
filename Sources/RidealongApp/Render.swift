import ScenarioKit
import TerminalKit

/// The app's view: draws the state into a fresh buffer. Never does I/O.
public func render(_ state: AppState) -> ScreenBuffer {
    var buffer = ScreenBuffer(width: state.width, height: state.height)
    if state.isTooSmall {
        drawTooSmall(state, &buffer)
        return buffer
    }
    let context: KeyContext
    switch state.screen {
    case .signIn(let form):
        drawChrome(&buffer, title: "Sign in", trainee: nil)
        SignInView.draw(form, &buffer)
        context = .signIn
    case .courses(let list):
        drawChrome(&buffer, title: "Courses", trainee: state.trainee)
        CourseListView.draw(list, state, &buffer)
        context = .courses
    case .intro(let reference):
        drawChrome(&buffer, title: title(of: reference, state), trainee: state.trainee)
        IntroView.draw(reference, state, &buffer)
        context = .intro
    case .play(let play):
        drawChrome(&buffer, title: title(of: play.reference, state) + (play.isPractice ? " · practice" : ""), trainee: state.trainee)
        PlayView.draw(play, state, &buffer)
        context = PlayReducer.context(play)
    case .debrief(let debrief):
        drawChrome(&buffer, title: "After-action review · " + title(of: debrief.reference, state), trainee: state.trainee)
        DebriefView.draw(debrief, &buffer)
        context = .debrief
    case .review(let review):
        drawChrome(&buffer, title: "FTO review" + (review.traineePage.map { " · \($0.id)" } ?? ""), trainee: nil)
        ReviewView.draw(review, &buffer)
        context = ReviewReducer.context(review)
    }
    drawFooter(&buffer, notice: state.notice, hints: Keymap.hints(for: context))
    if !state.scriptErrors.isEmpty { drawScriptErrors(state.scriptErrors, &buffer) }
    switch state.overlay {
    case .help?: HelpView.draw(context, &buffer)
    case .confirmQuit?: drawConfirmQuit(&buffer, inModule: { if case .play = state.screen { return true } else { return false } }())
    case nil: break
    }
    return buffer
}

private func title(of reference: ModuleReference, _ state: AppState) -> String {
    guard let (course, module) = state.catalog.module(reference) else { return reference.description }
    return "\(course.title) › \(module.title)"
}

private func drawTooSmall(_ state: AppState, _ buffer: inout ScreenBuffer) {
    let lines = ["The terminal is too small.",
                 "Enlarge it to at least \(AppState.minimumWidth)×\(AppState.minimumHeight).",
                 "Now: \(state.width)×\(state.height). Your progress is saved."]
    let top = max(0, (state.height - lines.count) / 2)
    for (offset, line) in lines.enumerated() {
        let shown = TextLayout.clip(line, width: state.width)
        buffer.put(shown, x: max(0, (state.width - DisplayWidth.of(shown)) / 2), y: top + offset, role: offset == 0 ? .warning : .normal,
                   bold: offset == 0)
    }
}

/// Title bar with the product, where the trainee is, and who is signed in.
func drawChrome(_ buffer: inout ScreenBuffer, title: String, trainee: Trainee?) {
    buffer.fill(" ", x: 0, y: 0, width: buffer.width, role: .statusBar)
    let right = trainee.map { " \($0.name) (\($0.id)) " } ?? ""
    let rightWidth = DisplayWidth.of(right)
    buffer.put(" ridealong · " + TextLayout.clip(title, width: max(1, buffer.width - rightWidth - 15)), x: 0, y: 0, role: .statusBar, bold: true)
    buffer.put(right, x: buffer.width - rightWidth, y: 0, role: .statusBar)
}

private func drawFooter(_ buffer: inout ScreenBuffer, notice: String?, hints: String) {
    let y = buffer.height - 1
    buffer.fill(" ", x: 0, y: y, width: buffer.width, role: .statusBar)
    if let notice {
        buffer.put(" ! " + TextLayout.clip(notice, width: buffer.width - 4), x: 0, y: y, role: .statusBar, bold: true)
    } else {
        buffer.put(" " + TextLayout.clip(hints, width: buffer.width - 2), x: 0, y: y, role: .statusBar)
    }
}

/// A centred box with a border, returning its inner frame (x, y, width, height).
@discardableResult
func drawBox(_ buffer: inout ScreenBuffer, width: Int, height: Int, title: String) -> (x: Int, y: Int, width: Int, height: Int) {
    let w = min(width, buffer.width - 2), h = min(height, buffer.height - 2)
    let x = (buffer.width - w) / 2, y = (buffer.height - h) / 2
    for row in y..<(y + h) { buffer.fill(" ", x: x, y: row, width: w) }
    buffer.put("┌" + String(repeating: "─", count: w - 2) + "┐", x: x, y: y, role: .border)
    buffer.put("└" + String(repeating: "─", count: w - 2) + "┘", x: x, y: y + h - 1, role: .border)
    for row in (y + 1)..<(y + h - 1) {
        buffer.put("│", x: x, y: row, role: .border)
        buffer.put("│", x: x + w - 1, y: row, role: .border)
    }
    buffer.put(" \(title) ", x: x + 2, y: y, role: .title, bold: true)
    return (x + 2, y + 1, w - 4, h - 2)
}

/// Play-as-you-write: the script's errors over the top of the screen until a save fixes them.
private func drawScriptErrors(_ errors: [String], _ buffer: inout ScreenBuffer) {
    let shown = errors.prefix(max(1, buffer.height / 3))
    buffer.fill(" ", x: 0, y: 1, width: buffer.width, role: .bad)
    buffer.put(" ! The script has \(errors.count) error\(errors.count == 1 ? "" : "s"); fix and save — play goes on from here", x: 0, y: 1,
               role: .bad, bold: true)
    for (offset, error) in shown.enumerated() {
        buffer.fill(" ", x: 0, y: 2 + offset, width: buffer.width, role: .bad)
        buffer.put(" " + TextLayout.clip(error, width: buffer.width - 2), x: 0, y: 2 + offset, role: .bad)
    }
}

private func drawConfirmQuit(_ buffer: inout ScreenBuffer, inModule: Bool) {
    let inner = drawBox(&buffer, width: 52, height: 6, title: "Quit?")
    buffer.put(inModule ? "Your progress is saved at your last decision." : "You can come back at any time.", x: inner.x, y: inner.y + 1)
    buffer.put("y / Enter: quit    n / Esc: stay", x: inner.x, y: inner.y + 3, role: .hint)
}
