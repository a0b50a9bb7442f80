import Testing
@testable import ScenarioKit

@Suite("Playthrough engine")
struct PlaythroughTests {
    @Test func firstFrameShowsNarrationSpeechAndChoices() throws {
        let playthrough = Playthrough(scenario: try Fixtures.scenario(Fixtures.noise))
        #expect(playthrough.frame.sceneID == "door")
        #expect(playthrough.frame.lines == [.narration("Bass thumps through the door."),
                                            .speech(speaker: "HOST", name: "Dev, the host", text: "Is there a problem, officer?")])
        #expect(playthrough.frame.options.map(\.id) == ["introduce", "demand", "radio"])
        #expect(playthrough.frame.status == .deciding)
    }

    @Test func choosingMovesOnAndReportsTheDecision() throws {
        var playthrough = Playthrough(scenario: try Fixtures.scenario(Fixtures.noise))
        let events = try playthrough.choose("introduce")
        guard case .decided(let record) = events.first else { Issue.record("no decision event"); return }
        #expect(record.choiceID == "introduce")
        #expect(record.wasIdeal)
        #expect(record.scoreChanges == [ScoreDelta(competency: "comm.listen", points: 1), ScoreDelta(competency: "pj.respect", points: 2)])
        #expect(playthrough.frame.sceneID == "talk")
        #expect(playthrough.frame.timerSeconds == 10)
        #expect(playthrough.frame.timeoutChoiceID == "freeze")
        #expect(!playthrough.frame.options.contains { $0.id == "freeze" })
    }

    @Test func conditionalLinesFollowVariables() throws {
        var warned = Playthrough(scenario: try Fixtures.scenario(Fixtures.noise))
        try warned.choose("demand")
        #expect(warned.frame.lines.first == .speech(speaker: "HOST", name: "Dev, the host", text: "You already told me. Fine."))
        var polite = Playthrough(scenario: try Fixtures.scenario(Fixtures.noise))
        try polite.choose("introduce")
        #expect(polite.frame.lines.count == 1)
    }

    @Test func subSceneCallReturnsToTheNamedScene() throws {
        var playthrough = Playthrough(scenario: try Fixtures.scenario(Fixtures.noise))
        try playthrough.choose("radio")
        #expect(playthrough.frame.sceneID == "door_again")
        #expect(playthrough.frame.lines.first == .narration("DISPATCH is quiet for a second, then answers."))
    }

    @Test func stickyChoicesStayAndOnceOnlyChoicesGo() throws {
        var playthrough = Playthrough(scenario: try Fixtures.scenario(Fixtures.noise))
        try playthrough.choose("radio")
        try playthrough.choose("wait")
        try playthrough.choose("wait")
        #expect(playthrough.frame.options.map(\.id) == ["wait", "introduce_late"])
    }

    @Test func timeoutTakesTheFallback() throws {
        var playthrough = Playthrough(scenario: try Fixtures.scenario(Fixtures.noise))
        try playthrough.choose("introduce")
        let events = try playthrough.timeout()
        #expect(events.contains(.ended(playthrough.ending!)))
        #expect(playthrough.ending?.outcome == .withdrawn)
        #expect(playthrough.steps.last == PathStep(choiceID: "freeze", timedOut: true))
    }

    @Test func refusesChoicesThatAreNotOffered() throws {
        var playthrough = Playthrough(scenario: try Fixtures.scenario(Fixtures.noise))
        #expect(throws: Playthrough.ChoiceError.notOffered("thank")) { try playthrough.choose("thank") }
        #expect(throws: Playthrough.ChoiceError.unknownChoice("nope")) { try playthrough.choose("nope") }
        #expect(throws: Playthrough.ChoiceError.noTimer) { try playthrough.timeout() }
    }

    @Test func disabledChoicesShowTheirReason() throws {
        let scenario = try Fixtures.scenario(Fixtures.module("""
        === start ===
        * ask: Ask.
          -> start
          feedback: f
          why: w
        * leave: Leave.
          if ask else "Ask first"
          -> done
          feedback: f
          why: w
        === done ===
        @end resolved: Done
        """))
        var playthrough = Playthrough(scenario: scenario)
        #expect(playthrough.frame.options.last == OfferedChoice(id: "leave", text: "Leave.", isEnabled: false, disabledReason: "Ask first", isIdeal: false))
        #expect(throws: Playthrough.ChoiceError.disabled("leave")) { try playthrough.choose("leave") }
        try playthrough.choose("ask")
        #expect(playthrough.frame.options.map(\.id) == ["leave"])
        #expect(playthrough.frame.options[0].isEnabled)
    }

    @Test func visitCountsAndInterpolation() throws {
        let scenario = try Fixtures.scenario(Fixtures.module("""
        === start ===
        Visit {start}, patience {patience}.
        ~ patience -= 1
        + again: Again.
          if patience > 0
          -> start
          feedback: f
          why: w
        * stop: Stop.
          -> done
          feedback: f
          why: w
        === done ===
        @end resolved: Done
        """, header: "var patience = 2"))
        var playthrough = Playthrough(scenario: scenario)
        #expect(playthrough.frame.lines == [.narration("Visit 1, patience 2.")])
        try playthrough.choose("again")
        #expect(playthrough.frame.lines == [.narration("Visit 2, patience 1.")])
        #expect(playthrough.frame.options.map(\.id) == ["stop"])
    }

    @Test func randomIsTheSameForTheSameSeed() throws {
        let text = Fixtures.module("""
        === start ===
        ~ roll = random(1, 1000)
        Rolled {roll}.
        * go: Go.
          -> done
          feedback: f
          why: w
        === done ===
        @end resolved: Done
        """, header: "var roll = 0")
        let scenario = try Fixtures.scenario(text)
        let rolls = (0..<20).map { Playthrough(scenario: scenario, seed: UInt64($0)).frame.lines }
        #expect(rolls[3] == Playthrough(scenario: scenario, seed: 3).frame.lines)
        #expect(Set(rolls).count > 10)
    }
}
