import Foundation
import GRDB

/// `ridealong records verify`: recomputes every event's hash chain and SQLite's own integrity check,
/// and names each event that was edited, deleted or reordered.
public struct RecordVerifier {
    /// One broken link.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var chain: String
        public var position: Int
        public var kind: String
        public var description: String { "attempt \(chain), event \(position): \(kind)" }
    }

    /// What verification found.
    public struct Report: Sendable {
        public var events: Int
        public var chains: Int
        public var integrity: String
        public var problems: [Problem]
        public var isIntact: Bool { integrity == "ok" && problems.isEmpty }
    }

    public static func verify(_ store: RecordStore) throws -> Report {
        try store.pool.read { db in
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
            return Report(events: count, chains: chains.count, integrity: integrity, problems: problems)
        }
    }
}
