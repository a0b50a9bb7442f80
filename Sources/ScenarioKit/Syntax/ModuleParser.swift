import Dispatch

/// Parses a module file (or a file it includes) into a syntax tree, recovering after every error so
/// one run reports them all.
struct ModuleParser {
    private var module = ModuleSyntax()
    /// The scenes this parser has read (its run of the file's scenes).
    private var scenes: [SceneSyntax] = []
    private var diagnostics: [Diagnostic] = []
    private var seenHeaderKeys: Set<String> = []
    private var blankBeforeNextLine = false
    private let isIncluded: Bool
    /// Reads a later run of scenes of a file whose header another parser reads.
    private let continuesScenes: Bool

    private init(isIncluded: Bool, continuesScenes: Bool = false) {
        self.isIncluded = isIncluded
        self.continuesScenes = continuesScenes
    }

    /// Raw lines per chunk below which a file is parsed on one thread.
    static let chunkLines = 2_048

    /// Parses `source`. Included files have no `module` line. With `headerOnly`, reads only the lines
    /// above the first scene.
    static func parse(_ source: SourceText, isIncluded: Bool = false, headerOnly: Bool = false) -> (ModuleSyntax, [Diagnostic]) {
        guard headerOnly else { return parse([(source, isIncluded)])[0] }
        var parser = ModuleParser(isIncluded: isIncluded)
        let header = 0..<(source.lines.firstIndex(where: isSceneHeader) ?? source.lines.count)
        parser.read(source, lines: header, headerOnly: true)
        return (parser.module, parser.diagnostics)
    }

    /// Parses several files at once.
    ///
    /// Large files are parsed in chunks: a scene header resets everything a parser carries from line to
    /// line, so every chunk after the first starts at one and reads whole scenes. The chunks of all the
    /// files share the machine's cores, so a module split into includes keeps every core busy to the end.
    static func parse(_ files: [(source: SourceText, isIncluded: Bool)]) -> [(ModuleSyntax, [Diagnostic])] {
        let chunked = files.map { chunks(of: $0.source) }
        // Taken in turns from each file (first chunks first), so threads working side by side mostly read
        // different files: every line of a file shares the file's text and counts references to it.
        let jobs = (0..<(chunked.map(\.count).max() ?? 0)).flatMap { chunk in
            chunked.indices.filter { chunk < chunked[$0].count }.map { (file: $0, chunk: chunk) }
        }
        let results = ParallelResults<ModuleParser>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let (file, chunk) = jobs[index]
            var parser = ModuleParser(isIncluded: files[file].isIncluded, continuesScenes: chunked[file][chunk].lowerBound > 0)
            parser.read(files[file].source, lines: chunked[file][chunk], headerOnly: false)
            results.store(parser, at: index)
        }
        var parsers = files.map { _ in [ModuleParser]() }
        for (job, parser) in zip(jobs, results.values) { parsers[job.file].append(parser) }
        return files.indices.map { joined(parsers[$0][...], of: files[$0].source, isIncluded: files[$0].isIncluded) }
    }

    /// One file's syntax from the parsers of its chunks, in order.
    private static func joined(_ parsers: ArraySlice<ModuleParser>, of source: SourceText, isIncluded: Bool) -> (ModuleSyntax, [Diagnostic]) {
        var parser = parsers[parsers.startIndex]
        parser.module.sceneRuns = parsers.map(\.scenes)
        for later in parsers.dropFirst() { parser.diagnostics += later.diagnostics }
        if !isIncluded, parser.module.id == nil, !ScriptLine.lines(of: source).contains(where: { $0 != nil && $0?.isComment == false }) {
            parser.diagnostics.append(Diagnostic(.emptyFile, "the file has no script in it", at: SourceLocation(file: source.path, line: 1, column: 1),
                                                 hint: "start a module with `module ID` and its scenes: see docs/script-language.md"))
        }
        return (parser.module, parser.diagnostics)
    }

    /// Ranges of raw lines: the header with the first scenes, then runs of whole scenes of about
    /// `chunkLines` lines, each starting at a scene header (at most 16 chunks).
    private static func chunks(of source: SourceText) -> [Range<Int>] {
        let lines = source.lines
        let size = max(chunkLines, lines.count / 16)
        guard lines.count >= 2 * size, let first = lines.firstIndex(where: isSceneHeader) else { return [0..<lines.count] }
        var starts = [0]
        var next = max(first + 1, size)
        while next < lines.count, let header = lines[next...].firstIndex(where: isSceneHeader) {
            starts.append(header)
            next = header + size
        }
        return zip(starts, starts.dropFirst() + [lines.count]).map { $0..<$1 }
    }

    /// Whether a raw line is a scene header (`===` after any indentation).
    private static func isSceneHeader(_ raw: Substring) -> Bool {
        raw.trimmingLeadingSpaces().starts("===")
    }

    private mutating func read(_ source: SourceText, lines: Range<Int>, headerOnly: Bool) {
        let fileID = SourcePaths.shared.id(for: source.path)
        source.withUTF8 { text in
            for index in lines {
                guard let line = ScriptLine.line(index, of: source, utf8: text, fileID: fileID) else { blankBeforeNextLine = true; continue }
                if line.isComment { continue }
                if headerOnly, line.firstByte == 0x3D, line.text.starts("===") { break }
                read(line)
                blankBeforeNextLine = false
            }
        }
    }

    private mutating func report(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, length: Int = 1, hint: String? = nil) {
        diagnostics.append(Diagnostic(code, message, at: location, length: length, hint: hint))
    }

    private mutating func read(_ line: ScriptLine) {
        if line.firstByte == 0x3D, line.text.starts("===") { readSceneHeader(line); return }
        if scenes.isEmpty { readHeader(line); return }
        if scenes[scenes.count - 1].choices.isEmpty, !Self.isChoiceLine(line) {
            readContent(line)
        } else {
            readChoicePart(line)
        }
    }

    // MARK: Header

    private mutating func readHeader(_ line: ScriptLine) {
        let text = line.text
        let firstWord = text.prefix { $0 != " " && $0 != ":" && $0 != "\t" }
        if module.id == nil, !isIncluded, firstWord != "module" {
            report(.missingFirstLine, "a module file must start with `module ID`", at: line.location(), length: firstWord.count,
                   hint: "add a first line such as `module noise-complaint`; course files are named course.ride")
            module.id = Located("", at: line.location())
        }
        switch firstWord {
        case "module":
            let id = line.after("module")
            if isIncluded {
                report(.unknownHeaderLine, "an included file cannot declare a module", at: line.location(), length: 6,
                       hint: "remove the `module` line: included files hold scenes, speakers and variables only")
            } else if module.id != nil, module.id?.value != "" {
                report(.duplicateHeaderLine, "the module id is given twice", at: line.location(), length: 6, hint: "keep one `module` line")
            } else if !Identifier.isDottedName(id) {
                report(.badIdentifier, "'\(id)' is not a valid module id", at: line.location(of: id), length: max(1, id.count),
                       hint: "use letters, digits, '-', '_' or '.', starting with a letter, e.g. `module noise-complaint`")
                module.id = Located(String(id), at: line.location(of: id))
            } else {
                module.id = Located(String(id), at: line.location(of: id))
            }
        case "speaker": readSpeaker(line)
        case "var": readVariable(line)
        case "include":
            let path = line.after("include")
            if path.isEmpty {
                report(.badValue, "`include` needs a file", at: line.location(), length: 7, hint: "write `include ../shared/radio.ride`")
            } else {
                module.includes.append(Located(String(path), at: line.location(of: path)))
            }
        case "competency":
            if let declaration = CourseParser.readCompetency(line, diagnostics: &diagnostics) {
                module.competencyDeclarations.append(declaration)
            }
        default:
            guard text.dropFirst(firstWord.count).first == ":" else {
                report(.contentOutsideScene, "this line is not part of the module header and stands before the first scene",
                       at: line.location(), length: text.count,
                       hint: "start a scene with `=== id ===` before narration, or use a header line such as `title:`")
                return
            }
            readHeaderValue(String(firstWord), line.text.dropFirst(firstWord.count + 1).trimmingLeadingSpaces(), line)
        }
    }

    private mutating func readHeaderValue(_ key: String, _ value: Substring, _ line: ScriptLine) {
        let known = ["title", "revision", "minutes", "feedback", "objective", "competencies", "start"]
        guard known.contains(key), !isIncluded else {
            report(.unknownHeaderLine, isIncluded ? "included files cannot set '\(key):'" : "unknown header line '\(key):'",
                   at: line.location(), length: key.count,
                   hint: "module headers use: \(known.map { $0 + ":" }.joined(separator: ", ")), speaker, var, include")
            return
        }
        if key != "objective", !seenHeaderKeys.insert(key).inserted {
            report(.duplicateHeaderLine, "'\(key):' is given twice", at: line.location(), length: key.count, hint: "keep one '\(key):' line")
            return
        }
        let at = line.location(of: value)
        switch key {
        case "title": module.title = String(value)
        case "objective": module.objectives.append(String(value))
        case "revision", "minutes":
            guard let number = Int(value), number >= 0, number < 1_000_000 else {
                report(.badValue, "'\(key):' needs a whole number, not '\(value)'", at: at, length: value.count,
                       hint: key == "revision" ? "write `revision: 2`" : "write `minutes: 15`")
                return
            }
            if key == "revision" { module.revision = number } else { module.minutes = number }
        case "feedback":
            guard let mode = FeedbackMode(rawValue: String(value)) else {
                report(.badValue, "'feedback:' is 'immediate' or 'debrief', not '\(value)'", at: at, length: value.count,
                       hint: "write `feedback: immediate` to show consequences at once")
                return
            }
            module.feedbackMode = mode
        case "competencies":
            for word in value.split(separator: " ") {
                module.competencies.append(Located(String(word), at: line.location(of: word)))
            }
        default:
            guard Identifier.isName(value) else {
                report(.badIdentifier, "'\(value)' is not a scene id", at: at, length: value.count, hint: "write `start: first_scene`")
                return
            }
            module.start = Located(String(value), at: at)
        }
    }

    private mutating func readSpeaker(_ line: ScriptLine) {
        let rest = line.after("speaker")
        let id = rest.prefix { $0 != " " }
        let name = rest.dropFirst(id.count).trimmingLeadingSpaces()
        guard Identifier.isName(id) else {
            report(.badIdentifier, "'\(id)' is not a valid speaker id", at: line.location(of: rest), length: max(1, id.count),
                   hint: "write `speaker DISPATCH \"Dispatch\"`")
            return
        }
        guard name.count >= 2, name.first == "\"", name.last == "\"" else {
            report(.badValue, "the speaker needs a display name in quotes", at: line.location(of: name.isEmpty ? rest : name),
                   hint: "write `speaker \(id) \"Display name\"`")
            return
        }
        module.speakers.append((Located(String(id), at: line.location(of: id)), String(name.dropFirst().dropLast())))
    }

    private mutating func readVariable(_ line: ScriptLine) {
        let rest = line.after("var")
        guard let equals = rest.firstIndex(of: "=") else {
            report(.badValue, "a variable needs a starting value", at: line.location(of: rest), hint: "write `var warned = false`")
            return
        }
        let name = rest[..<equals].trimmingTrailingSpaces()
        let valueText = rest[rest.index(after: equals)...].trimmingLeadingSpaces()
        guard Identifier.isName(name), !Identifier.reserved.contains(String(name)) else {
            report(.badIdentifier, "'\(name)' is not a valid variable name", at: line.location(of: rest), length: max(1, name.count),
                   hint: "use letters, digits and '_', starting with a letter")
            return
        }
        let value: Value
        if valueText == "true" || valueText == "false" {
            value = .bool(valueText == "true")
        } else if let number = Int(valueText) {
            value = .int(number)
        } else if valueText.count >= 2, valueText.first == "\"", valueText.last == "\"" {
            value = .string(String(valueText.dropFirst().dropLast()))
        } else {
            report(.badValue, "'\(valueText)' is not true, false, a whole number or a \"string\"", at: line.location(of: valueText),
                   length: max(1, valueText.count), hint: "the starting value fixes the variable's type, e.g. `var patience = 3`")
            return
        }
        module.variables.append((Located(String(name), at: line.location(of: name)), value))
    }

    // MARK: Scenes

    private mutating func readSceneHeader(_ line: ScriptLine) {
        let id = Self.sceneHeaderInner(line).trimmingLeadingSpaces().trimmingTrailingSpaces()
        if module.id == nil, !isIncluded, !continuesScenes {
            report(.missingFirstLine, "a module file must start with `module ID`", at: line.location(), length: 3,
                   hint: "add a first line such as `module noise-complaint`")
            module.id = Located("", at: line.location())
        }
        let location = id.isEmpty ? line.location() : line.location(of: id)
        if !Identifier.isName(id) {
            report(.badSceneHeader, id.isEmpty ? "the scene has no id" : "'\(id)' is not a valid scene id", at: location,
                   length: max(1, id.count), hint: "write `=== arrival ===` with letters, digits and '_'")
        }
        scenes.append(SceneSyntax(id: Located(String(id), at: location), endLocation: line.location()))
    }

    /// The text between the leading and trailing runs of `=` of a scene header.
    private static func sceneHeaderInner(_ line: ScriptLine) -> Substring {
        guard line.isASCII else {
            var inner = line.text.drop { $0 == "=" }
            while inner.last == "=" { inner = inner.dropLast() }
            return inner
        }
        let (start, end) = line.text.withUTF8Bytes { bytes in
            let start = bytes.firstIndex { $0 != 0x3D } ?? bytes.count
            var end = bytes.count
            while end > start, bytes[end - 1] == 0x3D { end -= 1 }
            return (start, end)
        }
        return line.text[bytes: start..<end]
    }

    // Read through `_read`, not `get`: a getter would copy the whole struct (retaining every array and
    // string in it) for each field read.
    private var scene: SceneSyntax {
        _read { yield scenes[scenes.count - 1] }
        _modify { yield &scenes[scenes.count - 1] }
    }

    private mutating func readContent(_ line: ScriptLine) {
        scene.endLocation = line.location()
        if blankBeforeNextLine, case .narration = scene.content.last { scene.content.append(.paragraphBreak) }
        if scene.ending != nil, !line.text.hasPrefix("@debrief") {
            report(.endingWithChoices, "an ending scene has nothing after `@end` but `@debrief` lines", at: line.location(),
                   length: line.text.count, hint: "move this line above `@end`")
            return
        }
        if let item = contentItem(line.text, line) { scene.content.append(item) }
    }

    private mutating func contentItem(_ text: Substring, _ line: ScriptLine) -> ContentSyntax? {
        if text.starts("->") { return readContentDivert(text, line) }
        if text.starts("~") { return readAssignment(text, line).map { .assignment($0) } }
        if text.starts("@") { return readDirective(text, line) }
        let nameEnd = text.firstOffset(ofASCII: 0x3A).map { text.utf8.index(text.startIndex, offsetBy: $0) }
        if let nameEnd, Identifier.isName(text[..<nameEnd]) {
            let after = text[nameEnd...].droppingASCIIAndSpaces(1)
            var afterDiagnostics: [Diagnostic] = []
            let afterName = TextParser.parse(after, in: line, diagnostics: &afterDiagnostics)
            // Read as a whole, the line has the same interpolations and problems (the name and colon hold
            // no braces); only its first literal starts earlier.
            diagnostics += afterDiagnostics + afterDiagnostics
            return .narration(TextParser.prefixing(text[..<after.startIndex], to: afterName),
                              leadingName: Located(String(text[..<nameEnd]), at: line.location(of: text)),
                              afterName: afterName, location: line.location(of: text))
        }
        return .narration(TextParser.parse(text, in: line, diagnostics: &diagnostics), leadingName: nil, afterName: [],
                          location: line.location(of: text))
    }

    private mutating func readContentDivert(_ text: Substring, _ line: ScriptLine) -> ContentSyntax? {
        if !text.dropFirst(2).trimmingTrailingSpaces().hasSuffix("->") { scene.hasExitLine = true }
        if text.equals("->->") { return .returnFromCall(line.location(of: text)) }
        let rest = text.dropFirst(2).trimmingLeadingSpaces()
        if rest.hasSuffix("->") {
            let target = rest.dropLast(2).trimmingTrailingSpaces()
            guard let name = checkedName(target, line, what: "scene") else { return nil }
            return .call(name)
        }
        guard let name = checkedName(rest, line, what: "scene") else { return nil }
        return .divert(name)
    }

    private mutating func checkedName(_ text: Substring, _ line: ScriptLine, what: String) -> Located<String>? {
        guard Identifier.isName(text) else {
            report(.badIdentifier, text.isEmpty ? "a \(what) id is missing here" : "'\(text)' is not a valid \(what) id",
                   at: line.location(of: text), length: max(1, text.count), hint: "ids use letters, digits and '_', e.g. `-> arrival`")
            return nil
        }
        return Located(String(text), at: line.location(of: text))
    }

    private mutating func readAssignment(_ text: Substring, _ line: ScriptLine) -> AssignmentSyntax? {
        let rest = text.droppingASCIIAndSpaces(1)
        let name = rest.namePrefix()
        let afterName = line.isASCII ? rest.droppingASCIIAndSpaces(name.utf8.count) : rest.dropFirst(name.count).trimmingLeadingSpaces()
        let operation: AssignmentOperation
        let valueText: Substring
        let ascii = line.isASCII
        if afterName.hasPrefix("+=", isASCII: ascii) { operation = .add; valueText = afterName.droppingASCII(2) }
        else if afterName.hasPrefix("-=", isASCII: ascii) { operation = .subtract; valueText = afterName.droppingASCII(2) }
        else if afterName.hasPrefix("=", isASCII: ascii), !afterName.hasPrefix("==", isASCII: ascii) { operation = .set; valueText = afterName.droppingASCII(1) }
        else {
            report(.badExpression, "a `~` line changes a variable with =, += or -=", at: line.location(of: afterName.isEmpty ? rest : afterName),
                   hint: "write `~ patience -= 1` or `~ warned = true`")
            return nil
        }
        guard Identifier.isName(name) else {
            report(.badIdentifier, "'~' must be followed by a variable name", at: line.location(of: rest), hint: "write `~ warned = true`")
            return nil
        }
        let trimmedValue = valueText.trimmingLeadingSpaces()
        switch ExpressionParser.parse(trimmedValue, at: line.location(of: trimmedValue)) {
        case .success(let expression):
            return AssignmentSyntax(name: Located(String(name), at: line.location(of: name)), operation: operation, value: expression,
                                    location: line.location(of: text))
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }

    private mutating func readDirective(_ text: Substring, _ line: ScriptLine) -> ContentSyntax? {
        let word = text.dropFirst().prefix { $0.isLetter }
        let rest = text.dropFirst(word.count + 1).trimmingLeadingSpaces()
        switch word {
        case "if": return readConditionalLine(rest, line)
        case "timer":
            scene.hasTimerLine = true
            readTimer(rest, line)
        case "end": readEnding(rest, line)
        case "debrief":
            guard scene.ending != nil else {
                report(.badWellnessStep, "`@debrief` belongs to an ending, after its `@end` line", at: line.location(), length: 8,
                       hint: "add `@end resolved: title` above it, or remove it")
                return nil
            }
            scene.ending?.debrief.append(String(rest))
        case "breathe": return readBreathe(rest, line)
        case "reflect", "checkin": return readPrivateStep(String(word), rest, line)
        default:
            report(.unknownDirective, "unknown directive '@\(word)'", at: line.location(), length: word.count + 1,
                   hint: "directives are @if, @timer, @breathe, @reflect, @checkin, @end and @debrief")
        }
        return nil
    }

    private mutating func readConditionalLine(_ rest: Substring, _ line: ScriptLine) -> ContentSyntax? {
        guard let colon = rest.firstIndex(of: ":") else {
            report(.badExpression, "`@if` needs a colon between the condition and the line", at: line.location(of: rest),
                   hint: "write `@if warned: DEV: You already told us.`")
            return nil
        }
        let condition = rest[..<colon].trimmingTrailingSpaces()
        let body = rest[rest.index(after: colon)...].trimmingLeadingSpaces()
        guard case .success(let expression) = ExpressionParser.parse(condition, at: line.location(of: condition)) else {
            if case .failure(let diagnostic) = ExpressionParser.parse(condition, at: line.location(of: condition)) { diagnostics.append(diagnostic) }
            return nil
        }
        guard !body.isEmpty else {
            report(.badExpression, "`@if` has nothing to show after the colon", at: line.location(of: rest), hint: "put the line after the colon")
            return nil
        }
        guard let item = contentItem(body, line) else { return nil }
        switch item {
        case .narration, .assignment, .divert, .call: return .conditional(expression, item, line.location(of: condition))
        default:
            report(.badExpression, "`@if` can guard narration, speech, `~` and `->` lines only", at: line.location(of: body),
                   hint: "put wellness steps and endings in their own scene")
            return nil
        }
    }

    private mutating func readTimer(_ rest: Substring, _ line: ScriptLine) {
        let digits = rest.hasSuffix("s") ? rest.dropLast() : rest
        guard let seconds = Int(digits), (1...600).contains(seconds) else {
            report(.badTimer, "'@timer' needs a number of seconds from 1 to 600, not '\(rest)'", at: line.location(of: rest),
                   length: max(1, rest.count), hint: "write `@timer 15s`")
            return
        }
        if scene.timer != nil {
            report(.badTimer, "the scene already has a timer", at: line.location(), length: 6, hint: "keep one `@timer` line per scene")
        }
        scene.timer = Located(seconds, at: line.location())
    }

    private mutating func readEnding(_ rest: Substring, _ line: ScriptLine) {
        let outcome = rest.prefix { $0 != ":" && $0 != " " }
        let title = rest.dropFirst(outcome.count).drop { $0 == ":" || $0 == " " }
        guard !outcome.isEmpty else {
            report(.unknownOutcome, "`@end` needs an outcome class", at: line.location(), length: 4,
                   hint: "write `@end resolved: Music down, no further calls`")
            return
        }
        scene.ending = EndingSyntax(outcome: Located(String(outcome), at: line.location(of: outcome)), title: String(title))
    }

    private mutating func readBreathe(_ rest: Substring, _ line: ScriptLine) -> ContentSyntax? {
        var cycles = 4
        var pattern = [4, 4, 4, 4]
        let words = rest.split(separator: " ")
        var index = 0
        while index < words.count {
            let word = words[index]
            if let number = Int(word), index + 1 < words.count, words[index + 1] == "cycles" || words[index + 1] == "cycle", (1...50).contains(number) {
                cycles = number
                index += 2
            } else if case let parts = word.split(separator: "-").compactMap({ Int($0) }), parts.count == 4, parts.allSatisfy({ (1...20).contains($0) }) {
                pattern = parts
                index += 1
            } else {
                let culprit = Int(word) != nil && index + 1 < words.count && !["cycles", "cycle"].contains(words[index + 1]) ? words[index + 1] : word
                report(.badWellnessStep, "'\(culprit)' is not understood in `@breathe`", at: line.location(of: culprit), length: culprit.count,
                       hint: "write `@breathe 4 cycles 4-4-4-4` (1–50 cycles; in-hold-out-hold seconds 1–20)")
                return nil
            }
        }
        return .breathe(cycles: cycles, pattern: pattern, line.location())
    }

    private mutating func readPrivateStep(_ kind: String, _ rest: Substring, _ line: ScriptLine) -> ContentSyntax? {
        let example = kind == "reflect" ? "`@reflect moment: What stays with you from this call?`"
            : "`@checkin body: How does your body feel? [Tense | Tired | Steady]`"
        guard let colon = rest.firstIndex(of: ":"), Identifier.isName(rest[..<colon]) else {
            report(.badWellnessStep, "`@\(kind)` needs an id, a colon and the prompt", at: line.location(of: rest), hint: "write \(example)")
            return nil
        }
        let id = Located(String(rest[..<colon]), at: line.location(of: rest))
        var prompt = rest[rest.index(after: colon)...].trimmingLeadingSpaces()
        if kind == "reflect" {
            guard !prompt.isEmpty else {
                report(.badWellnessStep, "the reflection has no prompt", at: line.location(of: rest), hint: "write \(example)")
                return nil
            }
            return .reflect(id: id, prompt: String(prompt))
        }
        guard prompt.hasSuffix("]"), let open = prompt.lastIndex(of: "[") else {
            report(.badWellnessStep, "the check-in needs its options in [ ] separated by |", at: line.location(of: prompt), hint: "write \(example)")
            return nil
        }
        let options = prompt[prompt.index(after: open)..<prompt.index(before: prompt.endIndex)]
            .split(separator: "|").map { String($0.trimmingLeadingSpaces().trimmingTrailingSpaces()) }.filter { !$0.isEmpty }
        prompt = prompt[..<open].trimmingTrailingSpaces()
        guard options.count >= 2, options.count <= 9, !prompt.isEmpty else {
            report(.badWellnessStep, "a check-in needs a question and 2 to 9 options", at: line.location(of: prompt), hint: "write \(example)")
            return nil
        }
        return .checkIn(id: id, question: String(prompt), options: options)
    }

    // MARK: Choices

    private var choice: ChoiceSyntax {
        _read { yield scenes[scenes.count - 1].choices[scenes[scenes.count - 1].choices.count - 1] }
        _modify { yield &scenes[scenes.count - 1].choices[scenes[scenes.count - 1].choices.count - 1] }
    }

    private mutating func readChoicePart(_ line: ScriptLine) {
        scene.endLocation = line.location()
        let text = line.text
        if Self.isChoiceLine(line) { readChoiceLine(line); return }
        if line.firstByte == 0x2D, text.starts("->") { readChoiceTarget(text, line); return }
        if line.firstByte == 0x7E {
            if let assignment = readAssignment(text, line) { choice.assignments.append(assignment) }
            return
        }
        // The word is ASCII letters and '-', so it is found and named by its bytes, without slicing it out.
        let (wordLength, word) = text.withUTF8Bytes { bytes in
            let length = bytes.firstIndex { !Identifier.isLetter($0) && $0 != 0x2D } ?? bytes.count
            return (length, ChoiceAttribute(UnsafeBufferPointer(rebasing: bytes[..<length])))
        }
        let rest = text[text.utf8.index(text.startIndex, offsetBy: wordLength)...]
        if word == .feedback, rest.utf8.first == 0x3A {
            Self.join(rest.droppingASCIIAndSpaces(1), to: &choice.feedback)
        } else if word == .why, rest.utf8.first == 0x3A {
            Self.join(rest.droppingASCIIAndSpaces(1), to: &choice.rationale)
        } else if word == .condition {
            readChoiceCondition(rest.trimmingLeadingSpaces(), line)
        } else if word == .score {
            readScore(rest.trimmingLeadingSpaces(), line)
        } else if word == .critical {
            readCritical(rest.trimmingLeadingSpaces(), line)
        } else if word == .tags {
            choice.tags += rest.words().map(String.init)
        } else if word == .ideal, rest.isEmpty {
            choice.isIdeal = true
        } else if word == .on, rest.trimmingLeadingSpaces() == "timeout" {
            choice.isTimeoutFallback = true
        } else {
            let word = text[..<rest.startIndex]
            let lowercaseStart = text.first.map { $0.isASCII && $0.isLowercase } ?? false
            if lowercaseStart {
                report(.unknownChoiceAttribute, "unknown choice attribute '\(word.isEmpty ? text.prefix(1) : word)'", at: line.location(),
                       length: max(1, word.count),
                       hint: "choice attributes are ->, if, score, ~, feedback:, why:, critical, tag, ideal and on timeout")
            } else {
                report(.textAfterChoices, "text after the choices of scene '\(scene.id.value)'", at: line.location(), length: text.count,
                       hint: "put narration before the first choice, or in the scene the choice leads to (or use `feedback:`)")
            }
        }
    }

    /// Adds a line to text written over several lines, joined with a space.
    private static func join(_ line: Substring, to text: inout String?) {
        if text == nil { text = String(line) } else { text! += " " + line }
    }

    private static func isChoiceLine(_ line: ScriptLine) -> Bool {
        guard line.firstByte == 0x2A || line.firstByte == 0x2B else { return false }
        let second = line.text.utf8.dropFirst().first
        return second == nil || second == 0x20 || second == 0x09
    }

    private mutating func readChoiceLine(_ line: ScriptLine) {
        let sticky = line.text.utf8.first == 0x2B
        let rest = line.text.droppingASCIIAndSpaces(1)
        let colon = rest.firstOffset(ofASCII: 0x3A)
        let id = colon.map { rest[bytes: 0..<$0] } ?? rest
        let valid = colon != nil && Identifier.isName(id)
        // A valid id is ASCII, so its characters are its bytes.
        let text = valid ? rest.droppingASCIIAndSpaces(id.utf8.count + 1) : rest
        if !valid {
            report(.badChoice, "the choice needs a stable id before a colon", at: line.location(of: rest), length: max(1, rest.count),
                   hint: "give it an id before a colon, e.g. `\(sticky ? "+" : "*") ask_name: …`")
        } else if text.isEmpty {
            report(.badChoice, "the choice '\(id)' has no text", at: line.location(of: id), length: id.count,
                   hint: "write what the officer says or does after the colon")
        }
        let location = line.location(of: valid ? id : rest)
        scene.choices.append(ChoiceSyntax(id: Located(valid ? String(id) : "", at: location), sticky: sticky,
                                          text: TextParser.parse(text, in: line, diagnostics: &diagnostics)))
    }

    private mutating func readChoiceTarget(_ text: Substring, _ line: ScriptLine) {
        if choice.hasTargetLine {
            report(.badChoice, "the choice '\(choice.id.value)' already has a target", at: line.location(), length: 2,
                   hint: "a choice leads to one place; use `-> sub -> scene` to call a sub-scene first")
            return
        }
        choice.hasTargetLine = true
        if text.equals("->->") { choice.target = .returnFromCall(line.location()); return }
        let rest = text.droppingASCII(2)
        // Most targets name one scene: without a '-' there is no second arrow, and no list of parts is built.
        if rest.firstOffset(ofASCII: 0x2D) == nil {
            if let name = checkedName(rest.trimmingLeadingSpaces().trimmingTrailingSpaces(), line, what: "scene") { choice.target = .scene(name) }
            return
        }
        let parts = rest.components(separatedBy: "->").map { $0.trimmingLeadingSpaces().trimmingTrailingSpaces() }
        switch parts.count {
        case 1:
            if let name = checkedName(parts[0], line, what: "scene") { choice.target = .scene(name) }
        case 2:
            if let sub = checkedName(parts[0], line, what: "sub-scene"), let then = checkedName(parts[1], line, what: "scene") {
                choice.target = .callThen(sub, then)
            }
        default:
            report(.badChoice, "a choice target is `-> scene`, `-> sub -> scene` or `->->`", at: line.location(), length: text.count,
                   hint: "call one sub-scene at a time")
        }
    }

    private mutating func readChoiceCondition(_ rest: Substring, _ line: ScriptLine) {
        var conditionText = rest
        if let range = rest.firstRange(ofASCII: " else ") {
            conditionText = rest[..<range.lowerBound]
            let reason = rest[range.upperBound...].trimmingLeadingSpaces()
            guard let quoted = reason.quotedContent(isASCII: line.isASCII) else {
                report(.badValue, "the reason after `else` must be in quotes", at: line.location(of: reason),
                       hint: "write `if warned else \"You have not warned them yet\"`")
                return
            }
            choice.disabledReason = String(quoted)
        }
        choice.conditionLocation = line.location(of: conditionText)
        switch ExpressionParser.parse(conditionText, at: line.location(of: conditionText)) {
        case .success(let expression): choice.condition = expression
        case .failure(let diagnostic): diagnostics.append(diagnostic)
        }
    }

    private mutating func readScore(_ rest: Substring, _ line: ScriptLine) {
        if line.isASCII, readASCIIScore(rest, line) { return }
        let words = rest.wordRanges()
        guard !words.isEmpty, words.count.isMultiple(of: 2) else {
            report(.badScore, "`score` takes pairs of a competency and points", at: line.location(of: rest.isEmpty ? line.text : rest),
                   hint: "write `score comm.listen +2 pj.respect -1`")
            return
        }
        choice.scores.reserveCapacity(choice.scores.count + words.count / 2)
        for pair in stride(from: 0, to: words.count, by: 2) {
            let name = rest[bytes: words[pair]], points = rest[bytes: words[pair + 1]]
            let delta = Int(points.starts("+") ? points.droppingASCII(1) : points).flatMap { (-1000...1000).contains($0) ? $0 : nil }
            if delta == nil {
                report(.badScore, "'\(points)' is not a number of points", at: line.location(of: points), length: points.count,
                       hint: "write points as +2, -1 or 3 (at most 1000)")
            }
            // A pair with bad points still names its competency (checked as usual), so the module is not also told
            // that nothing scores it; the error keeps the module from being played, so the 0 counts nowhere.
            choice.scores.append((Located(String(name), at: line.location(of: name)), delta ?? 0))
        }
    }

    /// `readScore` by bytes for a well-formed ASCII line (every byte a character): false, having read
    /// nothing, when the line has a mistake, which `readScore` then reports.
    private mutating func readASCIIScore(_ rest: Substring, _ line: ScriptLine) -> Bool {
        let words = rest.wordRanges()
        guard !words.isEmpty, words.count.isMultiple(of: 2) else { return false }
        let column = line.text.utf8.distance(from: line.text.startIndex, to: rest.startIndex)
        let scores = rest.withUTF8Bytes { bytes -> [(Located<String>, Int)]? in
            var scores: [(Located<String>, Int)] = []
            scores.reserveCapacity(words.count / 2)
            for pair in stride(from: 0, to: words.count, by: 2) {
                guard let delta = Self.points(UnsafeBufferPointer(rebasing: bytes[words[pair + 1]])) else { return nil }
                let name = words[pair]
                scores.append((Located(String(decoding: UnsafeBufferPointer(rebasing: bytes[name]), as: UTF8.self),
                                       at: line.location(column + name.lowerBound)), delta))
            }
            return scores
        }
        guard let scores else { return false }
        // Most choices have one score line: its list is taken whole rather than appended element by element.
        if choice.scores.isEmpty { choice.scores = scores } else { choice.scores += scores }
        return true
    }

    /// Points as `Int` reads them after an optional leading `+` (so `+2`, `-1` and `3`), when they are
    /// at most 1000 either way.
    private static func points(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var digits = bytes[...]
        if digits.first == 0x2B { digits = digits.dropFirst() }
        var sign = 1
        if let first = digits.first, first == 0x2B || first == 0x2D {
            sign = first == 0x2D ? -1 : 1
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { return nil }
        var value = 0
        for digit in digits {
            guard Identifier.isDigit(digit) else { return nil }
            // Past 1000 is too many however many digits follow, so the value stops growing there.
            value = min(value * 10 + Int(digit - 0x30), 1001)
        }
        return value <= 1000 ? sign * value : nil
    }

    private mutating func readCritical(_ rest: Substring, _ line: ScriptLine) {
        guard let colon = rest.firstIndex(of: ":") else {
            report(.badValue, "`critical` needs a competency, a colon and a description", at: line.location(of: rest.isEmpty ? line.text : rest),
                   hint: "write `critical pj.respect: Mocked the caller's accent`")
            return
        }
        let competency = rest[..<colon].trimmingTrailingSpaces()
        let description = rest[rest.index(after: colon)...].trimmingLeadingSpaces()
        choice.criticalErrors.append((Located(String(competency), at: line.location(of: rest)), String(description)))
    }
}

/// The words a choice's attribute lines start with (`->` and `~` lines are told apart by their first byte).
private enum ChoiceAttribute {
    case feedback, why, condition, score, critical, tags, ideal, on, other

    /// The attribute a line's first word names, compared by bytes.
    init(_ word: UnsafeBufferPointer<UInt8>) {
        func matches(_ literal: StaticString) -> Bool {
            word.count == literal.utf8CodeUnitCount && word.elementsEqual(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
        }
        self = if matches("feedback") { .feedback } else if matches("why") { .why } else if matches("if") { .condition }
            else if matches("score") { .score } else if matches("critical") { .critical } else if matches("tag") || matches("tags") { .tags }
            else if matches("ideal") { .ideal } else if matches("on") { .on } else { .other }
    }
}
