import ScenarioKit
import TerminalKit

/// The course list: every module with its status, grouped by course.
enum CourseListView {
    static func status(_ reference: ModuleReference, _ state: AppState) -> (marker: String, text: String, role: Role) {
        let missing = missingPrerequisites(reference, state)
        switch state.progress[reference] {
        case .completed(let attempt)?:
            let rating = attempt.lowestRating.map { "low \($0)/7" } ?? "N.O."
            let score = attempt.overall.map { "\(Int(($0 * 100).rounded()))%" } ?? "—"
            return ("●", "\(attempt.passed ? "passed ✓" : "not passed ✗") \(score) · \(rating)", attempt.passed ? .good : .bad)
        case .inProgress(let saved)?:
            return ("◐", "in progress · decision \(saved.progress.steps.count + 1)\(saved.isPractice ? " (practice)" : "")", .warning)
        case .notStarted?, nil:
            if !missing.isEmpty { return ("○", "locked: finish \(missing.joined(separator: ", "))", .disabled) }
            return ("○", "not started", .normal)
        }
    }

    static func draw(_ list: CourseListState, _ state: AppState, _ buffer: inout ScreenBuffer) {
        var rows: [(text: String, status: (marker: String, text: String, role: Role)?, index: Int?)] = []
        var index = 0
        for course in state.catalog.courses {
            rows.append((course.title, nil, nil))
            for module in course.modules {
                let reference = ModuleReference(course: course.id, module: module.id)
                rows.append((module.title, status(reference, state), index))
                index += 1
            }
        }
        if rows.isEmpty {
            buffer.put("No courses found. Start ridealong with --courses FOLDER.", x: 2, y: 2, role: .warning)
            return
        }
        if !state.catalog.diagnostics.isEmpty {
            buffer.put("! Some modules have errors and cannot be played (ridealong check).", x: 2, y: buffer.height - 2, role: .bad)
        }
        let visible = buffer.height - 4
        let selectedRow = rows.firstIndex { $0.index == list.selected } ?? 0
        let first = max(0, min(selectedRow - visible / 2, rows.count - visible))
        let longest = rows.filter { $0.status != nil }.map { DisplayWidth.of($0.text) }.max() ?? 20
        let titleWidth = max(16, min(longest, buffer.width - 44))
        for (offset, row) in rows.dropFirst(first).prefix(visible).enumerated() {
            let y = 2 + offset
            guard let status = row.status else {
                buffer.put(TextLayout.clip(row.text, width: buffer.width - 4), x: 2, y: y, role: .title, bold: true)
                continue
            }
            let selected = row.index == list.selected
            if selected { buffer.fill(" ", x: 1, y: y, width: buffer.width - 2, role: .selected) }
            buffer.put(selected ? "▶" : " ", x: 2, y: y, role: selected ? .selected : .normal)
            buffer.put(status.marker + " " + TextLayout.clip(row.text, width: titleWidth), x: 4, y: y, role: selected ? .selected : .normal,
                       bold: selected)
            buffer.put(TextLayout.clip(status.text, width: buffer.width - titleWidth - 10), x: titleWidth + 8, y: y,
                       role: selected ? .selected : status.role)
        }
    }
}
