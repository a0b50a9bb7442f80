import Foundation
import GRDB
import RidealongApp
import ScenarioKit

/// Training records in one SQLite file (WAL, owner-only permissions, versioned schema): trainees,
/// attempts with their replayable progress, and an append-only, hash-chained log of xAPI statements.
/// Every step is written in one transaction with the attempt's progress, so a killed process keeps
/// every committed choice.
public final class RecordStore: ProgressStore, @unchecked Sendable {
    public let directory: String
    public let path: String
    let factory: StatementFactory
    private let now: @Sendable () -> Date
    /// The page-by-page damage check of a large file, running while the program starts (nil once done
    /// before opening). Writes wait for it; reads do not.
    private let pendingCheck: Background<RecordStoreError?>?
    /// The reads the player's first screen needs (last trainee, roster name, progress) go through this.
    private let reader: ReadConnection
    /// The GRDB connection that writes and serves the records views: opened before `init` returns, or
    /// on first use when the player asks for its first screen to come first.
    private var opened: DatabaseQueue?
    private let opening = NSLock()
    private let configuration: Configuration

    /// Files up to this size are checked for damage before they are opened; larger ones (a shared store
    /// of hundreds of trainees) are checked in the background, and nothing is written until that passes.
    public static let checkBeforeOpeningUpTo = 64 << 20

    /// Opens the records in `directory`, creating the folder and the file when they do not exist. An
    /// existing file is checked on a plain read-only connection. With `openWriterLater`, the connection
    /// that writes opens on first use (the player's first screen needs only reads): call `checkWritable()`
    /// before anything is played.
    public init(directory: String, factory: StatementFactory = StatementFactory(), now: @escaping @Sendable () -> Date = Date.init,
                checkBeforeOpeningUpTo threshold: Int = checkBeforeOpeningUpTo, openWriterLater: Bool = false) throws {
        self.directory = directory
        self.factory = factory
        self.now = now
        path = directory + "/records.sqlite"
        do { try DataDirectory.prepare(directory) } catch { throw RecordStoreError.cannotCreateFolder(directory, error.localizedDescription) }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // Write-ahead logging lets an FTO read while a trainee plays; FULL makes each commit survive a power cut.
            try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL")
        }
        self.configuration = configuration
        var reader: ReadConnection?
        var migrated: DatabaseQueue?
        var checkLater = false
        try Self.withFileLock(directory + "/records.lock") { [path] in
            try Self.checkHeader(path)
            let migrations = Schema.migrator.migrations
            let size = FileSystem.size(path)
            checkLater = size > threshold
            if size > 0 { reader = try ReadConnection(path) }
            let applied = try reader.map {
                try StorePreflight.check($0, knownMigrations: migrations, applicationID: Schema.applicationID, integrity: !checkLater)
            } ?? []
            guard applied != Set(migrations) else { return }
            if checkLater {  // a migration writes, so the check comes first
                if let damage = StorePreflight.damage(path) { throw damage }
                checkLater = false
            }
            migrated = try Self.openForWriting(path, configuration)
            do {
                try Schema.migrator.migrate(migrated!)
                // Into the main file at once: a later start on the read-only connection then has no log to replay.
                _ = try migrated!.writeWithoutTransaction { try $0.checkpoint(.truncate) }
            } catch {
                throw RecordStoreError.cannotOpen(path, "\(error)")
            }
            if reader == nil { reader = try ReadConnection(path) }
        }
        self.reader = reader!
        pendingCheck = checkLater ? Background { [path] in StorePreflight.damage(path) } : nil
        opened = migrated
        if !openWriterLater { try checkWritable() }
    }

    /// The GRDB connection, opened on first use.
    var database: DatabaseQueue {
        get throws(RecordStoreError) {
            opening.lock()
            defer { opening.unlock() }
            if let opened { return opened }
            let database = try Self.openForWriting(path, configuration)
            opened = database
            return database
        }
    }

    /// Throws why nothing could be saved when the connection that writes cannot be opened.
    public func checkWritable() throws {
        _ = try database
    }

    private static func openForWriting(_ path: String, _ configuration: Configuration) throws(RecordStoreError) -> DatabaseQueue {
        do {
            let database = try DatabaseQueue(path: path, configuration: configuration)
            for suffix in ["", "-wal", "-shm"] { chmod(path + suffix, 0o600) }
            return database
        } catch {
            throw RecordStoreError.cannotOpen(path, "\(error)")
        }
    }

    /// Runs `body` holding an exclusive lock on a file, so that two players starting at once do not both
    /// create the schema.
    private static func withFileLock(_ path: String, _ body: () throws -> Void) throws {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return try body() }
        defer { close(descriptor) }
        flock(descriptor, LOCK_EX)
        defer { flock(descriptor, LOCK_UN) }
        try body()
    }

    private static func checkHeader(_ path: String) throws {
        guard let header = FileSystem.readPrefix(path, count: 16), !header.isEmpty else { return }
        if header != Array("SQLite format 3\u{0}".utf8) { throw RecordStoreError.notADatabase(path) }
    }

    /// Runs `body` in a write transaction, once the file is known to be sound.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        if let damage = pendingCheck?.value { throw damage }
        return try database.write(body)
    }

    // MARK: ProgressStore

    public func lastTrainee() -> Trainee? {
        var trainee: Trainee?
        try? reader.rows("SELECT id, name FROM trainee WHERE id = (SELECT value FROM meta WHERE key = 'last-trainee-id')") {
            trainee = Trainee(id: $0.text(0), name: $0.text(1))
        }
        return trainee
    }

    /// The name the roster holds for a trainee id, if the roster knows it.
    public func rosterName(of traineeID: String) -> String? {
        (try? reader.firstColumn("SELECT name FROM trainee WHERE id = ?", [traineeID]))?.first
    }

    public func progress(for trainee: Trainee) throws -> [ModuleReference: ModuleProgress] {
        var result: [ModuleReference: ModuleProgress] = [:]
        let decoder = JSONDecoder()
        let completed = Array("completed".utf8), inProgress = Array("in-progress".utf8)
        try reader.rows("SELECT course, module, status, progress, result FROM attempt WHERE traineeID = ? ORDER BY startedAt, rowid",
                        [trainee.id]) { row in
            let reference = ModuleReference(course: row.text(0), module: row.text(1))
            if row.text(2, equals: completed), !row.isNull(4) {
                result[reference] = .completed(try decoder.decode(CompletedAttempt.self, from: Data(row.bytes(4))))
            } else if row.text(2, equals: inProgress) {
                let record = try decoder.decode(SavedProgressRecord.self, from: Data(row.bytes(3)))
                if record.isPractice, case .completed? = result[reference] { return }
                result[reference] = .inProgress(record)
            }
        }
        return result
    }

    public func perform(_ effect: Effect, trainee: Trainee) throws {
        do {
            switch effect {
            case .signIn(let trainee):
                try write { db in
                    try ensureTrainee(trainee, db)
                    try db.execute(sql: """
                        INSERT INTO meta(key, value) VALUES('last-trainee-id', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value
                        """, arguments: [trainee.id])
                }
            case .saveProgress(let info, let record, let decisions):
                try write { db in
                    let attempt = try openAttempt(info, record: record, trainee: trainee, db)
                    try appendDecisions(decisions, record: record, attempt: attempt, info: info, trainee: trainee, db)
                    try db.execute(sql: "UPDATE attempt SET progress = ? WHERE id = ?", arguments: [try Self.json(record), attempt.id])
                }
            case .completeModule(let info, let completed, let record, let decisions):
                try write { db in
                    let attempt = try openAttempt(info, record: record, trainee: trainee, db)
                    try appendDecisions(decisions, record: record, attempt: attempt, info: info, trainee: trainee, db)
                    let seconds = record.secondsToDecide.reduce(0, +)
                    for statement in factory.completion(completed, seconds: seconds, module: info, trainee: trainee, registration: attempt.id, at: now()) {
                        try append(statement, chain: attempt.id, attempt: attempt.id, trainee: trainee.id, db)
                    }
                    try db.execute(sql: """
                        UPDATE attempt SET progress = ?, status = 'completed', result = ?, completedAt = ?, overall = ?, passed = ?,
                        lowestRating = ?, criticalErrors = ? WHERE id = ?
                        """, arguments: [try Self.json(record), try Self.json(completed), Self.timestamp(now()), completed.overall, completed.passed,
                                         completed.lowestRating, completed.criticalErrors.count, attempt.id])
                    try RosterSummary.refresh(trainee.id, db)
                }
            case .recordWellness(let info, let step, let kind, let seconds):
                try write { db in
                    guard let attempt = try latestOpenAttempt(info.reference, trainee: trainee, db) else { return }
                    try append(factory.wellness(step: step, kind: kind, seconds: seconds, module: info, trainee: trainee, registration: attempt.id,
                                                at: now()), chain: attempt.id, attempt: attempt.id, trainee: trainee.id, db)
                }
            case .keepReflection(let info, let step, let text):
                try DataDirectory.prepare(directory + "/private")
                let entry = ["module": info.reference.description, "step": step, "text": text, "at": Self.timestamp(now())]
                try AppendLog(path: "\(directory)/private/\(trainee.id)-reflections.jsonl").append(try JSONEncoder().encode(entry))
            case .quit, .openReview, .openTraineeReview:
                break
            }
        } catch let error as DatabaseError {
            throw RecordStoreError.writeFailed(error.message ?? "\(error)")
        }
    }

    // MARK: Writing

    struct OpenAttempt {
        var id: String
        var steps: Int
    }

    private func ensureTrainee(_ trainee: Trainee, _ db: Database) throws {
        try db.execute(sql: "INSERT INTO trainee(id, name) VALUES(?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name",
                       arguments: [trainee.id, trainee.name])
    }

    private func latestOpenAttempt(_ module: ModuleReference, trainee: Trainee, _ db: Database) throws -> OpenAttempt? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT id, progress FROM attempt WHERE traineeID = ? AND course = ? AND module = ? AND status = 'in-progress'
            ORDER BY startedAt DESC, rowid DESC LIMIT 1
            """, arguments: [trainee.id, module.course, module.module]) else { return nil }
        let record = try JSONDecoder().decode(SavedProgressRecord.self, from: Data((row["progress"] as String).utf8))
        return OpenAttempt(id: row["id"], steps: record.progress.steps.count)
    }

    /// The attempt these steps continue, or a new one (with its "initialized" statement).
    private func openAttempt(_ info: ModuleInfo, record: SavedProgressRecord, trainee: Trainee, _ db: Database) throws -> OpenAttempt {
        try ensureTrainee(trainee, db)
        if let row = try Row.fetchOne(db, sql: """
            SELECT id, progress FROM attempt WHERE traineeID = ? AND course = ? AND module = ? AND status = 'in-progress' AND isPractice = ?
            ORDER BY startedAt DESC, rowid DESC LIMIT 1
            """, arguments: [trainee.id, info.reference.course, info.reference.module, record.isPractice]) {
            let stored = try JSONDecoder().decode(SavedProgressRecord.self, from: Data((row["progress"] as String).utf8))
            if stored.progress.seed == record.progress.seed, record.progress.steps.starts(with: stored.progress.steps) {
                return OpenAttempt(id: row["id"], steps: stored.progress.steps.count)
            }
            try db.execute(sql: "UPDATE attempt SET status = 'abandoned' WHERE id = ?", arguments: [row["id"] as String])
        }
        let id = UUID().uuidString.lowercased()
        let empty = SavedProgressRecord(progress: SavedProgress(moduleID: record.progress.moduleID, revision: record.progress.revision,
                                                                contentHash: record.progress.contentHash, seed: record.progress.seed, steps: []),
                                        secondsToDecide: [], isPractice: record.isPractice)
        try db.execute(sql: """
            INSERT INTO attempt(id, traineeID, course, module, title, revision, contentHash, isPractice, startedAt, status, progress)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, 'in-progress', ?)
            """, arguments: [id, trainee.id, info.reference.course, info.reference.module, info.title, info.revision, info.contentHash,
                             record.isPractice, Self.timestamp(now()), try Self.json(empty)])
        try append(factory.started(info, trainee: trainee, registration: id, practice: record.isPractice, at: now()),
                   chain: id, attempt: id, trainee: trainee.id, db)
        try RosterSummary.refresh(trainee.id, db)
        return OpenAttempt(id: id, steps: 0)
    }

    private func appendDecisions(_ decisions: [DecisionRecord], record: SavedProgressRecord, attempt: OpenAttempt, info: ModuleInfo,
                                 trainee: Trainee, _ db: Database) throws {
        guard decisions.count > attempt.steps else { return }
        for index in attempt.steps..<decisions.count {
            let seconds = index < record.secondsToDecide.count ? record.secondsToDecide[index] : 0
            try append(factory.decision(decisions[index], seconds: seconds, module: info, trainee: trainee, registration: attempt.id, at: now()),
                       chain: attempt.id, attempt: attempt.id, trainee: trainee.id, db)
        }
    }

    /// Appends a statement to a chain: its position, the previous hash and its own.
    func append(_ statement: XAPIStatement, chain: String, attempt: String?, trainee: String, _ db: Database) throws {
        let last = try Row.fetchOne(db, sql: "SELECT position, hash FROM event WHERE chain = ? ORDER BY position DESC LIMIT 1", arguments: [chain])
        let position = (last?["position"] as Int? ?? 0) + 1
        let previous = last?["hash"] as String? ?? ""
        let json = try statement.canonicalJSON()
        try db.execute(sql: """
            INSERT INTO event(chain, position, traineeID, attemptID, verb, statementID, statement, previousHash, hash)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [chain, position, trainee, attempt, statement.verb.display["en-US"] ?? "", statement.id,
                             String(decoding: json, as: UTF8.self), previous, HashChain.hash(previous: previous, statement: json)])
    }

    static func json<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func timestamp(_ date: Date) -> String { ISO8601DateFormatter.withFractions.string(from: date) }
}
