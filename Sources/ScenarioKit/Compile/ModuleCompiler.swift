import Dispatch

/// Turns parsed module syntax (the module and the files it includes) into a `Scenario`, resolving every
/// name and reporting every problem it finds.
struct ModuleCompiler {
    struct Input {
        var module: ModuleSyntax
        var includes: [ModuleSyntax]
        var catalogue: [Competency]
        var rules: RatingRules
        var sourceTexts: [String]
        var file: String
    }

    private var diagnostics: [Diagnostic] = []
    private var variables: [VariableDeclaration] = []
    private var variableIndex: [String: Int] = [:]
    private var sceneIndex: [String: Int] = [:]
    private var choiceIndex: [String: Int] = [:]
    private var speakers: [String: String] = [:]
    private var competencyIndex: [String: Int] = [:]
    private var competencies: [Competency] = []
    private var catalogueIDs: Set<String> = []
    /// What the scenes and choices compiled so far read and lead to (each compiling thread keeps its own).
    private var facts = ScenarioFacts(variables: 0, competencies: 0)

    /// Compiles `input`, freeing its scenes as they are compiled.
    static func compile(_ input: consuming Input) -> (Scenario?, [Diagnostic]) {
        var compiler = ModuleCompiler()
        let scenario = compiler.run(input)
        return (scenario, compiler.diagnostics)
    }

    private mutating func report(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, length: Int = 1, hint: String? = nil) {
        diagnostics.append(Diagnostic(code, message, at: location, length: length, hint: hint))
    }

    private mutating func run(_ input: consuming Input) -> Scenario? {
        declareCompetencies(input)
        for syntax in [input.module] + input.includes {
            for (id, name) in syntax.speakers {
                if speakers[id.value] != nil {
                    report(.nameClash, "speaker '\(id.value)' is declared twice", at: id.location, length: id.value.count, hint: "keep one declaration")
                }
                speakers[id.value] = name
            }
            for (name, value) in syntax.variables {
                if variableIndex[name.value] != nil {
                    report(.duplicateVariable, "variable '\(name.value)' is declared twice", at: name.location, length: name.value.count,
                           hint: "keep one `var` line, or rename one of them")
                    continue
                }
                variableIndex[name.value] = variables.count
                variables.append(VariableDeclaration(name: name.value, initial: value, location: name.location))
            }
        }
        // The runs leave the input, so each is held once and freed by the thread that compiles it.
        var runs = input.module.sceneRuns
        input.module.sceneRuns = []
        for index in input.includes.indices {
            runs += input.includes[index].sceneRuns
            input.includes[index].sceneRuns = []
        }
        indexScenesAndChoices(runs)
        let (scenes, choices, facts) = compileScenes(consume runs)
        for name in input.module.competencies {
            guard let index = competencyIndex[name.value], !facts.scoresCompetency[index] else { continue }
            diagnostics.append(Diagnostic(.competencyNeverScored, "competency '\(name.value)' is listed but no choice scores it", at: name.location,
                                          length: name.value.count, hint: "add `score \(name.value) +1` to a choice, or remove it from `competencies:`"))
        }
        guard !scenes.isEmpty else {
            if let id = input.module.id, !id.value.isEmpty {
                report(.noWayOut, "the module has no scenes", at: id.location, length: id.value.count,
                       hint: "add a scene: `=== start ===` with some narration and choices")
            }
            return nil
        }
        var start = 0
        if let named = input.module.start {
            if let index = sceneIndex[named.value] { start = index } else {
                report(.unknownScene, "start scene '\(named.value)' does not exist", at: named.location, length: named.value.count,
                       hint: Suggestion.hint(for: named.value, among: sceneIndex.keys, otherwise: "name a scene of this module"))
            }
        }
        if input.module.title == nil, let id = input.module.id {
            report(.missingDeclaration, "the module has no `title:`", at: id.location, length: max(1, id.value.count),
                   hint: "add `title: …` to the header: trainees see it in the course list")
        }
        return Scenario(
            id: input.module.id?.value ?? "", title: input.module.title ?? input.module.id?.value ?? "", revision: input.module.revision,
            minutes: input.module.minutes, feedbackMode: input.module.feedbackMode, objectives: input.module.objectives,
            competencies: competencies, speakers: speakers, variables: variables, scenes: scenes, choices: choices, start: start,
            rules: input.rules, fingerprint: ContentFingerprint(texts: input.sourceTexts), file: input.file,
            sceneIndex: sceneIndex, choiceIndex: choiceIndex, tracking: Tracking.compute(facts: facts, scenes: scenes.count, choices: choices.count),
            facts: facts)
    }

    /// Compiles the runs of scenes and their choices on several threads (names are all indexed by now,
    /// so a run only reads the compiler's tables and reports into its own list, joined in order). Each
    /// thread frees the syntax of the run it compiled and notes the facts of its run; they are joined in order.
    private mutating func compileScenes(_ runs: consuming [[SceneSyntax]]) -> ([Scene], [Choice], ScenarioFacts) {
        var sceneCount = 0, choiceCount = 0
        let starts = runs.indices.map { run in
            defer {
                sceneCount += runs[run].count
                for scene in runs[run].indices { choiceCount += runs[run][scene].choices.count }
            }
            return (scene: sceneCount, choice: choiceCount)
        }
        let jobs = runs.count
        let inputs = ParallelResults(consume runs)
        let results = ParallelResults<(scenes: [Scene], choices: [Choice], diagnostics: [Diagnostic], facts: ScenarioFacts)>(count: jobs)
        var base = self
        base.diagnostics = []
        base.facts = ScenarioFacts(variables: variables.count, competencies: competencies.count)
        base.typeChecker = makeTypeChecker()
        let compiler = base
        DispatchQueue.concurrentPerform(iterations: jobs) { chunk in
            var syntax = inputs.take(at: chunk)
            var worker = compiler
            var scenes: [Scene] = [], choices: [Choice] = []
            scenes.reserveCapacity(syntax.count)
            var nextChoice = starts[chunk].choice
            let emptied = SceneSyntax(id: Located("", at: SourceLocation(fileID: 0, line: 0, column: 0)),
                                      endLocation: SourceLocation(fileID: 0, line: 0, column: 0))
            for position in syntax.indices {
                // Moved out of the run (this thread's alone) rather than copied, and freed once compiled.
                let sceneSyntax = exchange(&syntax[position], with: emptied)
                let index = starts[chunk].scene + position
                let choiceIndices = Array(nextChoice..<(nextChoice + sceneSyntax.choices.count))
                nextChoice += choiceIndices.count
                let scene = worker.compileScene(sceneSyntax, index: index, choiceIndices: choiceIndices)
                for (choiceNumber, choiceIndex) in choiceIndices.enumerated() {
                    choices.append(worker.compileChoice(sceneSyntax.choices[choiceNumber], index: choiceIndex, scene: index,
                                                        hasTimer: sceneSyntax.hasTimerLine))
                }
                worker.checkStructure(sceneSyntax, scene: scene)
                scenes.append(scene)
            }
            results.store((scenes, choices, worker.diagnostics, worker.facts), at: chunk)
        }
        var scenes: [Scene] = [], choices: [Choice] = []
        scenes.reserveCapacity(sceneCount)
        choices.reserveCapacity(choiceCount)
        var facts = base.facts
        for chunk in results.values {
            scenes += chunk.scenes
            choices += chunk.choices
            diagnostics += chunk.diagnostics
            facts.merge(chunk.facts)
        }
        return (scenes, choices, facts)
    }

    // MARK: Declarations

    private mutating func declareCompetencies(_ input: Input) {
        var catalogue = input.catalogue
        for declaration in input.module.competencyDeclarations where !catalogue.contains(where: { $0.id == declaration.id.value }) {
            catalogue.append(Competency(id: declaration.id.value, label: declaration.label, ftoCategory: declaration.ftoCategory))
        }
        catalogueIDs = Set(catalogue.map(\.id))
        let listed = input.module.competencies
        let used: [Competency]
        if listed.isEmpty {
            // Stops reading once every competency of the catalogue is known to be scored.
            var scored = Set<String>(), scoredInCatalogue = 0
            func note(_ name: String) {
                if scored.insert(name).inserted, catalogueIDs.contains(name) { scoredInCatalogue += 1 }
            }
            reading: for syntax in [input.module] + input.includes {
                for run in syntax.sceneRuns.indices {
                    for scene in syntax.sceneRuns[run].indices {
                        for choice in syntax.sceneRuns[run][scene].choices.indices {
                            if scoredInCatalogue == catalogueIDs.count { break reading }
                            for (name, _) in syntax.sceneRuns[run][scene].choices[choice].scores { note(name.value) }
                            for (name, _) in syntax.sceneRuns[run][scene].choices[choice].criticalErrors { note(name.value) }
                        }
                    }
                }
            }
            used = catalogue.filter { scored.contains($0.id) }
        } else {
            var chosen: [Competency] = []
            for name in listed {
                guard let competency = catalogue.first(where: { $0.id == name.value }) else {
                    report(.unknownCompetency, "competency '\(name.value)' is not in the course catalogue", at: name.location,
                           length: name.value.count,
                           hint: Suggestion.hint(for: name.value, among: catalogue.map(\.id),
                                                 otherwise: "declare it in course.ride: `competency \(name.value) \"Label\" fto \"Category\"`"))
                    continue
                }
                if !chosen.contains(competency) { chosen.append(competency) }
            }
            used = chosen
        }
        competencies = used
        for (index, competency) in used.enumerated() { competencyIndex[competency.id] = index }
    }

    /// Indexes scene ids and choice ids side by side, reporting repeats and clashes in the order one pass
    /// over the scenes and their choices would meet them.
    private mutating func indexScenesAndChoices(_ runs: [[SceneSyntax]]) {
        typealias Found = (order: (scene: Int, choice: Int, check: Int), diagnostic: Diagnostic)
        let scenes = ParallelResults<(index: [String: Int], found: [Found])>(count: 1)
        let choices = ParallelResults<(index: [String: Int], found: [Found])>(count: 1)
        let variableIndex = variableIndex
        DispatchQueue.concurrentPerform(iterations: 2) { job in
            var index: [String: Int] = [:], found: [Found] = []
            var next = 0, scene = 0
            if job == 0 {
                index.reserveCapacity(runs.reduce(0) { $0 + $1.count })
                for run in runs.indices {
                    for sceneNumber in runs[run].indices {
                        let id = runs[run][sceneNumber].id
                        // One hash for a new id; a repeated one (rare) keeps the first scene's index, as an empty id does not.
                        if let first = index.updateValue(next, forKey: id.value), !id.value.isEmpty {
                            index[id.value] = first
                            found.append(((next, -1, 0), Diagnostic(.duplicateScene, "scene '\(id.value)' is defined twice", at: id.location,
                                                                     length: id.value.count,
                                                                     hint: "scene ids must be unique in a module and its includes; rename one")))
                        }
                        next += 1
                    }
                }
                return scenes.store((index, found), at: 0)
            }
            index.reserveCapacity(runs.reduce(0) { total, run in run.reduce(total) { $0 + $1.choices.count } })
            for run in runs.indices {
                for sceneNumber in runs[run].indices {
                    for choiceNumber in runs[run][sceneNumber].choices.indices {
                        let id = runs[run][sceneNumber].choices[choiceNumber].id
                        if let first = index.updateValue(next, forKey: id.value), !id.value.isEmpty {
                            index[id.value] = first
                            found.append(((scene, choiceNumber, 0), Diagnostic(.duplicateChoice, "choice id '\(id.value)' is used twice", at: id.location,
                                                                                length: id.value.count,
                                                                                hint: "choice ids are stable record keys and must be unique in a module; rename one")))
                        }
                        next += 1
                        if variableIndex[id.value] != nil {
                            found.append(((scene, choiceNumber, 1), Diagnostic(.nameClash, "'\(id.value)' names both a choice and a variable", at: id.location,
                                                                                length: id.value.count, hint: "rename the choice or the variable")))
                        }
                    }
                    scene += 1
                }
            }
            choices.store((index, found), at: 0)
        }
        let (sceneResult, choiceResult) = (scenes.take(at: 0), choices.take(at: 0))
        sceneIndex = sceneResult.index
        choiceIndex = choiceResult.index
        diagnostics += (sceneResult.found + choiceResult.found).sorted { $0.order < $1.order }.map(\.diagnostic)
        for scenes in runs {
            for sceneNumber in scenes.indices {
                let id = scenes[sceneNumber].id
                guard variableIndex[id.value] != nil || (choiceIndex[id.value] != nil && !id.value.isEmpty) else { continue }
                report(.nameClash, "'\(id.value)' names both a scene and a \(variableIndex[id.value] != nil ? "variable" : "choice")",
                       at: id.location, length: id.value.count,
                       hint: "expressions read scene and choice ids as counts, so every name must be unique; rename one")
            }
        }
    }

    // MARK: Expressions

    private mutating func resolve(_ expression: Expression) -> Expression {
        var problems: [Diagnostic] = []
        let resolved = expression.resolving { name, location in
            if let index = variableIndex[name] { return .variable(index) }
            if let index = sceneIndex[name] { return .sceneVisits(index) }
            if let index = choiceIndex[name] { return .choiceCount(index) }
            problems.append(Diagnostic(.unknownVariable, "'\(name)' is not a variable, scene or choice", at: location, length: name.count,
                                       hint: Suggestion.hint(for: name, among: Array(variableIndex.keys) + Array(sceneIndex.keys) + Array(choiceIndex.keys),
                                                             otherwise: "declare it in the header: `var \(name) = false`")))
            return .name(name, location)
        }
        diagnostics += problems
        facts.note(resolved)
        return resolved
    }

    /// Types names by the declarations and indices as they stand; made once every name is indexed (see
    /// `compileScenes`) rather than for each expression.
    private var typeChecker = TypeChecker { _ in nil }

    private func makeTypeChecker() -> TypeChecker {
        let variables = variables, variableIndex = variableIndex, sceneIndex = sceneIndex, choiceIndex = choiceIndex
        return TypeChecker { name in
            if let index = variableIndex[name] { return variables[index].initial.type }
            return sceneIndex[name] != nil || choiceIndex[name] != nil ? .int : nil
        }
    }

    private mutating func condition(_ expression: Expression, at location: SourceLocation) -> Expression {
        let resolved = resolve(expression)
        if let type = typeChecker.type(of: expression, at: location, diagnostics: &diagnostics), type == .string {
            report(.typeMismatch, "a condition must be true/false or a number, not a string", at: location,
                   hint: "compare the string instead, e.g. `mood == \"calm\"`")
        }
        return resolved
    }

    private mutating func assignment(_ syntax: AssignmentSyntax) -> Assignment? {
        guard let index = variableIndex[syntax.name.value] else {
            report(.unknownVariable, "variable '\(syntax.name.value)' is not declared", at: syntax.name.location, length: syntax.name.value.count,
                   hint: Suggestion.hint(for: syntax.name.value, among: variableIndex.keys, otherwise: "declare it in the header: `var \(syntax.name.value) = 0`"))
            return nil
        }
        let value = resolve(syntax.value)
        let target = variables[index].initial.type
        if let type = typeChecker.type(of: syntax.value, at: syntax.location, diagnostics: &diagnostics) {
            if type != target {
                report(.typeMismatch, "'\(syntax.name.value)' holds \(target.spelled) but is given \(type.spelled)", at: syntax.location,
                       hint: "its starting value `\(variables[index].initial)` fixes its type")
            } else if syntax.operation != .set, target != .int {
                report(.typeMismatch, "'\(syntax.operation.rawValue)' works on whole numbers; '\(syntax.name.value)' holds \(target.spelled)",
                       at: syntax.location, hint: "use `=` to set it")
            }
        }
        return Assignment(variable: index, operation: syntax.operation, value: value)
    }

    /// The parts with their interpolations resolved; parts without any are shared, not copied.
    private mutating func text(_ parts: [TextPart], at location: SourceLocation) -> [TextPart] {
        guard parts.contains(where: { if case .interpolation = $0 { true } else { false } }) else { return parts }
        return parts.map { part in
            guard case .interpolation(let expression) = part else { return part }
            let resolved = resolve(expression)
            _ = typeChecker.type(of: expression, at: location, diagnostics: &diagnostics)
            return .interpolation(resolved)
        }
    }

    private mutating func scene(_ name: Located<String>) -> Int? {
        if let index = sceneIndex[name.value] { return index }
        report(.unknownScene, "there is no scene '\(name.value)'", at: name.location, length: name.value.count,
               hint: Suggestion.hint(for: name.value, among: sceneIndex.keys, otherwise: "add `=== \(name.value) ===` or correct the name"))
        return nil
    }

    // MARK: Scenes and choices

    private mutating func compileScene(_ syntax: borrowing SceneSyntax, index: Int, choiceIndices: [Int]) -> Scene {
        var content: [ContentItem] = [], locations: [SourceLocation] = []
        content.reserveCapacity(syntax.content.count)
        locations.reserveCapacity(syntax.content.count)
        for item in syntax.content {
            if let (compiled, location) = contentItem(item) {
                facts.noteLinks(of: compiled, from: index)
                content.append(compiled)
                locations.append(location ?? syntax.id.location)
            }
        }
        var ending: Ending?
        if let endingSyntax = syntax.ending {
            if let outcome = Outcome(rawValue: endingSyntax.outcome.value) {
                ending = Ending(outcome: outcome, title: endingSyntax.title, debrief: endingSyntax.debrief)
            } else {
                report(.unknownOutcome, "'\(endingSyntax.outcome.value)' is not an outcome class", at: endingSyntax.outcome.location,
                       length: endingSyntax.outcome.value.count,
                       hint: Suggestion.hint(for: endingSyntax.outcome.value, among: Outcome.allCases.map(\.rawValue),
                                             otherwise: "use one of: " + Outcome.allCases.map(\.rawValue).joined(separator: ", ")))
                ending = Ending(outcome: .completed, title: endingSyntax.title, debrief: endingSyntax.debrief)
            }
        }
        return Scene(id: syntax.id.value, index: index, location: syntax.id.location, content: content, contentLocations: locations,
                     choiceIndices: choiceIndices, timerSeconds: syntax.timer?.value, ending: ending)
    }

    private mutating func contentItem(_ item: ContentSyntax) -> (ContentItem, SourceLocation?)? {
        switch item {
        case .paragraphBreak: return (.paragraphBreak, nil)
        case .narration(let parts, let leadingName, let afterName, let location):
            if let name = leadingName {
                if speakers[name.value] != nil { return (.speech(speaker: name.value, text(afterName, at: location)), location) }
                if name.value.count >= 2, name.value.allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "_" }) {
                    report(.unknownSpeaker, "speaker '\(name.value)' is not declared", at: name.location, length: name.value.count,
                           hint: Suggestion.hint(for: name.value, among: speakers.keys,
                                                 otherwise: "declare it in the header: `speaker \(name.value) \"Name\"`"))
                    return nil
                }
            }
            return (.narration(text(parts, at: location)), location)
        case .assignment(let syntax):
            return assignment(syntax).map { (.assignment($0), syntax.location) }
        case .conditional(let expression, let inner, let location):
            let resolved = condition(expression, at: location)
            guard let (compiled, _) = contentItem(inner) else { return nil }
            return (.conditional(resolved, compiled), location)
        case .divert(let name): return scene(name).map { (.divert($0), name.location) }
        case .call(let name): return scene(name).map { (.call($0), name.location) }
        case .returnFromCall(let location): return (.returnFromCall, location)
        case .breathe(let cycles, let pattern, let location):
            return (.breathe(BreathingExercise(cycles: cycles, pattern: pattern)), location)
        case .reflect(let id, let prompt): return (.reflect(id: id.value, prompt: prompt), id.location)
        case .checkIn(let id, let question, let options): return (.checkIn(id: id.value, question: question, options: options), id.location)
        }
    }

    private mutating func competency(_ name: Located<String>) -> Int? {
        if let index = competencyIndex[name.value] { return index }
        if catalogueIDs.contains(name.value) {
            report(.competencyNotListed, "competency '\(name.value)' is not in this module's `competencies:` line", at: name.location,
                   length: name.value.count, hint: "add it to `competencies:` in the module header")
        } else {
            report(.unknownCompetency, "there is no competency '\(name.value)'", at: name.location, length: name.value.count,
                   hint: Suggestion.hint(for: name.value, among: catalogueIDs,
                                         otherwise: "declare it in course.ride: `competency \(name.value) \"Label\" fto \"Category\"`"))
        }
        return nil
    }

    private mutating func compileChoice(_ syntax: borrowing ChoiceSyntax, index: Int, scene: Int, hasTimer: Bool) -> Choice {
        var target = ChoiceTarget.returnFromCall
        switch syntax.target {
        case .scene(let name)?: target = self.scene(name).map { .scene($0) } ?? target
        case .callThen(let sub, let then)?:
            if let subIndex = self.scene(sub), let thenIndex = self.scene(then) { target = .callThen(sub: subIndex, then: thenIndex) }
        case .returnFromCall?: target = .returnFromCall
        case nil:
            if !syntax.id.value.isEmpty, !syntax.hasTargetLine {
                report(.choiceWithoutTarget, "choice '\(syntax.id.value)' does not say where it leads", at: syntax.id.location,
                       length: syntax.id.value.count, hint: "add a line `-> scene` under the choice")
            }
        }
        if syntax.isTimeoutFallback, !hasTimer {
            report(.timeoutWithoutTimer, "choice '\(syntax.id.value)' is taken on timeout, but its scene has no `@timer`",
                   at: syntax.id.location, length: syntax.id.value.count, hint: "add `@timer 15s` to the scene, or remove `on timeout`")
        }
        let condition = syntax.condition.map { self.condition($0, at: syntax.conditionLocation ?? syntax.id.location) }
        if syntax.disabledReason != nil, condition == nil {
            report(.badValue, "a reason is given but no condition", at: syntax.id.location, hint: "write `if CONDITION else \"reason\"`")
        }
        // Sized once: `compactMap` grows its array one element at a time.
        var scores: [ScoreChange] = []
        scores.reserveCapacity(syntax.scores.count)
        for (name, points) in syntax.scores {
            if let competency = competency(name) { scores.append(ScoreChange(competency: competency, points: points)) }
        }
        let critical = syntax.criticalErrors.compactMap { name, text in
            competency(name).map { CriticalError(competency: $0, description: text) }
        }
        let choice = Choice(id: syntax.id.value, index: index, sceneIndex: scene, location: syntax.id.location, isSticky: syntax.sticky,
                      text: text(syntax.text, at: syntax.id.location), target: target, condition: condition,
                      disabledReason: syntax.disabledReason, scores: scores, assignments: syntax.assignments.compactMap { assignment($0) },
                      feedback: syntax.feedback ?? "", rationale: syntax.rationale ?? "",
                      criticalErrors: critical, tags: syntax.tags, isIdeal: syntax.isIdeal, isTimeoutFallback: syntax.isTimeoutFallback)
        facts.note(choice)
        return choice
    }

    private mutating func checkStructure(_ syntax: borrowing SceneSyntax, scene: Scene) {
        let id = syntax.id
        if syntax.ending != nil, !syntax.choices.isEmpty {
            report(.endingWithChoices, "ending scene '\(id.value)' also has choices", at: syntax.choices[0].id.location,
                   hint: "an ending closes the scenario: move the choices to another scene or remove `@end`")
        }
        let exits = scene.content.firstIndex { item in
            if case .divert = item { return true }
            if case .returnFromCall = item { return true }
            return false
        }
        if let exits, exits < scene.content.count - 1 {
            let location = scene.contentLocations[exits + 1]
            diagnostics.append(Diagnostic(.unreachableLine, "this line comes after `->` and is never shown", at: location,
                                          hint: "move it above the divert, or into the scene the divert leads to"))
        }
        if let exits, !syntax.choices.isEmpty || syntax.ending != nil {
            report(.noWayOut, "scene '\(id.value)' leaves with `->` before its \(syntax.ending != nil ? "ending" : "choices")",
                   at: scene.contentLocations[exits], hint: "a scene ends in choices, a divert, a return or an ending: keep one")
        }
        if exits == nil, !syntax.hasExitLine, syntax.choices.isEmpty, syntax.ending == nil {
            report(.noWayOut, "scene '\(id.value)' is a dead end: no choices, no `->` and no `@end`", at: id.location, length: max(1, id.value.count),
                   hint: "add choices, a `-> next_scene` line, or `@end resolved: title`")
        }
        let fallbacks = syntax.choices.filter(\.isTimeoutFallback)
        if let timer = syntax.timer {
            // A timer with no decision to time is one mistake, not also a missing `on timeout` choice.
            if syntax.choices.isEmpty {
                report(.badTimer, "scene '\(id.value)' has a timer but no decision", at: timer.location, length: 6, hint: "remove `@timer`")
            } else if fallbacks.count != 1 {
                report(.timeoutChoiceCount, "timed scene '\(id.value)' has \(fallbacks.count) `on timeout` choices; it needs exactly one",
                       at: timer.location, length: 6, hint: "mark the choice taken when time runs out with `on timeout`")
            }
        }
    }
}
