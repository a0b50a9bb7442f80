import Testing
@testable import ScenarioKit

/// A broken script and where its diagnostic must point.
struct BrokenScript: CustomTestStringConvertible, Sendable {
    var code: DiagnosticCode
    var line: Int
    var column: Int
    var body: String

    var testDescription: String { "\(code.rawValue) at \(line):\(column)" }
}

/// Header lines 1–5; the body starts on line 6.
private let header = """
module sample
title: Sample
competencies: comm.listen pj.respect
speaker HOST "Dev"
var warned = false
"""

private let endScene = "=== done ===\n@end resolved: Done"
private let goodChoice = "* go: Go.\n  -> done\n  feedback: f\n  why: w"

@Suite("Compile-time diagnostics")
struct DiagnosticTests {
    static let cases: [BrokenScript] = [
        BrokenScript(code: .unknownHeaderLine, line: 6, column: 1, body: "colour: blue\n=== a ===\n\(goodChoice)\n\(endScene)"),
        BrokenScript(code: .contentOutsideScene, line: 6, column: 1, body: "It was a dark night.\n=== a ===\n\(goodChoice)\n\(endScene)"),
        BrokenScript(code: .duplicateHeaderLine, line: 6, column: 1, body: "title: Again\n=== a ===\n\(goodChoice)\n\(endScene)"),
        BrokenScript(code: .badValue, line: 6, column: 11, body: "revision: two\n=== a ===\n\(goodChoice)\n\(endScene)"),
        BrokenScript(code: .badSceneHeader, line: 6, column: 5, body: "=== 9lives ===\n\(goodChoice)\n\(endScene)"),
        BrokenScript(code: .badChoice, line: 7, column: 3, body: "=== a ===\n* Go now.\n  -> done\n\(endScene)"),
        BrokenScript(code: .unknownDirective, line: 7, column: 1, body: "=== a ===\n@pause 3\n\(goodChoice)\n\(endScene)"),
        BrokenScript(code: .unknownChoiceAttribute, line: 11, column: 3, body: "=== a ===\n\(goodChoice)\n  points 3\n\(endScene)"),
        BrokenScript(code: .textAfterChoices, line: 11, column: 1, body: "=== a ===\n\(goodChoice)\nThen he leaves.\n\(endScene)"),
        BrokenScript(code: .badExpression, line: 11, column: 13, body: "=== a ===\n\(goodChoice)\n  if warned = true\n\(endScene)"),
        BrokenScript(code: .badScore, line: 11, column: 21, body: "=== a ===\n\(goodChoice)\n  score comm.listen lots\n\(endScene)"),
        BrokenScript(code: .badTimer, line: 7, column: 8, body: "=== a ===\n@timer forever\n\(goodChoice)\n\(endScene)"),
        BrokenScript(code: .badWellnessStep, line: 7, column: 10, body: "=== a ===\n@breathe slowly\n\(goodChoice)\n\(endScene)"),
        BrokenScript(code: .badInterpolation, line: 7, column: 8, body: "=== a ===\nHello, {name\n\(goodChoice)\n\(endScene)"),
        BrokenScript(code: .unknownScene, line: 8, column: 6, body: "=== a ===\n* go: Go.\n  -> dnoe\n  feedback: f\n  why: w\n\(endScene)"),
        BrokenScript(code: .duplicateScene, line: 13, column: 5, body: "=== a ===\n\(goodChoice)\n\(endScene)\n=== a ===\n-> done"),
        BrokenScript(code: .duplicateChoice, line: 11, column: 3, body: "=== a ===\n\(goodChoice)\n\(goodChoice)\n\(endScene)"),
        BrokenScript(code: .unknownVariable, line: 11, column: 6, body: "=== a ===\n\(goodChoice)\n  if wraned\n\(endScene)"),
        BrokenScript(code: .duplicateVariable, line: 6, column: 5, body: "var warned = true\n=== a ===\n\(goodChoice)\n\(endScene)"),
        BrokenScript(code: .unknownCompetency, line: 11, column: 9, body: "=== a ===\n\(goodChoice)\n  score comm.lisen +1\n\(endScene)"),
        BrokenScript(code: .unknownSpeaker, line: 7, column: 1, body: "=== a ===\nDISPATCH: Go ahead.\n\(goodChoice)\n\(endScene)"),
        BrokenScript(code: .competencyNotListed, line: 11, column: 9, body: "=== a ===\n\(goodChoice)\n  score safety.tactics +1\n\(endScene)"),
        BrokenScript(code: .unknownOutcome, line: 12, column: 6, body: "=== a ===\n\(goodChoice)\n=== done ===\n@end fine: Done"),
        BrokenScript(code: .nameClash, line: 6, column: 5, body: "=== warned ===\n\(goodChoice)\n\(endScene)"),
        BrokenScript(code: .typeMismatch, line: 11, column: 3, body: "=== a ===\n\(goodChoice)\n  ~ warned = 3\n\(endScene)"),
        BrokenScript(code: .noWayOut, line: 6, column: 5, body: "=== a ===\nNothing happens.\n\(endScene)"),
        BrokenScript(code: .endingWithChoices, line: 8, column: 3, body: "=== a ===\n@end resolved: Early\n\(goodChoice)\n\(endScene)"),
        BrokenScript(code: .timeoutChoiceCount, line: 7, column: 1, body: "=== a ===\n@timer 5s\n\(goodChoice)\n\(endScene)"),
        BrokenScript(code: .choiceWithoutTarget, line: 7, column: 3, body: "=== a ===\n* go: Go.\n  feedback: f\n\(endScene)"),
        BrokenScript(code: .timeoutWithoutTimer, line: 7, column: 3, body: "=== a ===\n\(goodChoice)\n  on timeout\n\(endScene)"),
        BrokenScript(code: .unreachableLine, line: 8, column: 1, body: "=== a ===\n-> done\nNever seen.\n\(endScene)"),
        BrokenScript(code: .missingDeclaration, line: 1, column: 8, body: "=== a ===\n\(goodChoice)\n\(endScene)"),
    ]

    @Test(arguments: cases)
    func reportsTheCodeAtTheRightPlace(_ script: BrokenScript) {
        var text = header + "\n" + script.body
        if script.code == .missingDeclaration { text = text.replacingOccurrences(of: "title: Sample\n", with: "") }
        let result = Fixtures.compile(text)
        let found = result.diagnostics.filter { $0.code == script.code }
        #expect(!found.isEmpty, "expected \(script.code.rawValue), got \(result.diagnostics.map { "\($0.code.rawValue)@\($0.location.line):\($0.location.column) \($0.message)" })")
        if let first = found.first {
            #expect(first.location.line == (script.code == .missingDeclaration ? 1 : script.line))
            #expect(first.location.column == script.column)
            #expect(first.hint != nil, "every diagnostic says what to do")
        }
    }

    @Test func oneRunReportsEveryError() {
        let text = header + "\n=== a ===\n@pause\n* go Go.\n* stay: Stay.\n  -> nowhere\n  score x.y +1\n=== done ===\n@end fine: Done"
        let codes = Set(Fixtures.compile(text).diagnostics.map(\.code))
        #expect(codes.isSuperset(of: [.unknownDirective, .badChoice, .unknownScene, .unknownCompetency, .unknownOutcome]))
    }

    @Test func aModuleFileMustStartWithItsId() {
        let result = Fixtures.compile("title: Missing id\n=== a ===\n-> a")
        #expect(result.diagnostics.first?.code == .missingFirstLine)
        #expect(result.scenario == nil)
    }

    @Test func renderedDiagnosticQuotesTheLineWithACaret() {
        let result = Fixtures.compile(header + "\n=== a ===\n* go: Go.\n  -> dnoe\n  feedback: f\n  why: w\n" + endScene)
        let diagnostic = result.diagnostics.first { $0.code == .unknownScene }!
        #expect(DiagnosticRenderer.text(diagnostic, sources: result.sources) == """
        module.ride:8:6: error[E201]: there is no scene 'dnoe'
         8 |   -> dnoe
           |      ^^^^
          hint: did you mean 'done'?

        """)
    }

    /// Columns count characters, but a terminal gives wide characters two cells: the caret is laid out in cells.
    @Test func caretStandsUnderItsPlaceAfterWideCharactersAndTabs() {
        let result = Fixtures.compile(header + "\n=== a ===\n王王\t{calmm} 🚓\n* go: Go.\n  -> done\n  feedback: f\n  why: w\n" + endScene)
        let diagnostic = result.diagnostics.first { $0.code == .unknownVariable }!
        #expect(diagnostic.location.column == 5)
        let rendered = DiagnosticRenderer.text(diagnostic, sources: result.sources).split(separator: "\n")
        #expect(rendered[1] == " 7 | 王王    {calmm} 🚓")
        #expect(rendered[2] == "   |          ^^^^^")
    }

    @Test func jsonOutputEscapesText() {
        let diagnostic = Diagnostic(.badValue, "say \"hi\"\n", at: SourceLocation(file: "a.ride", line: 2, column: 3), hint: nil)
        #expect(DiagnosticRenderer.json([diagnostic]) == """
        [{"file":"a.ride","line":2,"column":3,"length":1,"severity":"error","code":"E103","message":"say \\"hi\\"\\n","hint":null}]

        """)
    }
}

@Suite("Diagnostics do not cascade")
struct CascadeTests {
    private func codes(_ body: String) -> [DiagnosticCode] {
        Fixtures.compile(Fixtures.module(body)).diagnostics.filter { $0.severity == .error }.map(\.code)
    }

    @Test func aBadTargetIsNotAlsoAMissingTarget() {
        #expect(codes("=== a ===\n* go: Go.\n  -> front door\n=== done ===\n@end resolved: Done") == [.badIdentifier])
    }

    @Test func aBadTimerIsNotAlsoAMissingTimer() {
        let found = codes("=== a ===\n@timer 15 seconds\n* go: Go.\n  on timeout\n  -> done\n* stay: Stay.\n  -> done\n=== done ===\n@end resolved: Done")
        #expect(found == [.badTimer])
    }

    @Test func aTimerWithoutADecisionIsNotAlsoMissingItsTimeoutChoice() {
        #expect(codes("=== a ===\n* go: Go.\n  -> done\n=== done ===\n@timer 10s\n@end resolved: Done") == [.badTimer])
    }

    /// Warnings too: a score line with bad points still names its competency.
    @Test func aScoreWithBadPointsIsNotAlsoACompetencyNeverScored() {
        let diagnostics = Fixtures.compile(Fixtures.module("=== a ===\n* go: Go.\n  -> done\n  score comm.listen lots\n=== done ===\n@end resolved: Done"))
            .diagnostics
        #expect(diagnostics.contains { $0.code == .badScore })
        #expect(!diagnostics.contains { $0.code == .competencyNeverScored && $0.message.contains("'comm.listen'") })
    }

    @Test func anUnknownDivertIsNotAlsoADeadEnd() {
        #expect(codes("=== a ===\n-> radio_chek\n=== done ===\n@end resolved: Done") == [.unknownScene])
    }

    @Test func aChoiceConditionTypeErrorPointsAtTheCondition() {
        let result = Fixtures.compile(Fixtures.module("=== a ===\n* go: Go.\n  -> done\n  if caller\n=== done ===\n@end resolved: Done",
                                                      header: "var caller = \"Mrs. Okafor\""))
        let diagnostic = result.diagnostics.first { $0.code == .typeMismatch }
        #expect(diagnostic?.location.line == 9)
        #expect(diagnostic?.location.column == 6)
    }

    @Test func repeatedIdsAndClashesAreReportedInTheOrderTheyAreWritten() {
        let body = """
        === s1 ===
        * a1: One
          -> s2
        * a2: Two
          -> s2
        === s2 ===
        * a2: Again
          -> s1
        * calm: Clash
          -> s1
        === s1 ===
        * a1: Repeated
          -> s2
        === a2 ===
        * x: X
          -> s2
        """
        let found = Fixtures.compile(Fixtures.module(body, header: "var calm = 0\nvar a1 = 0")).diagnostics
            .filter { [.duplicateScene, .duplicateChoice, .nameClash].contains($0.code) }
        #expect(found.map(\.code) == [.nameClash, .duplicateChoice, .nameClash, .duplicateScene, .duplicateChoice, .nameClash, .nameClash])
        #expect(found.map(\.location.line) == found.map(\.location.line).sorted())
    }

    @Test func ofEquallyCloseNamesTheHintSuggestsTheAlphabeticallyFirstInAnyOrder() {
        #expect(Suggestion.closest(to: "s1x", among: ["s12", "s10", "s11"]) == "s10")
        #expect(Suggestion.closest(to: "s1x", among: ["s10", "s12", "s11"]) == "s10")
        #expect(Suggestion.closest(to: "s1x", among: ["s1", "s12"]) == "s1")
    }
}
