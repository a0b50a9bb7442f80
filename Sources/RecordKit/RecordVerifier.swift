import Foundation
import GRDB
import RidealongApp

/// `ridealong records verify`: recomputes every event's hash chain and SQLite's own integrity check,
/// and names each event that was edited, deleted or reordered.
public struct RecordVerifier {
    /// One broken link.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var chain: String
        public var position: Int
        public var kind: String
        public var description: String { position == 0 ? "attempt \(chain): \(kind)" : "attempt \(chain), event \(position): \(kind)" }
    }

    /// What verification found.
    public struct Report: Sendable {
        public var events: Int
        public var chains: Int
        public var integrity: String
        public var problems: [Problem]
        public var isIntact: Bool { integrity == "ok" && problems.isEmpty }
    }

    /// Each completed attempt's stored result must match the result signed into its completion statement.
    static func checkResults(_ db: Database, factory: StatementFactory) throws -> [Problem] {
        var problems: [Problem] = []
        let decoder = JSONDecoder()
        for row in try Row.fetchAll(db, sql: "SELECT id, result FROM attempt WHERE status = 'completed'") {
            let id: String = row["id"]
            let statements = try String.fetchAll(db, sql: "SELECT statement FROM event WHERE chain = ? AND verb = 'completed'", arguments: [id])
            guard let json = statements.last, let statement = try? decoder.decode(XAPIStatement.self, from: Data(json.utf8)),
                  let signed = statement.result?.extensions?[factory.extensionKey("attempt-result")],
                  let signedData = try? JSONEncoder().encode(signed) else {
                problems.append(Problem(chain: id, position: 0, kind: "missing: the attempt is completed but its completion statement is gone"))
                continue
            }
            let stored = (row["result"] as String?).flatMap { try? decoder.decode(CompletedAttempt.self, from: Data($0.utf8)) }
            if stored != (try? decoder.decode(CompletedAttempt.self, from: signedData)) {
                problems.append(Problem(chain: id, position: 0, kind: "edited: the stored result differs from the signed completion statement"))
            }
        }
        return problems
    }

    public static func verify(_ store: RecordStore) throws -> Report {
        try store.database.read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
            var problems: [Problem] = []
            var chains = Set<String>(), count = 0
            var chain = "", expected = 1, previous = ""
            let cursor = try Row.fetchCursor(db, sql: "SELECT chain, position, statementID, statement, previousHash, hash FROM event ORDER BY chain, position")
            while let row = try cursor.next() {
                count += 1
                let rowChain: String = row["chain"], position: Int = row["position"]
                if rowChain != chain {
                    chain = rowChain
                    chains.insert(chain)
                    expected = 1
                    previous = ""
                }
                if position != expected {
                    let gap = position - 1 == expected ? "event \(expected) was deleted" : "events \(expected) to \(position - 1) were deleted"
                    problems.append(Problem(chain: chain, position: expected, kind: "missing: " + gap))
                }
                let statement: String = row["statement"], stored: String = row["hash"], storedPrevious: String = row["previousHash"]
                if storedPrevious != previous {
                    problems.append(Problem(chain: chain, position: position, kind: "out of order: it does not follow the event before it"))
                }
                if HashChain.hash(previous: storedPrevious, statement: Data(statement.utf8)) != stored {
                    problems.append(Problem(chain: chain, position: position, kind: "edited: its content does not match its hash"))
                } else if let id = try? JSONDecoder().decode(XAPIStatement.self, from: Data(statement.utf8)).id, id != row["statementID"] as String {
                    problems.append(Problem(chain: chain, position: position, kind: "edited: its statement id was changed"))
                }
                previous = stored
                expected = position + 1
            }
            problems += try Self.checkResults(db, factory: store.factory)
            return Report(events: count, chains: chains.count, integrity: integrity, problems: problems)
        }
    }
}
