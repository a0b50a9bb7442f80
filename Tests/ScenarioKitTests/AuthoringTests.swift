import Foundation
import Testing
@testable import ScenarioKit

@Suite("Authoring toolkit: explore, playtest, graph, test plans, starter")
struct AuthoringTests {
    @Test func exploreCountsPathsAndScoreRanges() throws {
        let report = ExplorationReport(scenario: try Fixtures.scenario(Fixtures.noise))
        let calm = try #require(report.endings.first { $0.scene == "calm" })
        #expect(calm.paths == 3, "introduce→thank, demand→thank, radio→introduce_late→thank (the sticky wait only loops)")
        #expect(report.endings.allSatisfy { $0.paths > 0 })
        #expect(report.shortestPath == 2)
        #expect(report.hasLoops, "the sticky wait loops")
        let respect = try #require(report.competencies.first { $0.competency.id == "pj.respect" })
        #expect(respect.earned == -3...3)
        #expect(report.passReachable && report.passAvoidable)
        #expect(report.unreachedLines.isEmpty)
        let range = try #require(calm.overallRange)
        #expect(abs(range.upperBound - 6.0 / 7.0) < 0.001)
    }

    @Test func exploreListsNeverReachedLinesAsRanges() {
        #expect(ExplorationReport.ranges([("a.ride", 3), ("a.ride", 4), ("a.ride", 5), ("a.ride", 9), ("b.ride", 1)])
                == ["a.ride:3-5", "a.ride:9", "b.ride:1"])
    }

    @Test func playtestIsReproducibleForASeed() throws {
        let scenario = try Fixtures.scenario(Fixtures.noise)
        let first = PlaytestReport(scenario: scenario, runs: 2_000, seed: 9, strategy: .random)
        let second = PlaytestReport(scenario: scenario, runs: 2_000, seed: 9, strategy: .random)
        #expect(first.text(wantedPassRate: 0.5) == second.text(wantedPassRate: 0.5))
        #expect(first.outcomes.values.reduce(0, +) == 2_000)
        #expect(first.stuck == 0)
        let other = PlaytestReport(scenario: scenario, runs: 2_000, seed: 10, strategy: .random)
        #expect(other.choiceHits != first.choiceHits)
    }

    /// Outcomes are kept in a dictionary, whose order changes from process to process; the report must not.
    @Test func playtestListsOutcomesWithEqualCountsByName() throws {
        var report = PlaytestReport(scenario: try Fixtures.scenario(Fixtures.noise), runs: 10, seed: 1, strategy: .random)
        report.outcomes = ["withdrawn": 2, "resolved": 2, "escalated": 2, "completed": 4, "critical-failure": 2, "resolved-arrest": 2, "stuck": 2]
        let listed = report.text(wantedPassRate: nil).split(separator: "\n").drop { $0 != "outcomes" }.dropFirst().prefix(7)
            .map { String($0.split(separator: " ")[0]) }
        #expect(listed == ["completed", "critical-failure", "escalated", "resolved", "resolved-arrest", "stuck", "withdrawn"])
    }

    @Test func leastUsedReachesEveryChoice() throws {
        let report = PlaytestReport(scenario: try Fixtures.scenario(Fixtures.noise), runs: 200, seed: 1, strategy: .leastUsed)
        #expect(report.choiceHits.allSatisfy { $0 > 0 })
    }

    @Test func suggestedPassMarkGivesTheWantedRate() throws {
        let report = PlaytestReport(scenario: try Fixtures.scenario(Fixtures.noise), runs: 4_000, seed: 3, strategy: .random)
        let mark = try #require(report.suggestedPassMark(forPassRate: 0.25))
        let passing = report.eligibleScores.filter { $0 >= mark }.count
        #expect(Double(passing) <= 0.25 * 4_000)
    }

    @Test func graphsShowEveryChoiceAndTheIdealPath() throws {
        let scenario = try Fixtures.scenario(Fixtures.noise)
        let dot = ScenarioGraph.dot(scenario)
        #expect(dot.hasPrefix("digraph \"sample\" {"))
        #expect(dot.contains("\"door\" -> \"talk\" [label=\"introduce\", color=\"#1a7f37\", penwidth=2.5"))
        #expect(dot.contains("\"calm\" [shape=ellipse"))
        #expect(ScenarioGraph.mermaid(scenario).contains("door -->|\"introduce\"| talk"))
        #expect(ScenarioGraph.text(scenario).contains("★ thank → calm"))
    }

    @Test func testPlansPassAndFailWithTheLine() throws {
        let scenario = try Fixtures.scenario(Fixtures.noise)
        let source = SourceText(path: "sample.plan", text: """
        plan ideal
        expect line "Is there a problem"
        choose introduce
        expect no choice freeze
        expect choice thank
        choose thank
        expect ending resolved
        expect rating comm.listen = 7
        expect rating safety.tactics = 1
        expect passed

        plan wrong expectation
        choose demand
        expect var warned = false
        """)
        let (plans, diagnostics) = TestPlan.parse(source)
        #expect(diagnostics.isEmpty)
        #expect(plans.count == 2)
        #expect(plans[0].run(on: scenario) == nil)
        let failure = try #require(plans[1].run(on: scenario))
        #expect(failure.location.line == 14)
        #expect(failure.message == "variable 'warned' is true, not false")
    }

    @Test func unknownPlanStepsAreReported() {
        let (_, diagnostics) = TestPlan.parse(SourceText(path: "x.plan", text: "plan a\nchose introduce\n"))
        #expect(diagnostics.map(\.location.line) == [2])
    }

    @Test func theStarterPassesStrictCheckAndUsesEveryConstruct() throws {
        let folder = NSTemporaryDirectory() + "ridealong-starter-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Starter.course(id: "agency-course", firstModule: "first").write(toFile: folder + "/course.ride", atomically: true, encoding: .utf8)
        try Starter.module(id: "first").write(toFile: folder + "/first.ride", atomically: true, encoding: .utf8)
        try Starter.shared.write(toFile: folder + "/" + Starter.sharedFile, atomically: true, encoding: .utf8)
        let run = ScriptChecker.run(paths: [folder])
        #expect(run.diagnostics.isEmpty, "\(run.diagnostics.map(\.message))")
        let text = Starter.module(id: "first")
        for construct in ["include ", "var ", "speaker ", "@if ", "{neighbour}", "~ ", "-> radio_check -> listen", "@timer", "on timeout",
                          "@breathe", "@checkin", "@reflect", "+ wait", "else \"", "critical ", "tag ", "ideal", "@end", "@debrief"] {
            #expect(text.contains(construct), "the starter shows \(construct)")
        }
        #expect(Starter.shared.contains("->->"))
    }
}
