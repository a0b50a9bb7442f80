import Foundation
import Testing
@testable import ScenarioKit

/// For every shipped module, the instructor's ideal path and a worst path (lowest points, critical
/// errors first) played through the engine and compared with checked-in transcripts. A missing
/// transcript is written and the test fails, so new modules get reviewed transcripts.
@Suite("Golden transcripts of the shipped modules")
struct GoldenTranscriptTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let courses = root.appendingPathComponent("../../Courses").standardized.path
    static let modules: [CourseModule] = FileSystem.list(courses).flatMap { name -> [CourseModule] in
        let folder = FileSystem.join(courses, name)
        guard FileSystem.exists(FileSystem.join(folder, "course.ride")) else { return [] }
        return ScriptLoader().loadCourse(at: folder).course?.modules ?? []
    }

    @Test func everyShippedModuleCompiles() {
        #expect(Self.modules.count >= 11)
        #expect(Self.modules.allSatisfy { $0.scenario != nil })
    }

    @Test(arguments: modules.map(\.id), ["ideal", "worst"])
    func transcript(_ moduleID: String, _ path: String) throws {
        let scenario = try #require(Self.modules.first { $0.id == moduleID }?.scenario)
        var playthrough = Playthrough(scenario: scenario, seed: 1)
        var text = "\(scenario.title) — \(path) path\n"
        while !playthrough.isFinished {
            text += Self.describe(playthrough.frame)
            let pick = path == "ideal" ? Self.ideal(playthrough) : Self.worst(playthrough)
            if let pick { try playthrough.choose(pick) } else { try playthrough.timeout() }
            let record = try #require(playthrough.decisions.last)
            text += "\n> \(record.timedOut ? "(time runs out) " : "")\(record.choiceText)  [\(record.choiceID)]\n"
            text += "  feedback: \(record.feedback)\n  why: \(record.rationale)\n"
            for error in record.criticalErrors { text += "  CRITICAL \(error.competency): \(error.description)\n" }
            text += "\n"
        }
        text += Self.describe(playthrough.frame)
        if let ending = playthrough.ending { text += "ENDING \(ending.outcome.rawValue): \(ending.title)\n" }
        let card = playthrough.scorecard
        for entry in card.entries {
            text += "  \(entry.competency.id): \(entry.earned)/\(entry.available) rating \(entry.rating.map(String.init) ?? "N.O.")\n"
        }
        text += "  overall \(card.overall.map { String(Int(($0 * 100).rounded())) + "%" } ?? "-") \(card.passed ? "PASSED" : "NOT PASSED")\n"
        if path == "ideal" { #expect(card.passed, "the ideal path of \(moduleID) passes") }
        if path == "worst" { #expect(!card.passed, "the worst path of \(moduleID) fails") }
        #expect(playthrough.decisions.count >= (moduleID == "controls" ? 3 : 5), "at least five decisions on the path")
        let url = Self.root.appendingPathComponent("Transcripts/\(moduleID)-\(path).txt")
        guard let recorded = try? String(contentsOf: url, encoding: .utf8) else {
            try text.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded \(url.lastPathComponent); review it and run the tests again")
            return
        }
        #expect(recorded == text, "\(moduleID) \(path) path differs from \(url.lastPathComponent)")
    }

    static func describe(_ frame: Frame) -> String {
        frame.lines.map { line in
            switch line {
            case .narration(let text): text + "\n"
            case .speech(_, let name, let text): "\(name): \(text)\n"
            case .paragraphBreak: "\n"
            case .breathe(let exercise): "[box breathing \(exercise.cycles) × \(exercise.pattern.map(String.init).joined(separator: "-"))]\n"
            case .reflect(let id, let prompt): "[private reflection \(id): \(prompt)]\n"
            case .checkIn(let id, let question, let options): "[private check-in \(id): \(question) \(options.joined(separator: " | "))]\n"
            }
        }.joined()
    }

    static func ideal(_ playthrough: Playthrough) -> String? {
        playthrough.frame.options.first { $0.isEnabled && $0.isIdeal }?.id ?? playthrough.frame.options.first(where: \.isEnabled)?.id
    }

    /// The offered choice with a critical error, else the fewest points, else the timeout.
    static func worst(_ playthrough: Playthrough) -> String? {
        let scenario = playthrough.scenario
        let options = playthrough.frame.options.filter(\.isEnabled).map { scenario.choices[scenario.choiceIndex[$0.id]!] }
        if let critical = options.first(where: { !$0.criticalErrors.isEmpty }) { return critical.id }
        let lowest = options.min { $0.scores.reduce(0) { $0 + $1.points } < $1.scores.reduce(0) { $0 + $1.points } }
        if let lowest, lowest.scores.reduce(0, { $0 + $1.points }) < 0 || playthrough.frame.timeoutChoiceID == nil { return lowest.id }
        return nil
    }
}
