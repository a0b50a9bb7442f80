import ScenarioKit
import TerminalKit

/// The after-action review's keys: scrolling, picking a decision, practising again from it.
enum DebriefReducer {
    static func key(_ debrief: inout DebriefState, _ key: Key, now: Double, state: inout AppState) -> [Effect] {
        let command = Keymap.command(for: key, in: .debrief)
        if reduceCommon(command, &state) { return [] }
        let count = debrief.playthrough.decisions.count
        switch command {
        case .up?:
            debrief.selectedDecision = max(0, debrief.selectedDecision - 1)
            debrief.followsSelection = true
        case .down?:
            debrief.selectedDecision = min(max(0, count - 1), debrief.selectedDecision + 1)
            debrief.followsSelection = true
        case .pageUp?:
            debrief.scroll = max(0, debrief.scroll - max(1, state.height / 2))
            debrief.followsSelection = false
        case .pageDown?:
            debrief.scroll += max(1, state.height / 2)
            debrief.followsSelection = false
        case .confirm?, .back?:
            state.screen = .courses(courseListSelecting(debrief.reference, state))
        case .practice?:
            guard count > 0 else { return [] }
            let steps = Array(debrief.playthrough.steps.prefix(debrief.selectedDecision))
            let saved = SavedProgress(moduleID: debrief.playthrough.scenario.id, revision: debrief.playthrough.scenario.revision,
                                      contentHash: debrief.playthrough.scenario.contentHash, seed: debrief.playthrough.seed, steps: steps)
            let (playthrough, _) = Playthrough.resume(saved, in: debrief.playthrough.scenario)
            state.screen = .play(PlayReducer.start(debrief.reference, playthrough, isPractice: true, now: now, settings: state.settings,
                                                   secondsToDecide: Array(repeating: 0, count: steps.count)))
            state.notice = "Practising from decision \(debrief.selectedDecision + 1): not graded."
        default: break
        }
        return []
    }
}
