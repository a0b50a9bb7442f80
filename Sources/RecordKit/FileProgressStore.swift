import Foundation
import RidealongApp
import ScenarioKit

/// Progress and records as append-only JSON-lines files, one per trainee, in a private folder.
/// Reflections go to a separate private file that review screens and exports never read.
public final class FileProgressStore: ProgressStore {
    public let directory: String
    private let encoder = JSONEncoder()
    private let decoder = JSONDecoder()
    private let now: () -> Date

    public init(directory: String, now: @escaping () -> Date = Date.init) throws {
        self.directory = directory
        self.now = now
        try DataDirectory.prepare(directory)
        try DataDirectory.prepare(directory + "/trainees")
        try DataDirectory.prepare(directory + "/private")
        encoder.outputFormatting = [.sortedKeys]
    }

    /// One line of a trainee's log.
    struct Entry: Codable {
        var kind: String
        var module: ModuleReference?
        var at: Date
        var record: SavedProgressRecord?
        var attempt: CompletedAttempt?
        var decisions: [DecisionRecord]?
        var step: String?
        var seconds: Double?
        var trainee: Trainee?
    }

    private func log(for trainee: Trainee) -> AppendLog { AppendLog(path: "\(directory)/trainees/\(trainee.id).jsonl") }

    public func lastTrainee() -> Trainee? {
        guard let data = FileManager.default.contents(atPath: directory + "/last-trainee.json") else { return nil }
        return try? decoder.decode(Trainee.self, from: data)
    }

    public func progress(for trainee: Trainee) throws -> [ModuleReference: ModuleProgress] {
        var result: [ModuleReference: ModuleProgress] = [:]
        for line in try log(for: trainee).lines() {
            guard let entry = try? decoder.decode(Entry.self, from: line), let module = entry.module else { continue }
            switch entry.kind {
            case "progress":
                if let record = entry.record {
                    if record.isPractice, case .completed? = result[module] { continue }
                    result[module] = .inProgress(record)
                }
            case "completed":
                if let attempt = entry.attempt { result[module] = .completed(attempt) }
            default: break
            }
        }
        return result
    }

    public func perform(_ effect: Effect, trainee: Trainee) throws {
        var entry = Entry(kind: "", at: now())
        switch effect {
        case .signIn(let trainee):
            let data = try encoder.encode(trainee)
            let path = directory + "/last-trainee.json"
            guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600]) else {
                throw AppendLog.WriteError(path: path, reason: "could not create the file")
            }
            entry.kind = "signed-in"
            entry.trainee = trainee
        case .saveProgress(let module, let record):
            entry.kind = "progress"
            entry.module = module
            entry.record = record
        case .completeModule(let module, let attempt, let record, let decisions):
            entry.kind = "completed"
            entry.module = module
            entry.attempt = attempt
            entry.record = record
            entry.decisions = decisions
        case .recordWellness(let module, let step, let kind, let seconds):
            entry.kind = "wellness:" + kind
            entry.module = module
            entry.step = step
            entry.seconds = seconds
        case .keepReflection(let module, let step, let text):
            let reflection = ["module": module.description, "step": step, "text": text, "at": ISO8601DateFormatter().string(from: now())]
            try AppendLog(path: "\(directory)/private/\(trainee.id)-reflections.jsonl").append(try encoder.encode(reflection))
            return
        case .quit:
            return
        }
        try log(for: trainee).append(try encoder.encode(entry))
    }
}
