import Foundation
import GRDB
import Testing
@testable import RecordKit
import RidealongApp
import ScenarioKit

/// A module played through the engine, with its records written by a `RecordStore`.
struct RecordFixture {
    let folder = NSTemporaryDirectory() + "ridealong-records-\(UUID().uuidString)"
    let trainee = Trainee(id: "T-3", name: "Sam Lee")
    let scenario: Scenario
    let reference = ModuleReference(course: "demo", module: "porch")

    init() throws {
        let text = """
        module porch
        title: Porch
        competency pj.respect "Respect" fto "Relationships with the public"
        === door ===
        * hello: Hello.
          -> next
          score pj.respect +2
          feedback: f
          why: w
          ideal
        * order: Order.
          -> next
          score pj.respect -1
          critical pj.respect: Rude
          feedback: f
          why: w
        === next ===
        @timer 5s
        * thanks: Thanks.
          -> done
          score pj.respect +1
          feedback: f
          why: w
          ideal
        * wait: (Silence.)
          on timeout
          -> done
          feedback: f
          why: w
        === done ===
        @end resolved: Done
        """
        scenario = try #require(ScriptLoader.compileModule(text: text).scenario)
    }

    var info: ModuleInfo { ModuleInfo(reference, scenario) }

    /// A closed records file holding one completed attempt; returns its path.
    func closedStoreWithOneAttempt() throws -> String {
        let store = try RecordStore(directory: folder)
        _ = try play(["hello", "thanks"], into: store)
        try store.database.close()
        return store.path
    }

    /// Plays the choices and saves after each, as the player does; completes at the end.
    func play(_ choices: [String], into store: RecordStore, practice: Bool = false) throws -> Playthrough {
        var playthrough = Playthrough(scenario: scenario, seed: 5)
        for choice in choices {
            if choice == "timeout" { try playthrough.timeout() } else { try playthrough.choose(choice) }
            let record = SavedProgressRecord(progress: SavedProgress(of: playthrough), secondsToDecide: playthrough.steps.map { _ in 2.5 },
                                             isPractice: practice)
            if playthrough.isFinished, !practice {
                try store.perform(.completeModule(info, CompletedAttempt(playthrough, attempts: 1), record, playthrough.decisions), trainee: trainee)
            } else {
                try store.perform(.saveProgress(info, record, playthrough.decisions), trainee: trainee)
            }
        }
        return playthrough
    }
}

@Suite("Records store")
struct RecordStoreTests {
    @Test func savesProgressResumesAndCompletes() throws {
        let fixture = try RecordFixture()
        let store = try RecordStore(directory: fixture.folder)
        try store.perform(.signIn(fixture.trainee), trainee: fixture.trainee)
        _ = try fixture.play(["hello"], into: store)
        let reopened = try RecordStore(directory: fixture.folder)
        #expect(reopened.lastTrainee() == fixture.trainee)
        #expect(reopened.rosterName(of: fixture.trainee.id) == fixture.trainee.name)
        #expect(reopened.rosterName(of: "nobody") == nil)
        guard case .inProgress(let record)? = try reopened.progress(for: fixture.trainee)[fixture.reference] else {
            Issue.record("not in progress"); return
        }
        #expect(record.progress.steps == [PathStep(choiceID: "hello")])
        var resumed = Playthrough.resume(record.progress, in: fixture.scenario).0
        try resumed.choose("thanks")
        let finished = SavedProgressRecord(progress: SavedProgress(of: resumed), secondsToDecide: [2.5, 1], isPractice: false)
        try reopened.perform(.completeModule(fixture.info, CompletedAttempt(resumed, attempts: 1), finished, resumed.decisions), trainee: fixture.trainee)
        guard case .completed(let attempt)? = try reopened.progress(for: fixture.trainee)[fixture.reference] else { Issue.record("not completed"); return }
        #expect(attempt.passed)
        let attempts = try TrainingRecords(reopened).attempts(of: fixture.trainee.id)
        #expect(attempts.count == 1, "the resumed steps continue the same attempt")
        #expect(attempts[0].decisions.map(\.chosen) == ["hello", "thanks"])
        #expect(attempts[0].decisions[1].seconds == 1)
    }

    @Test func everyStepIsAChainedStatementAndVerifies() throws {
        let fixture = try RecordFixture()
        let store = try RecordStore(directory: fixture.folder)
        _ = try fixture.play(["order", "timeout"], into: store)
        let report = try RecordVerifier.verify(store)
        #expect(report.isIntact)
        #expect(report.events == 5, "initialized, two answers, completed, failed")
        let verbs = try store.database.read { try String.fetchAll($0, sql: "SELECT verb FROM event ORDER BY position") }
        #expect(verbs == ["initialized", "answered", "answered", "completed", "failed"])
    }

    @Test func tamperingIsNamed() throws {
        let fixture = try RecordFixture()
        let store = try RecordStore(directory: fixture.folder)
        _ = try fixture.play(["hello", "thanks"], into: store)
        #expect(throws: (any Error).self) { try store.database.write { try $0.execute(sql: "UPDATE event SET verb = 'x'") } }
        try store.database.write { db in
            try db.execute(sql: "DROP TRIGGER event_append_only_update")
            try db.execute(sql: "DROP TRIGGER event_append_only_delete")
            try db.execute(sql: "UPDATE event SET statement = replace(statement, '\"hello\"', '\"order\"') WHERE position = 2")
            try db.execute(sql: "DELETE FROM event WHERE position = 3")
        }
        let problems = try RecordVerifier.verify(store).problems.map(\.kind)
        #expect(problems.contains { $0.hasPrefix("edited") })
        #expect(problems.contains { $0.hasPrefix("missing") })
        #expect(problems.contains { $0.hasPrefix("out of order") })
    }

    @Test func refusesFilesThatAreNotOurs() throws {
        let fixture = try RecordFixture()
        try FileManager.default.createDirectory(atPath: fixture.folder, withIntermediateDirectories: true)
        let path = fixture.folder + "/records.sqlite"
        try Data("just some text, not a database".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: RecordStoreError.notADatabase(path)) { try RecordStore(directory: fixture.folder) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "just some text, not a database")
        try FileManager.default.removeItem(atPath: path)
        let other = try DatabaseQueue(path: path)
        try other.write { try $0.execute(sql: "CREATE TABLE photos(id INTEGER)") }
        try other.close()
        #expect(throws: RecordStoreError.notOurs(path)) { try RecordStore(directory: fixture.folder) }
    }

    @Test func refusesANewerSchemaWithoutTouchingIt() throws {
        let fixture = try RecordFixture()
        let store = try RecordStore(directory: fixture.folder)
        try store.database.write { try $0.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES('v9-from-the-future')") }
        try store.database.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: store.path))
        #expect(throws: RecordStoreError.newerSchema(store.path, ["v9-from-the-future"])) { try RecordStore(directory: fixture.folder) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: store.path)) == before)
    }

    @Test func aDamagedFileIsReportedNotOverwritten() throws {
        let fixture = try RecordFixture()
        let path = try fixture.closedStoreWithOneAttempt()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for offset in stride(from: 4096, to: min(bytes.count, 16384), by: 7) { bytes[offset] ^= 0xFF }
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(throws: RecordStoreError.self) { try RecordStore(directory: fixture.folder) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test func aLargeFileIsCheckedWhileItOpensAndNothingIsWrittenUntilItPasses() throws {
        let fixture = try RecordFixture()
        let path = try fixture.closedStoreWithOneAttempt()
        let sound = try RecordStore(directory: fixture.folder, checkBeforeOpeningUpTo: 0)
        _ = try fixture.play(["hello"], into: sound)
        try sound.database.close()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.count > 8 * 4096)
        for offset in stride(from: bytes.count - 3 * 4096, to: bytes.count, by: 7) { bytes[offset] ^= 0xFF }  // data pages, not the schema's
        try bytes.write(to: URL(fileURLWithPath: path))
        let damaged = try RecordStore(directory: fixture.folder, checkBeforeOpeningUpTo: 0)
        #expect(throws: RecordStoreError.self) { try damaged.perform(.signIn(fixture.trainee), trainee: fixture.trainee) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test func theRosterSummaryFollowsEveryAttemptAndMatchesARebuild() throws {
        let fixture = try RecordFixture()
        let store = try RecordStore(directory: fixture.folder)
        let records = TrainingRecords(store)
        try records.setRoster(Trainee(id: "T-9", name: "Kim Ode"), badge: nil, unit: nil, fto: nil)
        func standing() throws -> TrainingRecords.ModuleSummary? { try records.roster().first { $0.trainee.id == fixture.trainee.id }?.modules.first }

        _ = try fixture.play(["hello", "thanks"], into: store)
        let first = try #require(try standing())
        #expect(first.gradedAttempts == 1 && first.latestPassed == true && !first.inProgress && first.trend == nil)
        _ = try fixture.play(["hello"], into: store, practice: true)
        #expect(try standing()?.gradedAttempts == 1)
        _ = try fixture.play(["order"], into: store)
        #expect(try standing()?.inProgress == true)
        _ = try fixture.play(["order", "thanks"], into: store)
        let second = try #require(try standing())
        #expect(second.gradedAttempts == 2 && second.lastCriticalAttempt == 2 && second.trend == -1 && second.previousOverall == first.latestOverall)
        #expect(try records.roster().first { $0.trainee.id == "T-9" }?.attention == ["not started"])

        func summaries() throws -> [String] { try store.database.read { try String.fetchAll($0, sql: "SELECT modules FROM roster_summary ORDER BY traineeID") } }
        let kept = try summaries()
        try store.write { try RosterSummary.rebuildAll($0) }
        #expect(try summaries() == kept)
        #expect(RosterSummary.encode(RosterSummary.decode(kept[0])) == kept[0])
    }

    @Test func aVersionOneFileIsMigratedWithItsLastTraineeAndRoster() throws {
        let fixture = try RecordFixture()
        let store = try RecordStore(directory: fixture.folder)
        _ = try fixture.play(["hello", "thanks"], into: store)
        try store.write { db in  // back to what a v1 file held
            try db.execute(sql: """
                DROP TABLE roster_summary; DELETE FROM grdb_migrations WHERE identifier = 'v2'; DELETE FROM meta;
                INSERT INTO meta(key, value) VALUES('last-trainee', '{"id":"T-3","name":"Sam Lee"}')
                """)
        }
        try store.database.close()
        let migrated = try RecordStore(directory: fixture.folder)
        #expect(migrated.lastTrainee() == fixture.trainee)
        #expect(try TrainingRecords(migrated).roster().first?.modules.first?.gradedAttempts == 1)
    }

    @Test func folderAndFileAreOwnerOnly() throws {
        let fixture = try RecordFixture()
        let store = try RecordStore(directory: fixture.folder)
        _ = try fixture.play(["hello"], into: store)
        #expect(try FileManager.default.attributesOfItem(atPath: fixture.folder)[.posixPermissions] as? Int == 0o700)
        #expect(try FileManager.default.attributesOfItem(atPath: store.path)[.posixPermissions] as? Int == 0o600)
    }

    @Test func aNewFileLeavesNoLogForTheNextStartToReplay() throws {
        let fixture = try RecordFixture()
        let store = try RecordStore(directory: fixture.folder)
        #expect(FileSystem.size(store.path + "-wal") == 0, "the schema is in the main file")
        #expect(FileSystem.size(store.path) > 4096)
    }

    @Test func closingFoldsTheLogIntoTheFile() throws {
        let fixture = try RecordFixture()
        var path = ""
        do {
            let store = try RecordStore(directory: fixture.folder, openWriterLater: true)
            path = store.path
            _ = try fixture.play(["hello"], into: store)
            #expect(FileSystem.size(path + "-wal") > 0)
        }
        #expect(!FileSystem.exists(path + "-wal"), "the next start has no log to replay")
        #expect(try RecordStore(directory: fixture.folder).progress(for: fixture.trainee)[fixture.reference] != nil)
    }

    @Test func everyCommitIsWrittenAheadAndSyncedInFull() throws {
        let fixture = try RecordFixture()
        for _ in 0..<2 {  // a new file, then the same file opened again
            let store = try RecordStore(directory: fixture.folder)
            _ = try fixture.play(["hello"], into: store)
            let (journal, synchronous) = try store.database.writeWithoutTransaction { db in
                (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
            }
            #expect(journal == "wal")
            #expect(synchronous == 2)  // FULL
        }
    }

    @Test func aFolderInsideAFileIsACreateFolderError() throws {
        let fixture = try RecordFixture()
        #expect(FileManager.default.createFile(atPath: fixture.folder, contents: Data("x".utf8)))
        #expect(throws: RecordStoreError.self) { try RecordStore(directory: fixture.folder + "/inside") }
        #expect(throws: RecordStoreError.self) { try RecordStore(directory: fixture.folder) }
    }

    @Test func reflectionsStayOutOfTheDatabaseAndExports() throws {
        let fixture = try RecordFixture()
        let store = try RecordStore(directory: fixture.folder)
        _ = try fixture.play(["hello"], into: store)
        try store.perform(.keepReflection(fixture.info, stepID: "moment", text: "my private words"), trainee: fixture.trainee)
        try store.perform(.recordWellness(fixture.info, stepID: "moment", kind: "reflection", seconds: 40), trainee: fixture.trainee)
        let records = TrainingRecords(store)
        for format in Exporter.Format.allCases {
            #expect(!(try Exporter.export(records, format: format, trainee: nil)).contains("my private words"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: store.path)).range(of: Data("my private words".utf8)) == nil)
        #expect(try records.attempts(of: fixture.trainee.id)[0].wellness.map(\.kind) == ["reflection"])
    }

    @Test func notesAreAppendOnlyAndCorrectionsPointBack() throws {
        let fixture = try RecordFixture()
        let store = try RecordStore(directory: fixture.folder)
        _ = try fixture.play(["hello", "thanks"], into: store)
        let records = TrainingRecords(store)
        try records.addNote(kind: "commented", text: "Good start.", fto: "Sgt. Ito", trainee: fixture.trainee, module: fixture.reference, corrects: nil)
        let first = try #require(try records.notes(of: fixture.trainee.id).first)
        try records.addNote(kind: "commented", text: "Good start; pace needs work.", fto: "Sgt. Ito", trainee: fixture.trainee, module: nil,
                            corrects: first.statementID)
        try records.addNote(kind: "signed-off", text: "Ready for phase 2.", fto: "Sgt. Ito", trainee: fixture.trainee, module: nil, corrects: nil)
        let notes = try records.notes(of: fixture.trainee.id)
        #expect(notes.map(\.kind) == ["commented", "commented", "signed-off"])
        #expect(notes[1].corrects == first.statementID)
        #expect(try RecordVerifier.verify(store).isIntact)
    }

    @Test func analyticsCountChoicesPerDecision() throws {
        let fixture = try RecordFixture()
        let store = try RecordStore(directory: fixture.folder)
        _ = try fixture.play(["hello", "thanks"], into: store)
        let other = Trainee(id: "T-4", name: "Ana")
        var playthrough = Playthrough(scenario: fixture.scenario, seed: 1)
        try playthrough.choose("order")
        try store.perform(.saveProgress(fixture.info, SavedProgressRecord(progress: SavedProgress(of: playthrough), secondsToDecide: [1],
                                                                          isPractice: false), playthrough.decisions), trainee: other)
        let door = try #require(try TrainingRecords(store).choiceCounts().first { $0.scene == "door" })
        #expect(door.counts == ["hello": 1, "order": 1])
        #expect(door.ideal == ["hello"])
    }
}

@Suite("FTO credential")
struct CredentialTests {
    @Test func setCheckAndGrowingDelay() throws {
        let fixture = try RecordFixture()
        let credentials = Credentials(try RecordStore(directory: fixture.folder))
        #expect(throws: Credentials.Failure.notSet) { try credentials.check("anything") }
        #expect(throws: Credentials.Failure.tooShort) { try credentials.set("short") }
        try credentials.set("correct horse battery")
        try credentials.check("correct horse battery", sleep: { _ in Issue.record("no wait before a first try") })
        #expect(throws: Credentials.Failure.wrong(delay: 2)) { try credentials.check("wrong guess", sleep: { _ in }) }
        var waited: [Int] = []
        #expect(throws: Credentials.Failure.wrong(delay: 4)) { try credentials.check("wrong again", sleep: { waited.append($0) }) }
        #expect(waited == [2])
        try credentials.check("correct horse battery", sleep: { waited.append($0) })
        #expect(waited == [2, 4])
        let stored = try credentials.store.database.read { try Data.fetchOne($0, sql: "SELECT hash FROM credential") }
        #expect(stored?.count == 32)
        #expect(stored.map { String(decoding: $0, as: UTF8.self).contains("correct") } == false)
    }

    @Test func passwordFilesMustBeOwnerOnly() throws {
        let path = NSTemporaryDirectory() + "ridealong-pw-\(UUID().uuidString)"
        try "secret words\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(throws: Credentials.Failure.passwordFileUnsafe(path)) { try Credentials.readPasswordFile(path) }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        #expect(try Credentials.readPasswordFile(path) == "secret words")
    }
}

@Suite("Records store: damaged files")
struct DamagedStoreTests {
    @Test func aTruncatedFileIsRefusedAndLeftAsItIs() throws {
        let fixture = try RecordFixture()
        let path = try fixture.closedStoreWithOneAttempt()
        let full = try Data(contentsOf: URL(fileURLWithPath: path))
        let truncated = full.prefix(full.count / 2)
        try truncated.write(to: URL(fileURLWithPath: path))
        #expect(throws: RecordStoreError.self) { try RecordStore(directory: fixture.folder) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == truncated)
    }
}
