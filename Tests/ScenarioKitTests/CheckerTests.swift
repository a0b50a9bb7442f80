import Testing
@testable import ScenarioKit

@Suite("Checker: exploration of reachable states")
struct CheckerTests {
    /// Compiler warnings and exploration findings together, as `ridealong check` reports them.
    private func codes(_ body: String, header: String = "") throws -> [DiagnosticCode] {
        let text = Fixtures.module(body, header: header)
        return (Fixtures.compile(text).diagnostics + ScenarioChecker.check(try Fixtures.scenario(text))).map(\.code)
    }

    @Test func theSampleModuleIsClean() throws {
        let diagnostics = ScenarioChecker.check(try Fixtures.scenario(Fixtures.noise))
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    }

    @Test func findsScenesAndEndingsNoPathReaches() throws {
        let found = try codes("""
        === a ===
        * go: Go.
          -> done
          score comm.listen +1 pj.respect +1 safety.tactics +1
          feedback: f
          why: w
          ideal
        === lost ===
        * back: Back.
          -> done
          feedback: f
          why: w
        === done ===
        @end resolved: Done
        === other_end ===
        @end escalated: Never
        """)
        #expect(found == [.unreachableScene, .unreachableEnding])
    }

    @Test func findsChoicesWhoseConditionNeverHolds() throws {
        let found = try codes("""
        === a ===
        * go: Go.
          -> done
          score comm.listen +1 pj.respect +1 safety.tactics +1
          feedback: f
          why: w
          ideal
        * never: Never.
          if warned
          -> done
          feedback: f
          why: w
        === done ===
        @end resolved: Done
        """, header: "var warned = false")
        #expect(found == [.unreachableChoice])
    }

    @Test func findsDeadEndsWhereEveryChoiceIsHidden() throws {
        let found = try codes("""
        === a ===
        * go: Go.
          -> b
          score comm.listen +1 pj.respect +1 safety.tactics +1
          feedback: f
          why: w
          ideal
        === b ===
        * only: Only if warned.
          if warned
          -> done
          feedback: f
          why: w
          ideal
        === done ===
        @end resolved: Done
        """, header: "var warned = false")
        #expect(found.contains(.deadEnd))
        #expect(found.contains(.unreachableChoice))
    }

    @Test func findsDivertLoopsWithoutDecisions() throws {
        let found = try codes("""
        === a ===
        * go: Go.
          -> b
          score comm.listen +1 pj.respect +1 safety.tactics +1
          feedback: f
          why: w
          ideal
        === b ===
        -> c
        === c ===
        -> b
        """)
        #expect(found.contains(.loopWithoutChoice))
        #expect(found.contains(.noEnding))
    }

    @Test func findsAReturnThatNoCallLeadsTo() throws {
        let found = try codes("""
        === a ===
        * go: Go.
          ->->
          score comm.listen +1 pj.respect +1 safety.tactics +1
          feedback: f
          why: w
          ideal
        """)
        #expect(found.contains(.returnOutsideCall))
        #expect(!found.contains(.noIdealPath), "the stuck place is reported once, as E407")
    }

    @Test func findsAuthoringGaps() throws {
        let found = try codes("""
        === a ===
        * go: Go.
          -> done
          score comm.listen +1
        === done ===
        @end resolved: Done
        """, header: "var unused = 3")
        #expect(found.filter { $0 == .competencyNeverScored }.count == 2)
        #expect(found.contains(.unusedVariable))
        #expect(found.contains(.missingFeedback))
        #expect(found.contains(.missingRationale))
        #expect(found.contains(.noIdealPath))
    }

    @Test func findsAPassMarkNoPathCanReach() throws {
        let found = try codes("""
        === a ===
        * good: Good.
          -> b
          score comm.listen +2 pj.respect +1 safety.tactics +1
          feedback: f
          why: w
          ideal
        * other: Other.
          -> b
          score comm.listen +1
          feedback: f
          why: w
        === b ===
        * poor: Only poor options remain.
          -> done
          score pj.respect -1
          feedback: f
          why: w
          ideal
        * reckless: Worse.
          -> done
          score pj.respect +5
          critical pj.respect: Reckless
          feedback: f
          why: w
        === done ===
        @end resolved: Done
        """)
        #expect(found.contains(.passUnreachable))
    }

    @Test func conditionalLinesThatNeverShowAreReported() throws {
        let found = try codes("""
        === a ===
        @if warned: HOST: You again?
        * go: Go.
          -> done
          score comm.listen +1 pj.respect +1 safety.tactics +1
          feedback: f
          why: w
          ideal
        === done ===
        @end resolved: Done
        """, header: "var warned = false")
        #expect(found == [.unreachableLine])
    }

    @Test func exploresAHundredThousandSceneChainWithoutRecursionLimits() throws {
        var text = "module chain\ntitle: Chain\ncompetency c.x \"X\" fto \"Y\"\n"
        for index in 0..<100_000 {
            text += "=== s\(index) ===\nStep \(index).\n* a\(index): Go.\n  -> s\(index + 1)\n  score c.x +1\n  feedback: f\n  why: w\n  ideal\n* b\(index): Other.\n  -> s\(index + 1)\n  feedback: f\n  why: w\n"
        }
        text += "=== s100000 ===\n@end resolved: Done\n"
        let result = ScriptLoader.compileModule(text: text)
        #expect(result.diagnostics.isEmpty)
        let exploration = Exploration(scenario: try #require(result.scenario))
        #expect(exploration.nodes.count == 100_001)
        #expect(exploration.isComplete)
        #expect(PathAnalysis(exploration).canReach(passMark: 1.0, avoidingCriticalErrors: true))
    }
}
