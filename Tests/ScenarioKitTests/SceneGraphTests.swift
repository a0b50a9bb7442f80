import Testing
@testable import ScenarioKit

/// The static scene graph: cycles and the scenes a sub-scene call can bring a playthrough back to.
@Suite("Scene graph")
struct SceneGraphTests {
    /// `start` → `hub` ⇄ `side`, `hub` → `self_loop` → itself, `hub` calls `sub`, which diverts to `after`;
    /// `lone` leads nowhere but an ending.
    static let script = Fixtures.module("""
    === start ===
    -> hub
    === hub ===
    * go_side: "Side"
      -> side
    * go_loop: "Loop"
      -> self_loop
    * go_sub: "Sub"
      -> sub -> lone
    === side ===
    * back: "Back"
      -> hub
    === self_loop ===
    * again: "Again"
      -> self_loop
    * leave: "Leave"
      -> lone
    === sub ===
    -> after
    === after ===
    ->->
    === lone ===
    @end resolved: Done
    """)

    @Test func findsCyclesAndWhatSubScenesReach() throws {
        let scenario = try Fixtures.scenario(Self.script)
        let graph = SceneGraph(facts: scenario.facts, sceneCount: scenario.scenes.count)
        let names = scenario.scenes.map(\.id)
        let onCycles = graph.scenesOnCycles()
        #expect(names.indices.filter { onCycles[$0] }.map { names[$0] } == ["hub", "side", "self_loop"])
        let revisitable = graph.revisitableScenes()
        #expect(names.indices.filter { revisitable[$0] }.map { names[$0] } == ["hub", "side", "self_loop", "sub", "after"])
        #expect(Array(graph.successors(of: scenario.sceneIndex["hub"]!)) == ["side", "self_loop", "sub", "lone"].map { scenario.sceneIndex[$0]! })
    }
}
