import Foundation
import RidealongApp

/// The FTO's views as text: the roster, a trainee's DOR-style grid and decision timelines, and the
/// instructor's per-decision analytics.
public enum ReviewReport {
    public static func roster(_ entries: [TrainingRecords.RosterEntry]) -> String {
        var out = "Roster — \(entries.count) trainee\(entries.count == 1 ? "" : "s")\n\n"
        for entry in entries {
            let details = [entry.badge.map { "badge \($0)" }, entry.unit, entry.fto.map { "FTO \($0)" }].compactMap { $0 }.joined(separator: " · ")
            out += "\(entry.trainee.name) (\(entry.trainee.id))\(details.isEmpty ? "" : " — " + details)\n"
            for module in entry.modules {
                var status = module.inProgress ? "in progress" : "—"
                if let passed = module.latestPassed {
                    status = "\(passed ? "passed ✓" : "not passed ✗") \(percent(module.latestOverall)) · lowest rating \(module.latestLowestRating.map(String.init) ?? "N.O.")"
                        + (module.inProgress ? " · retake in progress" : "")
                }
                let trend = module.trend.map { $0 > 0 ? " ↑ improving" : ($0 < 0 ? " ↓ worse" : " = steady") } ?? ""
                let graded = module.gradedAttempts
                out += "  \(pad(module.module, 26)) \(status) · \(graded) graded attempt\(graded == 1 ? "" : "s")\(trend)\n"
            }
            out += entry.attention.isEmpty ? "  attention: none\n\n" : "  ! needs attention: \(entry.attention.joined(separator: "; "))\n\n"
        }
        return out
    }

    public static func trainee(_ trainee: Trainee, attempts: [TrainingRecords.Attempt], notes: [TrainingRecords.Note]) -> String {
        let graded = attempts.filter { $0.status == "completed" && !$0.isPractice }
        var out = "Daily observation report — \(trainee.name) (\(trainee.id))\n"
        out += "FTO rating scale 1–7 (4 = minimum acceptable); N.O. = not observed. Wellness reflections are private and not shown.\n\n"
        out += "\(pad("Competency", 30)) \(pad("FTO category", 40)) rating  from\n"
        var latestByCompetency: [String: (CompetencyResult, String)] = [:]
        for attempt in graded {
            for competency in attempt.result?.competencies ?? [] where competency.rating != nil || latestByCompetency[competency.id] == nil {
                latestByCompetency[competency.id] = (competency, attempt.module)
            }
        }
        for (id, (competency, module)) in latestByCompetency.sorted(by: { $0.key < $1.key }) {
            let rating = competency.rating.map(String.init) ?? "N.O."
            out += "\(pad(competency.label, 30)) \(pad(competency.ftoCategory, 40)) \(pad(rating + (competency.cappedByCriticalError ? "*" : ""), 7)) \(module)\n"
            _ = id
        }
        if latestByCompetency.values.contains(where: { $0.0.cappedByCriticalError }) { out += "* capped by a critical error\n" }
        out += "\n" + acceptable(graded)
        out += remediation(graded)
        for attempt in graded { out += "\n" + timeline(attempt) }
        let practice = attempts.filter(\.isPractice).count
        if practice > 0 { out += "\n(\(practice) practice run\(practice == 1 ? "" : "s") not graded and not shown.)\n" }
        out += "\nFTO notes (append-only)\n"
        if notes.isEmpty { out += "  none yet\n" }
        for note in notes {
            let target = note.module.map { " on \($0)" } ?? ""
            let correction = note.corrects.map { " (corrects \($0.prefix(8)))" } ?? ""
            out += "  \(note.at.prefix(16)) \(note.kind)\(target) by \(note.author)\(correction) [\(note.statementID.prefix(8))]: \(note.text)\n"
        }
        return out
    }

    /// The "most acceptable" and "least acceptable" performance, drafted from the ratings and decisions.
    static func acceptable(_ graded: [TrainingRecords.Attempt]) -> String {
        let rated = graded.flatMap { attempt in (attempt.result?.competencies ?? []).compactMap { c in c.rating.map { (c, $0, attempt) } } }
        guard let best = rated.max(by: { $0.1 < $1.1 }), let worst = rated.min(by: { $0.1 < $1.1 }) else {
            return "Most / least acceptable: nothing graded yet.\n"
        }
        var out = "Most acceptable (draft): \(best.0.label) in \(best.2.title), rated \(best.1)."
        if let example = best.2.decisions.first(where: { $0.wasIdeal && ($0.deltas[best.0.id] ?? 0) > 0 }) {
            out += " At decision \(example.number) the trainee chose: \(example.chosenText)"
        }
        out += "\nLeast acceptable (draft): \(worst.0.label) in \(worst.2.title), rated \(worst.1)."
        if let example = worst.2.decisions.first(where: { ($0.deltas[worst.0.id] ?? 0) < 0 || !$0.criticalErrors.isEmpty }) {
            out += " At decision \(example.number) the trainee chose: \(example.chosenText)"
        }
        return out + "\n"
    }

    /// The same competency losing points in more than one module: a pattern worth remedial training.
    static func remediation(_ graded: [TrainingRecords.Attempt]) -> String {
        var modulesByCompetency: [String: Set<String>] = [:]
        for attempt in graded {
            for decision in attempt.decisions {
                for (competency, points) in decision.deltas where points < 0 { modulesByCompetency[competency, default: []].insert(attempt.module) }
            }
        }
        let patterns = modulesByCompetency.filter { $0.value.count >= 2 }.sorted { $0.key < $1.key }
        guard !patterns.isEmpty else { return "Remediation pointers: no repeated mistakes across modules.\n" }
        return "Remediation pointers:\n" + patterns.map { "  \($0.key): lost points in \($0.value.sorted().joined(separator: ", ")) — review this skill\n" }.joined()
    }

    public static func timeline(_ attempt: TrainingRecords.Attempt) -> String {
        var out = "\(attempt.title) (\(attempt.module), revision \(attempt.revision)) — \(attempt.startedAt.prefix(16))"
        if let result = attempt.result { out += " — \(result.outcome), \(percent(result.overall)), \(result.passed ? "passed" : "not passed")" }
        out += "\n"
        let turn = attempt.decisions.first { !$0.criticalErrors.isEmpty } ?? attempt.decisions.first { !$0.wasIdeal && $0.deltas.values.contains { $0 < 0 } }
        for decision in attempt.decisions {
            let mark = decision.ideal.isEmpty ? "·" : (decision.wasIdeal ? "✓" : "✗")
            let deltas = decision.deltas.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value > 0 ? "+" : "")\($0.value)" }.joined(separator: ", ")
            out += "  \(decision.number). \(mark) \(decision.timedOut ? "TIMED OUT → " : "")\(decision.chosen) in \(String(format: "%.1f", decision.seconds)) s"
            out += " (offered \(decision.offered.joined(separator: ", ")); ideal \(decision.ideal.isEmpty ? "—" : decision.ideal.joined(separator: ", ")))"
            out += deltas.isEmpty ? "\n" : " [\(deltas)]\n"
            if decision.number == turn?.number { out += "     ← the encounter turned here\n" }
            if !decision.rationale.isEmpty, !decision.wasIdeal { out += "     why: \(decision.rationale)\n" }
            for error in decision.criticalErrors { out += "     CRITICAL: \(error)\n" }
        }
        for step in attempt.wellness { out += "  wellness: \(step.kind) (\(String(format: "%.0f", step.seconds)) s)\n" }
        return out
    }

    public static func analytics(_ rows: [(course: String, module: String, scene: String, counts: [String: Int], offered: [String], ideal: [String])]) -> String {
        var out = "How trainees chose at each decision (graded attempts)\n"
        for row in rows {
            let total = row.counts.values.reduce(0, +)
            out += "\n\(row.course)/\(row.module) · \(row.scene) — \(total) decision\(total == 1 ? "" : "s")\n"
            for choice in row.offered {
                let count = row.counts[choice] ?? 0
                let share = total > 0 ? Double(count) / Double(total) : 0
                var flag = ""
                if count == 0 { flag = "  ← no one takes this" }
                if row.ideal.contains(choice), share < 0.2, total >= 5 { flag = "  ← most trainees miss the ideal here" }
                out += "  \(row.ideal.contains(choice) ? "★" : " ") \(pad(choice, 28)) \(pad(String(count), 5)) \(pad(percent(share), 5)) \(String(repeating: "█", count: Int(share * 30)))\(flag)\n"
            }
        }
        return out
    }

    static func percent(_ value: Double?) -> String { value.map { "\(Int(($0 * 100).rounded()))%" } ?? "—" }
    static func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
}
