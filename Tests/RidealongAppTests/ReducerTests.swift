import Testing
@testable import RidealongApp
import ScenarioKit
import TerminalKit

@Suite("Reducer: what each key does")
struct ReducerTests {
    @Test func signInNeedsAnIdAndAName() {
        var app = Harness(signedIn: false)
        app.press(.enter)
        guard case .signIn(let form) = app.state.screen else { Issue.record("left sign-in"); return }
        #expect(form.error != nil)
        app.type("T-9")
        app.press(.enter)
        app.type("Lee Park")
        app.press(.enter)
        #expect(app.state.trainee == Trainee(id: "T-9", name: "Lee Park"))
        #expect(app.effects == [.signIn(Trainee(id: "T-9", name: "Lee Park"))])
        guard case .courses = app.state.screen else { Issue.record("not on the course list"); return }
    }

    @Test func signInRejectsIdsWithSpaces() {
        var app = Harness(signedIn: false)
        app.type("T 9")
        app.press(.tab)
        app.type("Lee")
        app.press(.enter)
        #expect(app.state.trainee == nil)
    }

    @Test func lockedModulesSayWhatComesFirst() {
        var app = Harness()
        app.press(.down, .enter, .enter)
        #expect(app.state.notice == "Complete porch first.")
        #expect(app.play == nil)
    }

    @Test func choosingByNumberSavesProgressAndShowsFeedback() throws {
        var app = Harness()
        app.open(row: 0)
        app.press(.character("1"))
        let play = try #require(app.play)
        #expect(play.feedback?.choiceID == "introduce")
        guard case .saveProgress(let info, let record, _)? = app.effects.last else { Issue.record("no save"); return }
        #expect(info.reference == ModuleReference(course: "demo", module: "porch"))
        #expect(record.progress.steps == [PathStep(choiceID: "introduce")])
        #expect(app.text.contains("What happened"))
        #expect(app.text.contains("Why it matters"))
    }

    @Test func disabledChoicesExplainThemselvesAndAreNotTaken() throws {
        var app = Harness()
        app.open(row: 0)
        app.press(.character("3"))
        #expect(app.state.notice == "Not available: You have not spoken to him yet.")
        #expect(try #require(app.play).playthrough.steps.isEmpty)
    }

    @Test func arrowsAndEnterChooseToo() throws {
        var app = Harness()
        app.open(row: 0)
        app.press(.down, .enter)
        #expect(try #require(app.play).playthrough.steps.last?.choiceID == "demand")
    }

    @Test func theTimerTakesTheFallbackWhenItRunsOut() throws {
        var app = Harness()
        app.open(row: 0)
        app.press(.character("1"), .enter)
        #expect(try #require(app.play).timerDeadline == app.now + 10)
        app.wait(9.9)
        #expect(try #require(app.play).playthrough.steps.count == 1)
        app.wait(0.2)
        let play = try #require(app.play)
        #expect(play.playthrough.steps.last == PathStep(choiceID: "freeze", timedOut: true))
        #expect(play.playthrough.isFinished)
    }

    @Test func timersOffMeansNoTimeout() throws {
        var app = Harness()
        app.state.settings.timersEnabled = false
        app.open(row: 0)
        app.press(.character("1"), .enter)
        app.wait(60)
        #expect(try #require(app.play).playthrough.steps.count == 1)
    }

    @Test func finishingRecordsTheAttemptAndOpensTheDebrief() throws {
        var app = Harness()
        app.open(row: 0)
        app.press(.character("1"), .enter, .character("1"))
        guard case .completeModule(_, let attempt, _, let decisions)? = app.effects.last else { Issue.record("no completion"); return }
        #expect(attempt.passed && attempt.attempts == 1 && decisions.count == 2)
        app.press(.enter, .enter)
        guard case .debrief = app.state.screen else { Issue.record("no debrief"); return }
        #expect(app.text.contains("PASSED ✓"))
    }

    @Test func practiseFromADecisionIsNotGraded() throws {
        var app = Harness()
        app.open(row: 0)
        app.press(.character("2"), .enter, .character("2"), .enter, .enter)
        app.press(.down, .character("p"))
        let play = try #require(app.play)
        #expect(play.isPractice)
        #expect(play.playthrough.steps.map(\.choiceID) == ["demand"])
        let before = app.effects.count
        app.press(.character("1"), .enter)
        #expect(!app.effects.dropFirst(before).contains { if case .completeModule = $0 { true } else { false } })
    }

    @Test func quitAsksFirstAndInterruptQuitsAtOnce() {
        var app = Harness()
        app.press(.character("q"))
        #expect(app.state.overlay == .confirmQuit)
        app.press(.character("n"))
        #expect(app.state.overlay == nil && !app.state.isFinished)
        app.press(.interrupt)
        #expect(app.state.isFinished)
        #expect(app.effects.last == .quit)
    }

    @Test func resumesAtTheSavedDecision() throws {
        var first = Harness()
        first.open(row: 0)
        first.press(.character("1"))
        guard case .saveProgress(let info, let record, _)? = first.effects.last else { Issue.record("no save"); return }
        var second = Harness()
        _ = reduce(&second.state, .progressLoaded([info.reference: .inProgress(record)]))
        second.open(row: 0)
        let play = try #require(second.play)
        #expect(play.playthrough.steps == record.progress.steps)
        #expect(second.state.notice == "Resumed at decision 2.")
    }

    @Test func wellnessStepsRunInOrderAndStayPrivate() throws {
        var app = Harness()
        _ = reduce(&app.state, .progressLoaded([ModuleReference(course: "demo", module: "porch"): .completed(
            CompletedAttempt(overall: 1, passed: true, lowestRating: 7, outcome: "resolved", attempts: 1))]))
        app.open(row: 1)
        guard case .breathing? = try #require(app.play).step else { Issue.record("no breathing"); return }
        app.wait(4.1)
        guard case .checkIn? = try #require(app.play).step else { Issue.record("no check-in"); return }
        app.press(.character("3"))
        guard case .reflection? = try #require(app.play).step else { Issue.record("no reflection"); return }
        app.type("Long night. 長い夜")
        app.press(.enter)
        app.type("Call Sam.")
        app.press(.backspace, .tab)
        #expect(app.effects.contains { effect in
            if case .keepReflection(let info, "moment", "Long night. 長い夜\nCall Sam") = effect { return info.reference.module == "after" }
            return false
        })
        #expect(app.effects.contains { if case .recordWellness(_, "body", "check-in", _) = $0 { true } else { false } })
        #expect(try #require(app.play).step == nil)
        #expect(!app.text.contains("Long night"), "reflections are not echoed to the transcript")
    }
}

@Suite("Text editor for reflections")
struct TextEditorTests {
    @Test func editsWithWideCharactersAndCursorMovement() {
        var editor = TextEditor()
        for c in "日本ab" { _ = editor.apply(.character(c)) }
        _ = editor.apply(.left)
        _ = editor.apply(.left)
        _ = editor.apply(.backspace)
        #expect(editor.text == "日ab")
        _ = editor.apply(.enter)
        _ = editor.apply(.character("x"))
        _ = editor.apply(.up)
        _ = editor.apply(.end)
        _ = editor.apply(.delete)
        #expect(editor.text == "日xab")
    }

    @Test func aHugePasteStopsAtTheLimit() {
        var editor = TextEditor()
        for _ in 0..<(TextEditor.maximumCharacters + 500) { _ = editor.apply(.character("a")) }
        #expect(editor.characterCount == TextEditor.maximumCharacters)
    }
}

@Suite("FTO review area and play-as-you-write")
struct ReviewAreaTests {
    @Test func passwordThenRosterThenTrainee() {
        var app = Harness()
        app.press(.character("f"))
        guard case .review = app.state.screen else { Issue.record("no review area"); return }
        app.type("s3cret pass")
        #expect(!app.text.contains("s3cret"), "the password is never shown")
        app.press(.enter)
        #expect(app.effects.last == .openReview(password: "s3cret pass"))
        _ = reduce(&app.state, .reviewRefused("wrong FTO password; the next try waits 2 s"))
        #expect(app.text.contains("wrong FTO password"))
        _ = reduce(&app.state, .reviewPage(title: "Roster", lines: ["Roster — 2 trainees"], trainees: ["T-1", "T-2"]))
        app.press(.down, .enter)
        #expect(app.effects.last == .openTraineeReview("T-2"))
        _ = reduce(&app.state, .reviewPage(title: "T-2", lines: ["Daily observation report — T-2"], trainees: []))
        #expect(app.text.contains("Daily observation report"))
        app.press(.escape)
        #expect(app.text.contains("Roster — 2 trainees"))
        app.press(.escape)
        guard case .courses = app.state.screen else { Issue.record("Esc did not go back to the courses"); return }
    }

    @Test func aReloadedScriptReplaysTheChoicesSoFar() throws {
        var app = Harness()
        app.open(row: 0)
        app.press(.character("1"), .enter)
        let reference = ModuleReference(course: "demo", module: "porch")
        let scenario = try #require(app.state.catalog.module(reference)?.1.scenario)
        _ = reduce(&app.state, .scriptFailed(["porch.ride:3:1: error[E102]: unknown header line 'colour:'"]))
        #expect(app.text.contains("The script has 1 error"))
        _ = reduce(&app.state, .scriptReloaded(reference, scenario))
        #expect(app.state.scriptErrors.isEmpty)
        #expect(try #require(app.play).playthrough.steps.map(\.choiceID) == ["introduce"])
        #expect(app.state.notice == "Reloaded; replayed 1 choice.")
    }
}

@Suite("A fast first screen")
struct HeaderCatalogTests {
    @Test func theFirstScreenListsModulesFromTheirHeadersThenTheCompiledCatalogArrives() throws {
        let headers = Catalog.load(from: Harness.fixtures, headersOnly: true)
        #expect(headers.isHeadersOnly)
        #expect(headers.courses.flatMap(\.modules).map(\.title) == ["Music on the porch", "After the shift"])
        #expect(headers.courses.flatMap(\.modules).allSatisfy { $0.scenario == nil })
        var app = Harness(catalog: headers)
        #expect(app.text.contains("Music on the porch"))
        _ = reduce(&app.state, .catalogLoaded(Catalog.load(from: Harness.fixtures)))
        app.open(row: 0)
        #expect(try #require(app.play).playthrough.scenario.id == "porch")
    }
}
