import Foundation
import RecordKit
import RidealongApp
import ScenarioKit

/// Figures for the records store on a generated store of 10,000 trainees × 20 attempts.
enum RecordsBench {
    static func milliseconds(_ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        var failure: Error?
        let elapsed = clock.measure { do { try body() } catch { failure = error } }
        if let failure { print("  ! \(failure)") }
        return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18) * 1000
    }

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

    static func rows(trainees: Int = Int(ProcessInfo.processInfo.environment["RIDEALONG_BENCH_TRAINEES"] ?? "") ?? 10_000,
                     attemptsEach: Int = 20) throws -> [(String, String, String, Bool)] {
        // RIDEALONG_BENCH_STORE=DIR keeps the generated store in DIR and reuses it on later runs.
        let kept = ProcessInfo.processInfo.environment["RIDEALONG_BENCH_STORE"].flatMap { $0.isEmpty ? nil : $0 }
        let folder = kept ?? NSTemporaryDirectory() + "ridealong-bench-records-\(UUID().uuidString)"
        defer { if kept == nil { try? FileManager.default.removeItem(atPath: folder) } }
        // The damage check is not part of any figure, so it is done before opening.
        var store = try RecordStore(directory: folder, checkBeforeOpeningUpTo: .max)
        let reused = try kept != nil && TrainingRecords(store).trainees().count >= trainees
        if kept != nil, !reused {  // a store left half-made by an interrupted run
            try FileManager.default.removeItem(atPath: folder)
            store = try RecordStore(directory: folder)
        }
        let records = TrainingRecords(store)
        let fill = reused ? 0 : try milliseconds { try BulkLoader.fill(store, trainees: trainees, attemptsEach: attemptsEach) }
        let size = ((try? FileManager.default.attributesOfItem(atPath: store.path))?[.size] as? Int ?? 0) / 1_048_576
        var rows: [(String, String, String, Bool)] = []
        rows.append(("generate \(trainees) trainees × \(attemptsEach) attempts (\(size) MB)",
                     reused ? "reused" : String(format: "%.1f s", fill / 1000), "-", true))
        let roster = median(try (0..<5).map { _ in try milliseconds { _ = try records.roster() } })
        rows.append(("roster query (all trainees)", String(format: "%.1f ms", roster), "< 100 ms", roster < 100))
        let view = median(try (0..<11).map { index in
            try milliseconds {
                let id = "B-\(index * 97)"
                _ = ReviewReport.trainee(Trainee(id: id, name: id), attempts: try records.attempts(of: id), notes: try records.notes(of: id))
            }
        })
        rows.append(("trainee view (grid, timelines, notes)", String(format: "%.2f ms", view), "-", true))
        let scenario = ScriptLoader.compileModule(text: """
            module append
            title: Append
            competency pj.respect "Respect" fto "Public"
            === a ===
            + again: Again.
              -> a
              score pj.respect +1
              feedback: f
              why: w
              ideal
            """).scenario!
        var playthrough = Playthrough(scenario: scenario, seed: 1)
        let trainee = Trainee(id: "append-bench", name: "Append")
        let info = ModuleInfo(ModuleReference(course: "bench", module: "append"), scenario)
        var appends: [Double] = []
        for index in 0..<200 {
            // Attempts as long as the shipped modules' (ten decisions), each a new attempt of its own.
            if index % 10 == 0 { playthrough = Playthrough(scenario: scenario, seed: UInt64(index + 1)) }
            try playthrough.choose("again")
            let record = SavedProgressRecord(progress: SavedProgress(of: playthrough), secondsToDecide: playthrough.steps.map { _ in 1 }, isPractice: false)
            let decisions = playthrough.decisions
            appends.append(try milliseconds { try store.perform(.saveProgress(info, record, decisions), trainee: trainee) })
        }
        let append = median(appends)
        rows.append(("append one decision, fully durable (median of 200, 10 per attempt)", String(format: "%.2f ms", append), "< 2 ms", append < 2))
        var bytes = 0
        let export = try milliseconds { bytes = try Exporter.export(records, format: .csv, trainee: nil).utf8.count }
        rows.append(("export everything as CSV (\(bytes / 1_048_576) MB)", String(format: "%.1f s", export / 1000), "-", true))
        return rows
    }
}
