/// Parses a `course.ride` file: the catalogue of competencies, the rating rules and the module order.
struct CourseParser {
    private var course = CourseSyntax()
    private var diagnostics: [Diagnostic] = []
    private var seenKeys: Set<String> = []

    static func parse(_ source: SourceText) -> (CourseSyntax, [Diagnostic]) {
        var parser = CourseParser()
        for case let line? in ScriptLine.lines(of: source) where !line.isComment {
            parser.read(line)
        }
        if parser.course.id == nil {
            parser.diagnostics.append(Diagnostic(.emptyFile, "the course file has no `course` line", at: SourceLocation(file: source.path, line: 1, column: 1),
                                                 hint: "start it with `course ID`: see docs/script-language.md"))
        }
        return (parser.course, parser.diagnostics)
    }

    /// Reads `competency ID "Label" fto "Category"`, shared by course and module files.
    static func readCompetency(_ line: ScriptLine, diagnostics: inout [Diagnostic]) -> CompetencySyntax? {
        let rest = line.after("competency")
        let id = rest.prefix { $0 != " " }
        let quoted = rest.dropFirst(id.count).split(separator: "\"", omittingEmptySubsequences: false)
        let hint = "write `competency comm.listen \"Active listening\" fto \"Control of conflict: voice command\"`"
        guard Identifier.isDottedName(id) else {
            diagnostics.append(Diagnostic(.badIdentifier, "'\(id)' is not a valid competency id", at: line.location(of: rest),
                                          length: max(1, id.count), hint: hint))
            return nil
        }
        guard quoted.count == 5, quoted[2].trimmingLeadingSpaces().trimmingTrailingSpaces() == "fto",
              quoted[0].allSatisfy({ $0 == " " }), quoted[4].allSatisfy({ $0 == " " }), !quoted[1].isEmpty else {
            diagnostics.append(Diagnostic(.badValue, "a competency needs a label and its FTO category in quotes", at: line.location(of: id),
                                          length: id.count, hint: hint))
            return nil
        }
        return CompetencySyntax(id: Located(String(id), at: line.location(of: id)), label: String(quoted[1]), ftoCategory: String(quoted[3]))
    }

    private mutating func report(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, length: Int = 1, hint: String? = nil) {
        diagnostics.append(Diagnostic(code, message, at: location, length: length, hint: hint))
    }

    private mutating func read(_ line: ScriptLine) {
        let word = line.text.prefix { $0 != " " && $0 != ":" }
        if course.id == nil, word != "course" {
            report(.missingFirstLine, "a course file must start with `course ID`", at: line.location(), length: word.count,
                   hint: "add a first line such as `course safer-together`")
            course.id = Located("", at: line.location())
        }
        switch word {
        case "course":
            let id = line.after("course")
            guard Identifier.isDottedName(id) else {
                report(.badIdentifier, "'\(id)' is not a valid course id", at: line.location(of: id), length: max(1, id.count),
                       hint: "use letters, digits, '-', '_' or '.', e.g. `course safer-together`")
                return
            }
            course.id = Located(String(id), at: line.location(of: id))
        case "competency":
            if let competency = Self.readCompetency(line, diagnostics: &diagnostics) { course.competencies.append(competency) }
        case "module": readModule(line)
        default:
            guard line.text.dropFirst(word.count).first == ":" else {
                report(.unknownHeaderLine, "unknown course line '\(word)'", at: line.location(), length: max(1, word.count),
                       hint: "course files use course, title:, description:, pass:, bands:, critical-cap:, critical-fails:, competency and module")
                return
            }
            readValue(String(word), line.text.dropFirst(word.count + 1).trimmingLeadingSpaces(), line)
        }
    }

    private mutating func readValue(_ key: String, _ value: Substring, _ line: ScriptLine) {
        guard seenKeys.insert(key).inserted else {
            report(.duplicateHeaderLine, "'\(key):' is given twice", at: line.location(), length: key.count, hint: "keep one '\(key):' line")
            return
        }
        let at = line.location(of: value)
        switch key {
        case "title": course.title = String(value)
        case "description": course.description = String(value)
        case "pass":
            guard let mark = Self.percentage(value) else {
                report(.badValue, "'pass:' needs a percentage from 0% to 100%, not '\(value)'", at: at, length: max(1, value.count), hint: "write `pass: 70%`")
                return
            }
            course.passMark = mark
        case "bands":
            let marks = value.split(separator: " ").map { Self.percentage($0) }
            let values = marks.compactMap { $0 }
            guard marks.count == 6, values.count == 6, zip(values, values.dropFirst()).allSatisfy({ $0 < $1 }) else {
                report(.badValue, "'bands:' needs six rising percentages: the lowest scores for ratings 2 to 7", at: at, length: max(1, value.count),
                       hint: "write `bands: 30% 45% 60% 70% 80% 90%`")
                return
            }
            course.bands = values
        case "critical-cap":
            guard let cap = Int(value), (1...7).contains(cap) else {
                report(.badValue, "'critical-cap:' is a rating from 1 to 7, not '\(value)'", at: at, length: max(1, value.count), hint: "write `critical-cap: 2`")
                return
            }
            course.criticalCap = cap
        case "critical-fails":
            guard value == "yes" || value == "no" else {
                report(.badValue, "'critical-fails:' is yes or no, not '\(value)'", at: at, length: max(1, value.count), hint: "write `critical-fails: yes`")
                return
            }
            course.criticalFails = value == "yes"
        default:
            report(.unknownHeaderLine, "unknown course line '\(key):'", at: line.location(), length: key.count,
                   hint: "course files use title:, description:, pass:, bands:, critical-cap: and critical-fails:")
        }
    }

    private mutating func readModule(_ line: ScriptLine) {
        let words = line.after("module").split(separator: " ")
        guard let file = words.first, file.hasSuffix(".ride") else {
            report(.badModuleReference, "`module` needs a .ride file", at: line.location(), length: 6,
                   hint: "write `module noise-complaint.ride` or `module traffic-stop.ride after noise-complaint`")
            return
        }
        var after: [Located<String>] = []
        if words.count > 1 {
            guard words[1] == "after", words.count > 2 else {
                report(.badModuleReference, "after the file, only `after MODULE…` may follow", at: line.location(of: words[1]), length: words[1].count,
                       hint: "write `module traffic-stop.ride after noise-complaint`")
                return
            }
            after = words.dropFirst(2).map { Located(String($0), at: line.location(of: $0)) }
        }
        course.modules.append((Located(String(file), at: line.location(of: file)), after))
    }

    private static func percentage(_ text: Substring) -> Double? {
        guard text.hasSuffix("%"), let number = Double(text.dropLast()), (0...100).contains(number) else { return nil }
        return number / 100
    }
}
