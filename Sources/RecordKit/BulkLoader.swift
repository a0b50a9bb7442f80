import Foundation
import GRDB
import RidealongApp
import ScenarioKit

/// Fills a store with synthetic trainees and graded attempts, hash-chained like real ones, for
/// `make bench` (a store of 10,000 trainees × 20 attempts).
public enum BulkLoader {
    public static func fill(_ store: RecordStore, trainees: Int, attemptsEach: Int, decisions: Int = 5) throws {
        let factory = store.factory
        let module = ModuleInfo(reference: ModuleReference(course: "bench", module: "m"), title: "Bench module", revision: 1, contentHash: "0")
        let person = Trainee(id: "placeholder", name: "Placeholder")
        let record = DecisionRecord(sceneID: "s", choiceID: "a", choiceText: "Listen first.", offeredIDs: ["a", "b", "c"], idealIDs: ["a"],
                                    timedOut: false, scoreChanges: [ScoreDelta(competency: "pj.respect", points: 2)], criticalErrors: [],
                                    feedback: "f", rationale: "w", wasIdeal: true, tags: [], decisionNumber: 1)
        let date = Date()
        let placeholderID = "00000000-0000-4000-8000-000000000000"
        func template(_ statement: XAPIStatement) throws -> String {
            var statement = statement
            statement.id = placeholderID
            return String(decoding: try statement.canonicalJSON(), as: UTF8.self)
        }
        let result = CompletedAttempt(overall: 0.8, passed: true, lowestRating: 5, outcome: "resolved", attempts: 1,
                                      competencies: [CompetencyResult(id: "pj.respect", label: "Respect", ftoCategory: "Public", score: 0.8,
                                                                      rating: 5, cappedByCriticalError: false)])
        let templates = [try template(factory.started(module, trainee: person, registration: placeholderID, practice: false, at: date))]
            + (0..<decisions).map { _ in try! template(factory.decision(record, seconds: 3, module: module, trainee: person, registration: placeholderID, at: date)) }
            + (try factory.completion(result, seconds: 20, module: module, trainee: person, registration: placeholderID, at: date).map(template))
        let resultJSON = try RecordStore.json(result)
        let progress = try RecordStore.json(SavedProgressRecord(progress: .init(moduleID: "m", revision: 1, contentHash: "0", seed: 1, steps: []),
                                                                secondsToDecide: [], isPractice: false))
        let stamp = ISO8601DateFormatter.withFractions.string(from: date)
        for batch in stride(from: 0, to: trainees, by: 500) {
            try store.write { db in
                let insertTrainee = try db.cachedStatement(sql: "INSERT INTO trainee(id, name) VALUES(?, ?)")
                let insertAttempt = try db.cachedStatement(sql: """
                    INSERT INTO attempt(id, traineeID, course, module, title, revision, contentHash, isPractice, startedAt, status, progress,
                    result, completedAt, overall, passed, lowestRating, criticalErrors)
                    VALUES(?, ?, 'bench', ?, 'Bench module', 1, '0', 0, ?, 'completed', ?, ?, ?, 0.8, 1, 5, 0)
                    """)
                let insertEvent = try db.cachedStatement(sql: """
                    INSERT INTO event(chain, position, traineeID, attemptID, verb, statementID, statement, previousHash, hash)
                    VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                for number in batch..<min(trainees, batch + 500) {
                    let trainee = "B-\(number)"
                    try insertTrainee.execute(arguments: [trainee, "Trainee \(number)"])
                    for attempt in 0..<attemptsEach {
                        let id = UUID().uuidString.lowercased()
                        try insertAttempt.execute(arguments: [id, trainee, "m\(attempt % 10)", stamp, progress, resultJSON, stamp])
                        var previous = ""
                        for (position, text) in templates.enumerated() {
                            let statementID = UUID().uuidString.lowercased()
                            let json = text.replacingOccurrences(of: placeholderID, with: statementID)
                            let hash = HashChain.hash(previous: previous, statement: Data(json.utf8))
                            try insertEvent.execute(arguments: [id, position + 1, trainee, id, "bench", statementID, json, previous, hash])
                            previous = hash
                        }
                    }
                }
            }
        }
        try store.write { try RosterSummary.rebuildAll($0) }
    }
}
