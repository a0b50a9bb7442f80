import ScenarioKit
import TerminalKit

/// A line ready to draw: text and how to draw it.
struct StyledLine {
    var text: String
    var role: Role = .normal
    var bold = false
    /// Part of the line (from the start) drawn in another role, e.g. a speaker's name.
    var lead: (text: String, role: Role)?
}

/// The scenario screen: the transcript above, the decision (or feedback, or a wellness step) below.
enum PlayView {
    static func draw(_ play: PlayState, _ state: AppState, _ buffer: inout ScreenBuffer) {
        let width = buffer.width - 4
        let panel = panelLines(play, state, width: width)
        let bodyTop = 2, bodyBottom = buffer.height - 2
        let panelHeight = min(panel.count, max(0, bodyBottom - bodyTop - 3))
        let transcriptBottom = bodyBottom - panelHeight - (panelHeight > 0 ? 1 : 0)
        let lines = transcriptLines(play.transcript, width: width)
        let visible = max(0, transcriptBottom - bodyTop)
        let maxScroll = max(0, lines.count - visible)
        let scroll = min(play.scrollBack, maxScroll)
        let start = max(0, lines.count - visible - scroll)
        for (offset, line) in lines[start..<min(lines.count, start + visible)].enumerated() {
            drawLine(line, x: 2, y: bodyTop + offset, &buffer)
        }
        if scroll > 0 {
            buffer.put(" ↑ earlier text · PgDn for newer ", x: buffer.width - 36, y: 1, role: .hint)
        } else if start > 0 {
            buffer.put(" ↑ PgUp for earlier text ", x: buffer.width - 27, y: 1, role: .hint)
        }
        if panelHeight > 0 {
            buffer.fill("─", x: 2, y: transcriptBottom, width: width, role: .border)
            for (offset, line) in panel.suffix(panelHeight).enumerated() { drawLine(line, x: 2, y: transcriptBottom + 1 + offset, &buffer) }
        }
        if case .breathing(let exercise, let started)? = play.step {
            BreathingView.draw(exercise, elapsed: play.now - started, &buffer, top: bodyTop, bottom: transcriptBottom)
        }
    }

    static func drawLine(_ line: StyledLine, x: Int, y: Int, _ buffer: inout ScreenBuffer) {
        var column = x
        if let lead = line.lead { column = buffer.put(lead.text, x: column, y: y, role: lead.role, bold: true) }
        buffer.put(line.text, x: column, y: y, role: line.role, bold: line.bold)
        if line.role == .selected { buffer.paint(x: x, y: y, width: buffer.width - x - 2, role: .selected) }
    }

    static func transcriptLines(_ transcript: [TranscriptLine], width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        for entry in transcript {
            switch entry {
            case .narration(let text):
                lines += TextLayout.wrap(text, width: width).map { StyledLine(text: $0) }
            case .speech(let name, let text):
                let lead = name + ": "
                let wrapped = TextLayout.wrap(lead + text, width: width)
                for (index, line) in wrapped.enumerated() {
                    if index == 0, line.hasPrefix(lead) {
                        lines.append(StyledLine(text: String(line.dropFirst(lead.count)), lead: (lead, .speaker)))
                    } else {
                        lines.append(StyledLine(text: line))
                    }
                }
            case .paragraphBreak:
                lines.append(StyledLine(text: ""))
            case .choice(let number, let text, let timedOut):
                lines.append(StyledLine(text: ""))
                let lead = timedOut ? "⏱ Time ran out — " : "▷ You chose \(number): "
                lines += TextLayout.wrap(lead + text, width: width).map { StyledLine(text: $0, role: .accent) }
                lines.append(StyledLine(text: ""))
            case .feedback(let text):
                lines += TextLayout.wrap("→ " + text, width: width).map { StyledLine(text: $0, role: .hint) }
                lines.append(StyledLine(text: ""))
            case .note(let text):
                lines += TextLayout.wrap("· " + text, width: width).map { StyledLine(text: $0, role: .hint) }
            }
        }
        return lines
    }

    static func panelLines(_ play: PlayState, _ state: AppState, width: Int) -> [StyledLine] {
        switch play.step {
        case .breathing(let exercise, let started)?:
            let phase = BreathingClock(exercise).phase(after: play.now - started)
            let names = ["Breathe in", "Hold", "Breathe out", "Hold"]
            return [StyledLine(text: "Box breathing · cycle \(phase.cycle) of \(exercise.cycles)", role: .accent, bold: true),
                    StyledLine(text: "\(names[phase.phase]) … \(phase.secondsLeft)", role: .title, bold: true),
                    StyledLine(text: "Follow the square. s skips; nothing is graded.", role: .hint)]
        case .reflection(_, let prompt, let editor, _)?:
            return reflectionLines(prompt: prompt, editor: editor, width: width, height: max(4, state.height / 3))
        case .checkIn(_, let question, let options, let selected, _)?:
            var lines = TextLayout.wrap(question, width: width).map { StyledLine(text: $0, role: .accent, bold: true) }
            lines.append(StyledLine(text: "Private check-in: only you see your answer.", role: .hint))
            for (index, option) in options.enumerated() {
                lines.append(StyledLine(text: "\(index == selected ? "▶" : " ") \(index + 1). \(option)", role: index == selected ? .selected : .normal))
            }
            return lines
        case nil: break
        }
        if let record = play.feedback {
            var lines: [StyledLine] = []
            if !record.feedback.isEmpty {
                lines.append(StyledLine(text: "What happened", role: .accent, bold: true))
                lines += TextLayout.wrap(record.feedback, width: width).map { StyledLine(text: $0) }
            }
            if !record.rationale.isEmpty {
                lines.append(StyledLine(text: "Why it matters", role: .accent, bold: true))
                lines += TextLayout.wrap(record.rationale, width: width).map { StyledLine(text: $0) }
            }
            lines.append(StyledLine(text: "Enter: continue", role: .hint))
            return lines
        }
        switch play.playthrough.frame.status {
        case .ended(let ending):
            return [StyledLine(text: "The scenario is over: \(ending.outcome.label).", role: .accent, bold: true),
                    StyledLine(text: play.isPractice ? "Enter: after-action review (practice, not graded)" : "Enter: after-action review", role: .hint)]
        case .stuck(let problem):
            return [StyledLine(text: "! This module cannot go on: \(problem).", role: .bad, bold: true),
                    StyledLine(text: "Tell your instructor. Your progress is saved. Enter: back to the courses.", role: .hint)]
        case .deciding:
            return decisionLines(play, width: width)
        }
    }

    private static func decisionLines(_ play: PlayState, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        if let deadline = play.timerDeadline, let total = play.playthrough.frame.timerSeconds {
            let left = max(0, deadline - play.now)
            let barWidth = max(10, min(40, width - 20))
            let filled = Int((Double(barWidth) * left / Double(total)).rounded(.up))
            lines.append(StyledLine(text: "⏱ \(Int(left.rounded(.up)))s left  " + String(repeating: "█", count: filled)
                                    + String(repeating: "░", count: barWidth - filled), role: left <= 5 ? .bad : .warning, bold: left <= 5))
        }
        for (index, option) in play.playthrough.frame.options.enumerated() {
            let selected = index == play.selected
            let marker = selected ? "▶" : " "
            var text = "\(index + 1). \(option.text)"
            if !option.isEnabled { text += " — unavailable: \(option.disabledReason ?? "not now")" }
            for (row, line) in TextLayout.wrap(text, width: width - 2).enumerated() {
                lines.append(StyledLine(text: (row == 0 ? marker + " " : "   ") + line,
                                        role: selected ? .selected : (option.isEnabled ? .normal : .disabled), bold: selected))
            }
        }
        return lines
    }

    private static func reflectionLines(prompt: String, editor: TextEditor, width: Int, height: Int) -> [StyledLine] {
        var lines = TextLayout.wrap(prompt, width: width).map { StyledLine(text: $0, role: .accent, bold: true) }
        lines.append(StyledLine(text: "Private: only you can read this. Tab: done.", role: .hint))
        let rows = editor.lines.enumerated().map { index, characters -> String in
            var text = String(characters)
            if index == editor.row {
                let before = String(characters.prefix(editor.column)), after = String(characters.dropFirst(editor.column))
                text = before + "▏" + after
            }
            return text
        }
        let first = max(0, editor.row - (height - 1))
        for row in rows.dropFirst(first).prefix(height) { lines.append(StyledLine(text: "│ " + TextLayout.clip(row, width: width - 2))) }
        return lines
    }
}

/// The animated square for box breathing: a marker travels one side per phase.
enum BreathingView {
    static func draw(_ exercise: BreathingExercise, elapsed: Double, _ buffer: inout ScreenBuffer, top: Int, bottom: Int) {
        let phase = BreathingClock(exercise).phase(after: elapsed)
        let size = max(4, min(10, bottom - top - 2))
        let width = size * 2
        let x = (buffer.width - width) / 2, y = top + max(0, (bottom - top - size) / 2)
        for row in top..<bottom { buffer.fill(" ", x: 0, y: row, width: buffer.width) }
        buffer.put("┌" + String(repeating: "─", count: width - 2) + "┐", x: x, y: y, role: .border)
        buffer.put("└" + String(repeating: "─", count: width - 2) + "┘", x: x, y: y + size - 1, role: .border)
        for row in 1..<(size - 1) {
            buffer.put("│", x: x, y: y + row, role: .border)
            buffer.put("│", x: x + width - 1, y: y + row, role: .border)
        }
        let t = phase.progress
        let point: (Int, Int)
        switch phase.phase {
        case 0: point = (x + Int(Double(width - 1) * t), y)
        case 1: point = (x + width - 1, y + Int(Double(size - 1) * t))
        case 2: point = (x + width - 1 - Int(Double(width - 1) * t), y + size - 1)
        default: point = (x, y + size - 1 - Int(Double(size - 1) * t))
        }
        buffer.put("●", x: point.0, y: point.1, role: .accent, bold: true)
        let label = ["in", "hold", "out", "hold"][phase.phase]
        buffer.put(label, x: x + (width - label.count) / 2, y: y + size / 2, role: .title, bold: true)
    }
}
