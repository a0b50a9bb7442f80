import Foundation
import GRDB
import RidealongApp

/// Read-only views of the records for the FTO: the roster, a trainee's attempts with their decision
/// timelines, notes, and how all trainees chose at each decision. Wellness reflections and check-in
/// answers are not in the database at all, so no view can show them.
public struct TrainingRecords: Sendable {
    /// One trainee on the roster.
    public struct RosterEntry: Sendable {
        public var trainee: Trainee
        public var badge: String?
        public var unit: String?
        public var fto: String?
        public var modules: [ModuleSummary]
        public var lastActivity: String?
        public var attention: [String]
    }

    /// A trainee's standing in one module, from the attempts' summary columns (no statement is read).
    public struct ModuleSummary: Sendable {
        public var course: String
        public var module: String
        public var gradedAttempts: Int
        public var inProgress: Bool
        public var latestOverall: Double?
        public var latestPassed: Bool?
        public var latestLowestRating: Int?
        public var previousOverall: Double?
        /// Which graded attempt (1-based) last had a critical error, if any.
        public var lastCriticalAttempt: Int?
        /// +1 better, -1 worse, 0 same, nil with fewer than two graded attempts.
        public var trend: Int? {
            guard let last = latestOverall, let previous = previousOverall else { return nil }
            return abs(last - previous) < 0.005 ? 0 : (last > previous ? 1 : -1)
        }
    }

    /// One attempt and what happened in it.
    public struct Attempt: Sendable {
        public var id: String
        public var course: String
        public var module: String
        public var title: String
        public var revision: Int
        public var isPractice: Bool
        public var startedAt: String
        public var status: String
        public var result: CompletedAttempt?
        public var decisions: [DecisionEntry]
        public var wellness: [WellnessEntry]
    }

    /// A decision as the timeline shows it.
    public struct DecisionEntry: Sendable {
        public var number: Int
        public var scene: String
        public var offered: [String]
        public var ideal: [String]
        public var chosen: String
        public var chosenText: String
        public var seconds: Double
        public var timedOut: Bool
        public var deltas: [String: Int]
        public var rationale: String
        public var criticalErrors: [String]
        public var wasIdeal: Bool { ideal.contains(chosen) }
    }

    /// A wellness step: completion and time only.
    public struct WellnessEntry: Sendable {
        public var step: String
        public var kind: String
        public var seconds: Double
    }

    /// An FTO comment or sign-off (append-only; a correction is a new note).
    public struct Note: Sendable {
        public var kind: String
        public var author: String
        public var text: String
        public var module: String?
        public var at: String
        public var statementID: String
        public var corrects: String?
    }

    let store: RecordStore

    public init(_ store: RecordStore) { self.store = store }

    public func trainees() throws -> [(Trainee, badge: String?, unit: String?, fto: String?)] {
        try store.database.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, badge, unit, fto FROM trainee ORDER BY id").map {
                (Trainee(id: $0["id"], name: $0["name"]), $0["badge"], $0["unit"], $0["fto"])
            }
        }
    }

    public func attempts(of traineeID: String, withDecisions: Bool = true) throws -> [Attempt] {
        try store.database.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, course, module, title, revision, isPractice, startedAt, status, result FROM attempt WHERE traineeID = ?
                ORDER BY startedAt, rowid
                """, arguments: [traineeID])
            return try rows.map { row in
                let id: String = row["id"]
                var attempt = Attempt(id: id, course: row["course"], module: row["module"], title: row["title"], revision: row["revision"],
                                      isPractice: row["isPractice"], startedAt: row["startedAt"], status: row["status"],
                                      result: (row["result"] as String?).flatMap { try? JSONDecoder().decode(CompletedAttempt.self, from: Data($0.utf8)) },
                                      decisions: [], wellness: [])
                let statements = withDecisions
                    ? try String.fetchAll(db, sql: "SELECT statement FROM event WHERE chain = ? ORDER BY position", arguments: [id]) : []
                for json in statements {
                    guard let statement = try? JSONDecoder().decode(XAPIStatement.self, from: Data(json.utf8)) else { continue }
                    switch statement.verb.display["en-US"] {
                    case "answered": attempt.decisions.append(decision(statement))
                    case "experienced":
                        attempt.wellness.append(WellnessEntry(step: String(statement.object.id.split(separator: "/").last ?? ""),
                                                              kind: statement.object.definition?.name?["en-US"] ?? "",
                                                              seconds: Self.seconds(statement.result?.duration)))
                    default: break
                    }
                }
                return attempt
            }
        }
    }

    private func decision(_ statement: XAPIStatement) -> DecisionEntry {
        let extensions = statement.result?.extensions ?? [:]
        func ext(_ name: String) -> JSONValue? { extensions[store.factory.extensionKey(name)] }
        var deltas: [String: Int] = [:]
        if case .object(let values)? = ext("competency-deltas") {
            for (key, value) in values { if case .number(let n) = value { deltas[key] = Int(n) } }
        }
        var critical: [String] = []
        if case .array(let values)? = ext("critical-errors") { critical = values.compactMap { if case .string(let s) = $0 { s } else { nil } } }
        func string(_ name: String) -> String { if case .string(let s)? = ext(name) { s } else { "" } }
        var number = 0
        if case .number(let n)? = ext("decision-number") { number = Int(n) }
        var timedOut = false
        if case .bool(let b)? = ext("timed-out") { timedOut = b }
        return DecisionEntry(number: number, scene: String(statement.object.id.split(separator: "/").last ?? ""),
                             offered: statement.object.definition?.choices?.map(\.id) ?? [],
                             ideal: statement.object.definition?.correctResponsesPattern?.first?.components(separatedBy: "[,]") ?? [],
                             chosen: statement.result?.response ?? "", chosenText: string("choice-text"),
                             seconds: Self.seconds(statement.result?.duration), timedOut: timedOut, deltas: deltas,
                             rationale: string("rationale"), criticalErrors: critical)
    }

    /// Seconds in an ISO 8601 duration of the form ridealong writes.
    static func seconds(_ duration: String?) -> Double {
        guard var text = duration?.dropFirst(2) else { return 0 }
        var total = 0.0
        for (unit, factor) in [("H", 3600.0), ("M", 60.0), ("S", 1.0)] {
            if let range = text.range(of: unit) {
                total += (Double(text[..<range.lowerBound]) ?? 0) * factor
                text = text[range.upperBound...]
            }
        }
        return total
    }

    /// The roster in one query: each trainee with the summary row their attempts keep up to date.
    public func roster(now: Date = Date()) throws -> [RosterEntry] {
        let stale = ISO8601DateFormatter.withFractions.string(from: now.addingTimeInterval(-14 * 86_400))
        return try store.database.read { db in
            let rows = RawRows(try db.makeStatement(sql: """
                SELECT id, name, badge, unit, fto, modules, lastActivity FROM trainee LEFT JOIN roster_summary ON traineeID = id ORDER BY id
                """))
            var entries: [RosterEntry] = []
            while try rows.next() {
                let id = rows.text(0)
                let modules = rows.isNull(5) ? [] : RosterSummary.decode(rows.bytes(5))
                var attention: [String] = []
                for module in modules {
                    if module.latestPassed == false { attention.append("not passed: \(module.module)") }
                    if let critical = module.lastCriticalAttempt {
                        attention.append("critical error: \(module.module)"
                                         + (critical == module.gradedAttempts ? "" : " (attempt \(critical) of \(module.gradedAttempts))"))
                    }
                }
                let last = rows.isNull(6) || rows.bytes(6).isEmpty ? nil : rows.text(6)
                if let last, last < stale { attention.append("no progress in 14 days") }
                if modules.isEmpty { attention.append("not started") }
                entries.append(RosterEntry(trainee: Trainee(id: id, name: rows.text(1)), badge: rows.optionalText(2), unit: rows.optionalText(3),
                                           fto: rows.optionalText(4), modules: modules, lastActivity: last, attention: attention))
            }
            return entries
        }
    }

    public func notes(of traineeID: String) throws -> [Note] {
        try store.database.read { db in
            try String.fetchAll(db, sql: "SELECT statement FROM event WHERE chain = ? ORDER BY position", arguments: ["trainee:" + traineeID])
                .compactMap { try? JSONDecoder().decode(XAPIStatement.self, from: Data($0.utf8)) }
                .map { statement in
                    var corrects: String?
                    if case .string(let id)? = statement.result?.extensions?[store.factory.extensionKey("corrects")] { corrects = id }
                    let module = statement.object.id.contains("/module/") ? String(statement.object.id.split(separator: "/").last ?? "") : nil
                    return Note(kind: statement.verb.display["en-US"] ?? "", author: statement.actor.account.name,
                                text: statement.result?.response ?? "", module: module, at: statement.timestamp, statementID: statement.id,
                                corrects: corrects)
                }
        }
    }

    /// Adds an FTO comment or sign-off (a correction names the note it corrects; nothing is edited).
    public func addNote(kind: String, text: String, fto: String, trainee: Trainee, module: ModuleReference?, corrects: String?) throws {
        let statement = store.factory.note(kind, text: text, fto: fto, trainee: trainee, module: module, corrects: corrects, at: Date())
        try store.write { db in
            try store.append(statement, chain: "trainee:" + trainee.id, attempt: nil, trainee: trainee.id, db)
        }
    }

    /// For each decision point, how every trainee chose (graded attempts only): choice id → count.
    public func choiceCounts() throws -> [(course: String, module: String, scene: String, counts: [String: Int], offered: [String], ideal: [String])] {
        var table: [String: (String, String, String, [String: Int], [String], [String])] = [:]
        for (trainee, _, _, _) in try trainees() {
            for attempt in try attempts(of: trainee.id) where !attempt.isPractice {
                for decision in attempt.decisions {
                    let key = "\(attempt.course)/\(attempt.module)/\(decision.scene)"
                    var entry = table[key] ?? (attempt.course, attempt.module, decision.scene, [:], decision.offered, decision.ideal)
                    entry.3[decision.chosen, default: 0] += 1
                    for id in decision.offered where !entry.4.contains(id) { entry.4.append(id) }
                    table[key] = entry
                }
            }
        }
        return table.keys.sorted().map { let e = table[$0]!; return (e.0, e.1, e.2, e.3, e.4, e.5) }
    }

    /// Adds or updates a trainee's roster details.
    public func setRoster(_ trainee: Trainee, badge: String?, unit: String?, fto: String?) throws {
        try store.write { db in
            try db.execute(sql: """
                INSERT INTO trainee(id, name, badge, unit, fto) VALUES(?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET name = excluded.name, badge = coalesce(excluded.badge, badge),
                unit = coalesce(excluded.unit, unit), fto = coalesce(excluded.fto, fto)
                """, arguments: [trainee.id, trainee.name, badge, unit, fto])
        }
    }

    /// Every statement, in order, for an xAPI export (optionally one trainee's).
    public func statements(of traineeID: String?) throws -> [String] {
        try store.database.read { db in
            if let traineeID {
                return try String.fetchAll(db, sql: "SELECT statement FROM event WHERE traineeID = ? ORDER BY seq", arguments: [traineeID])
            }
            return try String.fetchAll(db, sql: "SELECT statement FROM event ORDER BY seq")
        }
    }
}
