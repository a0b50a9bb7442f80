import Testing
@testable import ScenarioKit

@Suite("Save and resume by replay")
struct ResumeTests {
    /// Every path of the sample module up to `depth` decisions, as the steps taken.
    private func allPaths(_ scenario: Scenario, depth: Int) -> [[PathStep]] {
        var finished: [[PathStep]] = []
        func walk(_ playthrough: Playthrough) {
            if playthrough.isFinished || playthrough.steps.count >= depth { finished.append(playthrough.steps); return }
            for option in playthrough.frame.options where option.isEnabled {
                walk(try! playthrough.choosing(option.id))
            }
            if playthrough.frame.timeoutChoiceID != nil {
                var copy = playthrough
                try! copy.timeout()
                walk(copy)
            }
        }
        walk(Playthrough(scenario: scenario, seed: 7))
        return finished
    }

    @Test func resumingFromEverySavedPrefixMatchesPlayingStraightThrough() throws {
        let scenario = try Fixtures.scenario(Fixtures.noise)
        let paths = allPaths(scenario, depth: 6)
        #expect(paths.count == 20)
        for path in paths {
            var straight = Playthrough(scenario: scenario, seed: 7)
            for prefixLength in 0...path.count {
                let saved = SavedProgress(moduleID: scenario.id, revision: scenario.revision, contentHash: scenario.contentHash, seed: 7,
                                          steps: Array(path.prefix(prefixLength)))
                let (resumed, divergence) = Playthrough.resume(saved, in: scenario)
                #expect(divergence == nil)
                #expect(resumed.state == straight.state)
                #expect(resumed.frame == straight.frame)
                #expect(resumed.tally == straight.tally)
                #expect(resumed.decisions == straight.decisions)
                guard prefixLength < path.count else { break }
                let step = path[prefixLength]
                if step.timedOut { try straight.timeout() } else { try straight.choose(step.choiceID) }
            }
        }
    }

    @Test func aChangedScriptReplaysByIdAndReportsTheFirstDivergence() throws {
        let original = try Fixtures.scenario(Fixtures.noise)
        var playthrough = Playthrough(scenario: original)
        try playthrough.choose("introduce")
        try playthrough.choose("thank")
        let saved = SavedProgress(of: playthrough)
        let edited = try Fixtures.scenario(Fixtures.noise.replacingOccurrences(of: "* thank:", with: "* thank_them:"))
        #expect(edited.contentHash != original.contentHash)
        let (resumed, divergence) = Playthrough.resume(saved, in: edited)
        #expect(resumed.steps.map(\.choiceID) == ["introduce"])
        #expect(divergence == Divergence(stepIndex: 1, choiceID: "thank", sceneID: "talk", reason: "there is no choice 'thank' in this module"))
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
