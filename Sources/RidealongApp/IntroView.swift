import ScenarioKit
import TerminalKit

/// A module's introduction: objectives, competencies, expected minutes, and what Enter will do.
enum IntroView {
    static func draw(_ reference: ModuleReference, _ state: AppState, _ buffer: inout ScreenBuffer) {
        guard let (_, module) = state.catalog.module(reference), let scenario = module.scenario else {
            buffer.put("This module has errors and cannot be played. Ask your instructor to run `ridealong check`.", x: 2, y: 2, role: .bad)
            return
        }
        let width = buffer.width - 4
        var y = 2
        buffer.put(TextLayout.clip(scenario.title, width: width), x: 2, y: y, role: .title, bold: true)
        y += 1
        var facts: [String] = []
        if let minutes = scenario.minutes { facts.append("about \(minutes) minutes") }
        facts.append(scenario.feedbackMode == .immediate ? "feedback after each decision" : "feedback at the debrief")
        if scenario.scenes.contains(where: { $0.timerSeconds != nil }) {
            facts.append(state.settings.timersEnabled ? "some decisions are timed" : "timers are off for you")
        }
        buffer.put(TextLayout.clip(facts.joined(separator: " · "), width: width), x: 2, y: y, role: .hint)
        y += 2
        if !scenario.objectives.isEmpty {
            buffer.put("Objectives", x: 2, y: y, role: .accent, bold: true)
            y += 1
            for objective in scenario.objectives {
                for (index, line) in TextLayout.wrap(objective, width: width - 2).enumerated() where y < buffer.height - 5 {
                    buffer.put((index == 0 ? "• " : "  ") + line, x: 2, y: y)
                    y += 1
                }
            }
            y += 1
        }
        if !scenario.competencies.isEmpty, y < buffer.height - 5 {
            buffer.put("Competencies scored", x: 2, y: y, role: .accent, bold: true)
            y += 1
            for line in TextLayout.wrap(scenario.competencies.map(\.label).joined(separator: " · "), width: width) where y < buffer.height - 4 {
                buffer.put(line, x: 2, y: y)
                y += 1
            }
        }
        let missing = missingPrerequisites(reference, state)
        let action: String
        switch state.progress[reference] {
        case .inProgress(let saved)?: action = "Enter: resume at decision \(saved.progress.steps.count + 1)"
        case .completed(let attempt)?: action = "Enter: play again (attempt \(attempt.attempts + 1))"
        default: action = "Enter: begin"
        }
        if missing.isEmpty {
            buffer.put(action + "    Esc: back", x: 2, y: buffer.height - 3, role: .accent, bold: true)
        } else {
            buffer.put("Locked: complete \(missing.joined(separator: ", ")) first.    Esc: back", x: 2, y: buffer.height - 3, role: .disabled)
        }
    }
}
