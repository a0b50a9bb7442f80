import ScenarioKit
import TerminalKit

/// The after-action review: outcome, scores per competency with the 1–7 rating, critical errors, and
/// every decision beside the instructor's ideal one, with feedback and rationale.
enum DebriefView {
    static func draw(_ debrief: DebriefState, _ buffer: inout ScreenBuffer) {
        let width = buffer.width - 4
        let (lines, selectedLine) = content(debrief, width: width)
        let visible = buffer.height - 3
        var first = min(debrief.scroll, max(0, lines.count - visible))
        if debrief.followsSelection, selectedLine < first || selectedLine >= first + visible {
            first = max(0, min(selectedLine - 2, lines.count - visible))
        }
        if first + visible < lines.count {
            buffer.put(" ↓ PgDn for more ", x: buffer.width - 19, y: buffer.height - 2, role: .hint)
        }
        for (offset, line) in lines.dropFirst(first).prefix(visible).enumerated() {
            PlayView.drawLine(line, x: 2, y: 1 + offset, &buffer)
        }
    }

    static func content(_ debrief: DebriefState, width: Int) -> ([StyledLine], Int) {
        let playthrough = debrief.playthrough
        let card = playthrough.scorecard
        var lines: [StyledLine] = [StyledLine(text: "")]
        if let ending = playthrough.ending {
            let role: Role = [.resolved, .resolvedArrest, .resolvedReferral, .completed].contains(ending.outcome) ? .good : .bad
            lines.append(StyledLine(text: "Outcome: \(ending.outcome.label) — \(ending.title)", role: role, bold: true))
        }
        if debrief.isPractice {
            lines.append(StyledLine(text: "Practice run: not graded and not part of your record.", role: .hint))
        } else if let overall = card.overall {
            let mark = Int((playthrough.scenario.rules.passMark * 100).rounded())
            lines.append(StyledLine(text: "Overall \(percent(overall)) · pass mark \(mark)% · " + (card.passed ? "PASSED ✓" : "NOT PASSED ✗"),
                                    role: card.passed ? .good : .bad, bold: true))
        }
        lines.append(StyledLine(text: ""))
        lines.append(StyledLine(text: "Competencies (FTO scale 1–7, 4 = minimum acceptable)", role: .accent, bold: true))
        let labelWidth = min(28, max(12, width / 3))
        for entry in card.entries {
            let label = pad(TextLayout.clip(entry.competency.label, width: labelWidth), labelWidth)
            guard let score = entry.score, let rating = entry.rating else {
                lines.append(StyledLine(text: label + "  " + String(repeating: "·", count: 10) + "   N.O.  not observed on this path", role: .hint))
                continue
            }
            let filled = Int((score * 10).rounded())
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled)
            let capped = entry.cappedByCriticalError ? "  capped: critical error" : ""
            lines.append(StyledLine(text: "\(label)  \(bar) \(pad(percent(score), 4))  rating \(rating)\(capped)",
                                    role: rating >= 4 ? .normal : .bad))
        }
        if !card.criticalErrors.isEmpty {
            lines.append(StyledLine(text: ""))
            lines.append(StyledLine(text: "Critical errors", role: .bad, bold: true))
            for error in card.criticalErrors {
                let competency = playthrough.scenario.competencies[error.competency].label
                lines += TextLayout.wrap("✗ \(error.description) (\(competency))", width: width).map { StyledLine(text: $0, role: .bad) }
            }
        }
        if let ending = playthrough.ending, !ending.debrief.isEmpty {
            lines.append(StyledLine(text: ""))
            lines.append(StyledLine(text: "Debrief", role: .accent, bold: true))
            lines += TextLayout.wrap(ending.debrief.joined(separator: " "), width: width).map { StyledLine(text: $0) }
        }
        lines.append(StyledLine(text: ""))
        lines += TextLayout.wrap("Your decisions beside the ideal path (↑/↓ select, p practise from the selected one)", width: width)
            .map { StyledLine(text: $0, role: .accent, bold: true) }
        var selectedLine = 0
        for (index, record) in playthrough.decisions.enumerated() {
            let selected = index == debrief.selectedDecision
            if selected { selectedLine = lines.count }
            let verdict = record.wasIdeal ? "✓ ideal" : (record.idealIDs.isEmpty ? "·" : "✗ not ideal")
            let head = "\(selected ? "▶" : " ") \(index + 1). \(verdict) — " + (record.timedOut ? "time ran out: " : "you: ") + record.choiceText
            lines += TextLayout.wrap(head, width: width).enumerated().map { row, text in
                StyledLine(text: row == 0 ? text : "     " + text, role: selected ? .selected : (record.wasIdeal ? .good : .normal), bold: selected)
            }
            if !record.wasIdeal, let idealID = record.idealIDs.first, let index = playthrough.scenario.choiceIndex[idealID] {
                lines += TextLayout.wrap("Ideal: " + plainText(playthrough.scenario.choices[index].text), width: width - 5)
                    .map { StyledLine(text: "     " + $0, role: .good) }
            }
            if !record.feedback.isEmpty {
                lines += TextLayout.wrap("What happened: " + record.feedback, width: width - 5).map { StyledLine(text: "     " + $0) }
            }
            if !record.rationale.isEmpty {
                lines += TextLayout.wrap("Why: " + record.rationale, width: width - 5).map { StyledLine(text: "     " + $0, role: .hint) }
            }
            for error in record.criticalErrors {
                lines.append(StyledLine(text: "     ✗ critical: " + error.description, role: .bad))
            }
        }
        lines.append(StyledLine(text: ""))
        lines.append(StyledLine(text: "Enter or Esc: back to the courses", role: .hint))
        return (lines, selectedLine)
    }

    private static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    }

    /// Choice text with interpolations shown as "…" (the debrief shows the ideal as written).
    static func plainText(_ parts: [TextPart]) -> String {
        parts.map { part in
            if case .literal(let text) = part { return text }
            return "…"
        }.joined()
    }
}
