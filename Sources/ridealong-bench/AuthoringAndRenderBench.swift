import Foundation
import RidealongApp
import ScenarioKit
import TerminalKit

/// Figures for the authoring tools and the renderer, measured in this process.
enum AuthoringAndRenderBench {
    static func seconds(_ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        let elapsed = clock.measure(body)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    static func rows(courses: String) -> [(String, String, String, Bool)] {
        let catalog = Catalog.load(from: courses)
        let scenarios = catalog.courses.flatMap(\.modules).compactMap(\.scenario)
        var rows: [(String, String, String, Bool)] = []

        var best = Double.infinity
        for _ in 0..<5 { best = min(best, seconds { for scenario in scenarios { _ = ExplorationReport(scenario: scenario) } }) }
        rows.append(("explore every shipped module (\(scenarios.count))", String(format: "%.1f ms", best * 1000), "< 1 s", best < 1))

        let largest = scenarios.max { $0.choices.count < $1.choices.count }!
        let runs = 400_000
        let time = seconds { _ = PlaytestReport(scenario: largest, runs: runs, seed: 1, strategy: .random) }
        let rate = Double(runs) / time
        rows.append(("playtest throughput (\(largest.id), 2 cores)", String(format: "%.0f /s", rate), "≥ 100000 /s", rate >= 100_000))

        var state = AppState(catalog: catalog, width: 200, height: 60, trainee: Trainee(id: "B-1", name: "Bench"))
        for key: Key in [.enter, .enter, .character("1"), .enter] { _ = reduce(&state, .key(key, at: 1)) }
        let frames = 2_000
        let renderTime = seconds { for _ in 0..<frames { _ = render(state) } } / Double(frames)
        rows.append(("render one scenario frame at 200×60", String(format: "%.3f ms", renderTime * 1000), "< 1 ms", renderTime < 0.001))
        return rows
    }
}
