import Foundation
import RidealongApp

/// `ridealong export`: CSV (one row per attempt and competency), JSON, xAPI statements as JSON lines,
/// and a printable DOR-like report. Private reflections are never in the database, so never exported.
public enum Exporter {
    /// The export formats.
    public enum Format: String, CaseIterable, Sendable { case csv, json, xapi, report }

    public static func export(_ records: TrainingRecords, format: Format, trainee: String?) throws -> String {
        let trainees = try records.trainees().filter { trainee == nil || $0.0.id == trainee }
        switch format {
        case .xapi:
            return try records.statements(of: trainee).map { $0 + "\n" }.joined()
        case .csv:
            var out = "trainee_id,trainee_name,course,module,revision,attempt_id,practice,started_at,status,outcome,overall,passed,competency,fto_category,score,rating,capped\n"
            for (person, _, _, _) in trainees {
                for attempt in try records.attempts(of: person.id, withDecisions: false) {
                    let base = [person.id, person.name, attempt.course, attempt.module, String(attempt.revision), attempt.id,
                                String(attempt.isPractice), attempt.startedAt, attempt.status, attempt.result?.outcome ?? "",
                                attempt.result?.overall.map { String(format: "%.3f", $0) } ?? "", attempt.result.map { String($0.passed) } ?? ""]
                    let competencies = attempt.result?.competencies ?? []
                    if competencies.isEmpty { out += (base + ["", "", "", "", ""]).map(csv).joined(separator: ",") + "\n" }
                    for competency in competencies {
                        out += (base + [competency.id, competency.ftoCategory, competency.score.map { String(format: "%.3f", $0) } ?? "",
                                        competency.rating.map(String.init) ?? "N.O.", String(competency.cappedByCriticalError)])
                            .map(csv).joined(separator: ",") + "\n"
                    }
                }
            }
            return out
        case .json:
            var people: [[String: Any]] = []
            for (person, badge, unit, fto) in trainees {
                let attempts = try records.attempts(of: person.id).map { attempt -> [String: Any] in
                    var entry: [String: Any] = ["id": attempt.id, "course": attempt.course, "module": attempt.module, "title": attempt.title,
                                                "revision": attempt.revision, "practice": attempt.isPractice, "startedAt": attempt.startedAt,
                                                "status": attempt.status]
                    if let result = attempt.result, let data = try? JSONEncoder().encode(result) {
                        entry["result"] = try? JSONSerialization.jsonObject(with: data)
                    }
                    entry["decisions"] = attempt.decisions.map { d -> [String: Any] in
                        ["number": d.number, "scene": d.scene, "chosen": d.chosen, "offered": d.offered, "ideal": d.ideal, "seconds": d.seconds,
                         "timedOut": d.timedOut, "deltas": d.deltas, "criticalErrors": d.criticalErrors]
                    }
                    entry["wellness"] = attempt.wellness.map { ["step": $0.step, "kind": $0.kind, "seconds": $0.seconds] }
                    return entry
                }
                let notes = try records.notes(of: person.id).map { n -> [String: Any] in
                    ["kind": n.kind, "author": n.author, "text": n.text, "module": n.module ?? NSNull(), "at": n.at, "id": n.statementID,
                     "corrects": n.corrects ?? NSNull()]
                }
                people.append(["id": person.id, "name": person.name, "badge": badge ?? NSNull(), "unit": unit ?? NSNull(),
                               "fto": fto ?? NSNull(), "attempts": attempts, "notes": notes])
            }
            let data = try JSONSerialization.data(withJSONObject: ["trainees": people], options: [.prettyPrinted, .sortedKeys])
            return String(decoding: data, as: UTF8.self) + "\n"
        case .report:
            return try trainees.map { person, _, _, _ in
                ReviewReport.trainee(person, attempts: try records.attempts(of: person.id), notes: try records.notes(of: person.id))
            }.joined(separator: "\n\u{0C}\n")
        }
    }

    static func csv(_ field: String) -> String {
        field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" : field
    }
}
