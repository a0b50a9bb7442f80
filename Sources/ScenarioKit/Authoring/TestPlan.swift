/// Instructor-written test plans (`MODULE.plan` next to a module): scripted choices with expected
/// lines, choices, variables, scores, ratings and endings, in the spirit of Yarn Spinner's test plans.
public struct TestPlan: Sendable {
    /// One line of a plan.
    public enum Step: Sendable, Equatable {
        case choose(String)
        case timeout
        case expectLine(String)
        case expectChoice(String, offered: Bool)
        case expectVariable(String, String)
        case expectScore(String, Int)
        case expectRating(String, Int?)
        case expectEnding(String)
        case expectPassed(Bool)
    }

    public var name: String
    public var location: SourceLocation
    public var steps: [(Step, SourceLocation)]

    /// Reads every plan in a file, reporting lines it does not understand.
    public static func parse(_ source: SourceText) -> ([TestPlan], [Diagnostic]) {
        var plans: [TestPlan] = [], diagnostics: [Diagnostic] = []
        for case let line? in ScriptLine.lines(of: source) where !line.isComment {
            let text = line.text
            let words = text.words().map(String.init)
            if words.first == "plan" {
                plans.append(TestPlan(name: String(line.after("plan")), location: line.location(), steps: []))
                continue
            }
            guard !plans.isEmpty else {
                diagnostics.append(Diagnostic(.missingFirstLine, "a test plan starts with `plan NAME`", at: line.location(), hint: "add `plan ideal path` above"))
                continue
            }
            if let step = step(words, text, line) {
                plans[plans.count - 1].steps.append((step, line.location()))
            } else {
                diagnostics.append(Diagnostic(.unknownDirective, "unknown test-plan step '\(text)'", at: line.location(), length: text.count,
                                              hint: "steps: choose ID, timeout, expect line \"…\", expect [no] choice ID, expect var NAME = VALUE, "
                                                  + "expect score COMP = N, expect rating COMP = N|N.O., expect ending CLASS, expect passed|failed"))
            }
        }
        return (plans, diagnostics)
    }

    private static func step(_ words: [String], _ text: Substring, _ line: ScriptLine) -> Step? {
        switch (words.first, words.count) {
        case ("choose", 2): return .choose(words[1])
        case ("timeout", 1): return .timeout
        case ("expect", _) where words.count >= 2:
            switch words[1] {
            case "line":
                let rest = line.after("expect").dropFirst(4).trimmingLeadingSpaces()
                guard rest.count >= 2, rest.first == "\"", rest.last == "\"" else { return nil }
                return .expectLine(String(rest.dropFirst().dropLast()))
            case "choice" where words.count == 3: return .expectChoice(words[2], offered: true)
            case "no" where words.count == 4 && words[2] == "choice": return .expectChoice(words[3], offered: false)
            case "var" where words.count >= 5 && words[3] == "=":
                var value = words[4...].joined(separator: " ")
                if value.count >= 2, value.first == "\"", value.last == "\"" { value = String(value.dropFirst().dropLast()) }
                return .expectVariable(words[2], value)
            case "score" where words.count == 5 && words[3] == "=":
                return Int(words[4].hasPrefix("+") ? String(words[4].dropFirst()) : words[4]).map { .expectScore(words[2], $0) }
            case "rating" where words.count == 5 && words[3] == "=":
                if words[4] == "N.O." { return .expectRating(words[2], nil) }
                return Int(words[4]).map { .expectRating(words[2], $0) }
            case "ending" where words.count == 3: return .expectEnding(words[2])
            case "passed" where words.count == 2: return .expectPassed(true)
            case "failed" where words.count == 2: return .expectPassed(false)
            default: return nil
            }
        default: return nil
        }
    }

    /// What running a plan found: nothing when it passed, else the first failing step and why.
    public struct Failure: Sendable, CustomStringConvertible {
        public var location: SourceLocation
        public var message: String
        public var description: String { "\(location): \(message)" }
    }

    /// Plays the plan against a scenario.
    public func run(on scenario: Scenario) -> Failure? {
        var playthrough = Playthrough(scenario: scenario)
        var shown = playthrough.frame.lines
        for (step, location) in steps {
            func fail(_ message: String) -> Failure { Failure(location: location, message: message) }
            switch step {
            case .choose(let id):
                do { try playthrough.choose(id) } catch {
                    return fail("cannot choose '\(id)': \(error) (offered: \(playthrough.frame.options.map(\.id).joined(separator: ", ")))")
                }
                shown = playthrough.frame.lines
            case .timeout:
                do { try playthrough.timeout() } catch { return fail("cannot time out: \(error)") }
                shown = playthrough.frame.lines
            case .expectLine(let text):
                let lines = shown.compactMap { line -> String? in
                    switch line {
                    case .narration(let t): t
                    case .speech(let speaker, let name, let t): "\(speaker): \(t) \(name): \(t)"
                    default: nil
                    }
                }
                if !lines.contains(where: { $0.contains(text) }) { return fail("no line shown since the last choice contains \"\(text)\"") }
            case .expectChoice(let id, let offered):
                let isOffered = playthrough.frame.options.contains { $0.id == id && $0.isEnabled }
                if isOffered != offered { return fail("choice '\(id)' is \(isOffered ? "" : "not ")offered") }
            case .expectVariable(let name, let expected):
                guard let index = scenario.variables.firstIndex(where: { $0.name == name }) else { return fail("there is no variable '\(name)'") }
                let actual = playthrough.state.values[index].description
                if actual != expected { return fail("variable '\(name)' is \(actual), not \(expected)") }
            case .expectScore(let competency, let expected):
                guard let index = scenario.competencies.firstIndex(where: { $0.id == competency }) else {
                    return fail("competency '\(competency)' is not scored in this module")
                }
                if playthrough.tally.earned[index] != expected { return fail("'\(competency)' has \(playthrough.tally.earned[index]) points, not \(expected)") }
            case .expectRating(let competency, let expected):
                guard let entry = playthrough.scorecard.entries.first(where: { $0.competency.id == competency }) else {
                    return fail("competency '\(competency)' is not scored in this module")
                }
                if entry.rating != expected {
                    return fail("'\(competency)' is rated \(entry.rating.map(String.init) ?? "N.O."), not \(expected.map(String.init) ?? "N.O.")")
                }
            case .expectEnding(let outcome):
                guard let ending = playthrough.ending else { return fail("the scenario has not ended (scene '\(playthrough.frame.sceneID)')") }
                if ending.outcome.rawValue != outcome { return fail("it ended \(ending.outcome.rawValue), not \(outcome)") }
            case .expectPassed(let expected):
                if playthrough.scorecard.passed != expected { return fail("the module is \(playthrough.scorecard.passed ? "passed" : "failed")") }
            }
        }
        return nil
    }
}
