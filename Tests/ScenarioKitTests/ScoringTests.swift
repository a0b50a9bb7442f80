import Testing
@testable import ScenarioKit

@Suite("Scoring and ratings")
struct ScoringTests {
    @Test func idealPathScoresFullMarksAndPasses() throws {
        var playthrough = Playthrough(scenario: try Fixtures.scenario(Fixtures.noise))
        try playthrough.choose("introduce")
        try playthrough.choose("thank")
        let card = playthrough.scorecard
        let listen = card.entries.first { $0.competency.id == "comm.listen" }!
        #expect(listen.earned == 3 && listen.available == 3 && listen.score == 1 && listen.rating == 7)
        let respect = card.entries.first { $0.competency.id == "pj.respect" }!
        #expect(respect.earned == 3 && respect.available == 3)
        #expect(card.passed)
        #expect(card.overall == 6.0 / 7.0, "the radio check offered a safety point the ideal path did not take")
    }

    @Test func competenciesNeverExercisedAreNotObserved() throws {
        var playthrough = Playthrough(scenario: try Fixtures.scenario(Fixtures.noise))
        try playthrough.choose("introduce")
        try playthrough.choose("thank")
        let safety = playthrough.scorecard.entries.first { $0.competency.id == "safety.tactics" }!
        #expect(safety.available == 1)
        #expect(safety.score == 0)
        let unexercised = Scorecard(tally: ScoreTally(competencyCount: 3), competencies: Fixtures.catalogue, rules: .standard)
        #expect(unexercised.entries.allSatisfy { $0.rating == nil && $0.score == nil })
        #expect(unexercised.overall == nil)
    }

    @Test func criticalErrorsCapTheRatingAndFail() throws {
        var playthrough = Playthrough(scenario: try Fixtures.scenario(Fixtures.noise))
        try playthrough.choose("introduce")
        try playthrough.choose("cite")
        let card = playthrough.scorecard
        let respect = card.entries.first { $0.competency.id == "pj.respect" }!
        #expect(respect.earned == 1 && respect.available == 3)
        #expect(respect.rating == 2)
        #expect(!respect.cappedByCriticalError, "a rating already at the cap is not lowered")
        #expect(!card.passed)
        #expect(card.criticalErrors.count == 1)
    }

    @Test func aCriticalErrorLowersAnOtherwiseHighRating() throws {
        var playthrough = Playthrough(scenario: try Fixtures.scenario(Fixtures.module("""
        === start ===
        * rush: Rush in alone.
          -> done
          score safety.tactics +2
          critical safety.tactics: Entered alone without cover
          feedback: f
          why: w
        === done ===
        @end escalated: Done
        """)))
        try playthrough.choose("rush")
        let safety = playthrough.scorecard.entries.first { $0.competency.id == "safety.tactics" }!
        #expect(safety.score == 1)
        #expect(safety.rating == 2)
        #expect(safety.cappedByCriticalError)
        #expect(!playthrough.scorecard.passed)
    }

    @Test(arguments: [(0.0, 1), (0.29, 1), (0.30, 2), (0.5, 3), (0.69, 4), (0.70, 5), (0.85, 6), (0.9, 7), (1.0, 7)])
    func standardBands(score: Double, rating: Int) {
        #expect(RatingRules.standard.rating(for: score) == rating)
    }
}
