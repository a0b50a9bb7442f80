import Foundation
import Testing
@testable import RecordKit
import RidealongApp
import ScenarioKit

@Suite("File progress store")
struct FileProgressStoreTests {
    private let folder = NSTemporaryDirectory() + "ridealong-store-\(UUID().uuidString)"
    private let trainee = Trainee(id: "T-3", name: "Sam Lee")
    private let module = ModuleReference(course: "demo", module: "porch")

    private func record(_ steps: [String], practice: Bool = false) -> SavedProgressRecord {
        SavedProgressRecord(progress: SavedProgress(moduleID: "porch", revision: 1, contentHash: "abc", seed: 4,
                                                    steps: steps.map { PathStep(choiceID: $0) }),
                            secondsToDecide: steps.map { _ in 1.5 }, isPractice: practice)
    }

    @Test func keepsTheLatestProgressAndRemembersTheTrainee() throws {
        let store = try FileProgressStore(directory: folder)
        try store.perform(.signIn(trainee), trainee: trainee)
        try store.perform(.saveProgress(module, record(["a"])), trainee: trainee)
        try store.perform(.saveProgress(module, record(["a", "b"])), trainee: trainee)
        let reopened = try FileProgressStore(directory: folder)
        #expect(reopened.lastTrainee() == trainee)
        #expect(try reopened.progress(for: trainee)[module] == .inProgress(record(["a", "b"])))
    }

    @Test func completionReplacesProgressAndPracticeDoesNotHideIt() throws {
        let store = try FileProgressStore(directory: folder)
        let attempt = CompletedAttempt(overall: 0.8, passed: true, lowestRating: 5, outcome: "resolved", attempts: 1)
        try store.perform(.completeModule(module, attempt, record(["a", "b"]), []), trainee: trainee)
        try store.perform(.saveProgress(module, record(["a"], practice: true)), trainee: trainee)
        #expect(try store.progress(for: trainee)[module] == .completed(attempt))
    }

    @Test func folderAndFilesArePrivateToTheOwner() throws {
        let store = try FileProgressStore(directory: folder)
        try store.perform(.saveProgress(module, record(["a"])), trainee: trainee)
        let folderMode = try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int
        let fileMode = try FileManager.default.attributesOfItem(atPath: folder + "/trainees/T-3.jsonl")[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
        #expect(fileMode == 0o600)
    }

    @Test func reflectionsNeverEnterTheTraineeLog() throws {
        let store = try FileProgressStore(directory: folder)
        try store.perform(.keepReflection(module, stepID: "moment", text: "private words"), trainee: trainee)
        try store.perform(.recordWellness(module, stepID: "moment", kind: "reflection", seconds: 30), trainee: trainee)
        let log = try String(contentsOfFile: folder + "/trainees/T-3.jsonl", encoding: .utf8)
        #expect(!log.contains("private words"))
        #expect(log.contains("wellness:reflection"))
    }

    @Test func aTornLastLineFromAKilledWriterIsSkipped() throws {
        let store = try FileProgressStore(directory: folder)
        try store.perform(.saveProgress(module, record(["a"])), trainee: trainee)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/trainees/T-3.jsonl"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"kind\":\"progress\",\"module\":{\"cou".utf8))
        try handle.close()
        #expect(try store.progress(for: trainee)[module] == .inProgress(record(["a"])))
    }

    @Test func aLogThatCannotBeWrittenIsAClearError() throws {
        let store = try FileProgressStore(directory: folder)
        try FileManager.default.createDirectory(atPath: folder + "/trainees/T-3.jsonl", withIntermediateDirectories: false)
        let error = try #require(throws: AppendLog.WriteError.self) { try store.perform(.saveProgress(module, record(["a"])), trainee: trainee) }
        #expect(error.description.hasPrefix("cannot write \(folder)/trainees/T-3.jsonl: "))
    }
}
