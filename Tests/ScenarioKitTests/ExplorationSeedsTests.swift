import Testing
@testable import ScenarioKit

/// Exploring more seeds later adds what they find exactly as giving them all at once does, and the
/// checker explores every seed of a script that draws random numbers.
@Suite("Exploration seeds")
struct ExplorationSeedsTests {
    /// Only a roll of 1 or 2 (of 1 to 3) reaches `lucky`, so some seeds miss it.
    static let script = Fixtures.module("""
    === start ===
    ~ roll = random(1, 3)
    * go: "Go"
      if roll < 3
      -> lucky
      feedback: f
      why: w
      ideal
    * stay: "Stay"
      -> done
      feedback: f
      why: w
    === lucky ===
    * on: "On"
      -> done
      feedback: f
      why: w
      ideal
    === done ===
    @end resolved: Done
    """, header: "var roll = 0")

    @Test func laterSeedsAddWhatAllSeedsAtOnceFind() throws {
        let scenario = try Fixtures.scenario(Self.script)
        let together = Exploration(scenario: scenario, seeds: Array(0..<8))
        var inTurn = Exploration(scenario: scenario, seeds: [0])
        inTurn.explore(seeds: Array(1..<8))
        #expect(inTurn.nodes.map(\.state) == together.nodes.map(\.state))
        #expect(inTurn.nodes.indices.map { Array(inTurn.edges(of: $0)) } == together.nodes.indices.map { Array(together.edges(of: $0)) })
        #expect(inTurn.sceneReached == together.sceneReached && inTurn.choiceReached == together.choiceReached)
        #expect(inTurn.lineCovered == together.lineCovered && inTurn.isComplete == together.isComplete)
    }

    @Test func theCheckerExploresEverySeedOfARandomScript() throws {
        let scenario = try Fixtures.scenario(Self.script)
        let unreached = ScenarioChecker.check(scenario).filter { $0.code == .unreachableScene || $0.code == .unreachableChoice }
        let together = Exploration(scenario: scenario, seeds: Array(0..<8))
        #expect(together.hasReached(scene: scenario.sceneIndex["lucky"]!) == unreached.isEmpty)
    }
}

@Suite("State index")
struct StateIndexTests {
    @Test func equalStatesShareANodeAndOthersGetTheirOwnAsTheIndexGrows() throws {
        let scenario = try Fixtures.scenario(Fixtures.module("=== a ===\n* go: Go.\n  -> done\n  feedback: f\n  why: w\n  ideal\n=== done ===\n@end resolved: Done",
                                                             header: "var mood = \"calm\"\nvar count = 0"))
        var index = StateIndex(capacity: 1)
        var nodes: [Exploration.Node] = []
        // 300 states that differ in one field or another, each added twice: the second time finds the first.
        for number in 0..<300 {
            var state = EngineState(scenario: scenario)
            state.values = [.string(number % 3 == 0 ? "calm" : "tense"), .int(number / 3)]
            state.item = number % 3
            let first = index.node(for: state, orNew: nodes.count, in: nodes)
            #expect(first == (nodes.count, true))
            nodes.append(Exploration.Node(state: state, status: .decision))
            let again = index.node(for: state, orNew: nodes.count, in: nodes)
            #expect(again == (nodes.count - 1, false))
        }
    }
}
