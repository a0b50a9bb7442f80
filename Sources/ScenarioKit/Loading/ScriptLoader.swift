import Dispatch

/// Reads course folders and module files from disk, follows includes, and compiles them, collecting
/// every diagnostic on the way. The only part of ScenarioKit that touches files.
public struct ScriptLoader: Sendable {
    public static let maximumIncludeDepth = 16

    public init() {}

    /// The result of loading one module file.
    public struct ModuleResult: Sendable {
        public var scenario: Scenario?
        public var diagnostics: [Diagnostic]
        public var sources: [String: SourceText]
    }

    /// The result of loading a course folder.
    public struct CourseResult: Sendable {
        public var course: Course?
        public var diagnostics: [Diagnostic]
        public var sources: [String: SourceText]
    }

    /// Reads a file as UTF-8 text, or returns the diagnostic that says why it cannot be used.
    public static func readSource(_ path: String, reportedAt location: SourceLocation? = nil, length: Int = 1) -> Result<SourceText, Diagnostic> {
        let at = location ?? SourceLocation(file: path, line: 1, column: 1)
        let contents: FileSystem.Contents
        do {
            contents = try FileSystem.readText(path)
        } catch {
            switch error {
            case .missing:
                return .failure(Diagnostic(location == nil ? .unreadableFile : .includeNotFound, "cannot find '\(path)'", at: at, length: length,
                                           hint: "check the path; include paths are relative to the file that includes them"))
            case .isDirectory:
                return .failure(Diagnostic(.unreadableFile, "'\(path)' is a folder, not a script", at: at, hint: "name a .ride file"))
            case .tooLarge(let size):
                let megabytes = (Double(size) / 1_048_576 * 10).rounded(.up) / 10
                return .failure(Diagnostic(.fileTooLarge, "'\(path)' is \(megabytes) MiB; scripts may be at most \(FileSystem.maximumScriptSize / 1_048_576) MiB",
                                           at: at, hint: "split the module into files joined with `include`"))
            case .unreadable(let reason):
                return .failure(Diagnostic(.unreadableFile, "cannot read '\(path)': \(reason)", at: at, hint: "check the file's permissions"))
            }
        }
        switch contents {
        case .text(let text):
            return .success(SourceText(path: path, text: text))
        case .binary(let zero):
            return .failure(Diagnostic(.notUTF8, "'\(path)' is a binary file (a zero byte at offset \(zero)), not a script", at: at,
                                       hint: "scripts are plain UTF-8 text files ending in .ride"))
        case .notUTF8(let line, let column):
            return .failure(Diagnostic(.notUTF8, "'\(path)' is not valid UTF-8 text", at: SourceLocation(file: path, line: line, column: column),
                                       hint: "save the file as UTF-8 in your editor"))
        }
    }

    /// Compiles module text that has no includes, without touching the disk (for tests and editors).
    public static func compileModule(text: String, path: String = "module.ride", catalogue: [Competency] = [],
                                     rules: RatingRules = .standard) -> ModuleResult {
        let source = SourceText(path: path, text: text)
        let (module, parseDiagnostics) = ModuleParser.parse(source)
        let input = ModuleCompiler.Input(module: consume module, includes: [], catalogue: catalogue, rules: rules, sourceTexts: [text], file: path)
        let (scenario, compileDiagnostics) = ModuleCompiler.compile(consume input)
        let diagnostics = parseDiagnostics + compileDiagnostics
        return ModuleResult(scenario: diagnostics.hasErrors ? nil : scenario, diagnostics: diagnostics, sources: [path: source])
    }

    /// Loads and compiles one module file, with the catalogue and rules of the course it belongs to.
    public func loadModule(at path: String, catalogue: [Competency] = [], rules: RatingRules = .standard) -> ModuleResult {
        let source: SourceText
        switch Self.readSource(path) {
        case .success(let text): source = text
        case .failure(let diagnostic): return ModuleResult(scenario: nil, diagnostics: [diagnostic], sources: [:])
        }
        // Every file is read first (the includes are named in the headers), then all are parsed at once.
        let levels = readIncludes(of: source)
        let files = [(source, false)] + levels.flatMap { $0.files.map { ($0, true) } }
        // Taken from the end, so each file's syntax is moved out rather than copied: the compiler frees it as it goes.
        var parsed = Array(ModuleParser.parse(files).reversed())
        let (module, parseDiagnostics) = parsed.removeLast()
        var diagnostics = parseDiagnostics
        var includes: [ModuleSyntax] = []
        for level in levels {
            diagnostics += level.problems
            for _ in level.files {
                let (syntax, fileDiagnostics) = parsed.removeLast()
                diagnostics += fileDiagnostics
                includes.append(syntax)
            }
        }
        var sources: [String: SourceText] = [:]
        for (file, _) in files { sources[file.path] = file }
        // Handed over, not copied: the compiler frees the scenes' syntax as it goes.
        let input = ModuleCompiler.Input(module: consume module, includes: consume includes, catalogue: catalogue, rules: rules,
                                         sourceTexts: files.map(\.0.text), file: path)
        let (scenario, compileDiagnostics) = ModuleCompiler.compile(consume input)
        diagnostics += compileDiagnostics
        return ModuleResult(scenario: diagnostics.hasErrors ? nil : scenario, diagnostics: diagnostics, sources: sources)
    }

    /// The files a module includes, level by level (every file once; each level's files read in
    /// parallel), with the problems met at each level in the order met: cycles, includes nested too
    /// deep, and files that cannot be read.
    private func readIncludes(of module: SourceText) -> [(files: [SourceText], problems: [Diagnostic])] {
        var levels: [(files: [SourceText], problems: [Diagnostic])] = []
        var seen: Set<String> = [FileSystem.canonical(module.path)]
        var level: [(source: SourceText, chain: [String])] = [(module, [FileSystem.canonical(module.path)])]
        while !level.isEmpty {
            var problems: [Diagnostic] = []
            var pending: [(include: Located<String>, path: String, chain: [String], reportAt: Int)] = []
            for (source, chain) in level {
                for include in ModuleParser.parse(source, isIncluded: chain.count > 1, headerOnly: true).0.includes {
                    let includedPath = FileSystem.join(FileSystem.directory(of: source.path), include.value)
                    let canonical = FileSystem.canonical(includedPath)
                    if chain.contains(canonical) {
                        problems.append(Diagnostic(.includeCycle, "including '\(include.value)' makes a cycle", at: include.location,
                                                   length: include.value.count,
                                                   hint: "files include each other in a loop; move the shared scenes into a third file"))
                        continue
                    }
                    if chain.count >= Self.maximumIncludeDepth {
                        problems.append(Diagnostic(.includeTooDeep, "includes are nested more than \(Self.maximumIncludeDepth) deep",
                                                   at: include.location, length: include.value.count,
                                                   hint: "include shared files from the module directly"))
                        continue
                    }
                    guard seen.insert(canonical).inserted else { continue }
                    pending.append((include, includedPath, chain + [canonical], problems.count))
                }
            }
            let read = Self.readInParallel(pending.map { ($0.path, $0.include) })
            // A file that cannot be read is reported where it was met among the cycle and depth reports.
            for (entry, result) in zip(pending, read).reversed() {
                if case .failure(let diagnostic) = result { problems.insert(diagnostic, at: entry.reportAt) }
            }
            level = zip(pending, read).compactMap { entry, result in
                guard case .success(let source) = result else { return nil }
                return (source, entry.chain)
            }
            levels.append((level.map(\.source), problems))
        }
        return levels
    }

    /// Each included file read, or the diagnostic that says why it cannot be read.
    private static func readInParallel(_ files: [(path: String, include: Located<String>)]) -> [Result<SourceText, Diagnostic>] {
        let results = ParallelResults<Result<SourceText, Diagnostic>>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let (path, include) = files[index]
            results.store(readSource(path, reportedAt: include.location, length: include.value.count), at: index)
        }
        return results.values
    }

    /// A module's id and title from its header alone (no scenes are read or compiled).
    public static func moduleHeader(at path: String) -> (id: String, title: String)? {
        // The header sits above the first scene, so the first 8 KiB normally hold it: only the lines above
        // the first `===` line are parsed (all lines to the last whole one when no scene starts there), and
        // the course list appears without reading whole modules.
        let window = 8192
        if let prefix = FileSystem.readPrefix(path, count: window), !prefix.contains(0) {
            let firstScene = firstSceneLine(in: prefix)
            let complete = firstScene != nil || prefix.count < window
            let end = firstScene ?? (complete ? prefix.count : prefix.lastIndex(of: UInt8(ascii: "\n")) ?? 0)
            if let text = String(validating: prefix[..<end], as: UTF8.self) {
                let (syntax, _) = ModuleParser.parse(SourceText(path: path, text: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text),
                                                     headerOnly: true)
                let id = syntax.id?.value ?? ""
                if complete { return id.isEmpty ? nil : (id, syntax.title ?? id) }
                if !id.isEmpty, let title = syntax.title { return (id, title) }
            }
        }
        guard case .success(let source) = readSource(path) else { return nil }
        let (syntax, _) = ModuleParser.parse(source, headerOnly: true)
        guard let id = syntax.id?.value, !id.isEmpty else { return nil }
        return (id, syntax.title ?? id)
    }

    /// Where the first line that starts with `===` (a scene header) begins, if the bytes hold one.
    static func firstSceneLine(in bytes: [UInt8]) -> Int? {
        let marker = Array("===".utf8)
        var lineStart = 0
        while lineStart < bytes.count {
            if bytes[lineStart...].starts(with: marker) { return lineStart }
            guard let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            lineStart = newline + 1
        }
        return nil
    }

    /// Loads several course folders side by side on the machine's cores; the results are in the order given.
    public func loadCourses(at folders: [String], headersOnly: Bool = false) -> [CourseResult] {
        let results = ParallelResults<CourseResult>(count: folders.count)
        DispatchQueue.concurrentPerform(iterations: folders.count) { index in
            results.store(loadCourse(at: folders[index], headersOnly: headersOnly), at: index)
        }
        return results.values
    }

    /// Loads a course folder (its `course.ride` and every module it lists). With `headersOnly`, modules
    /// are listed with their titles but not compiled (for a fast first screen).
    public func loadCourse(at folder: String, headersOnly: Bool = false) -> CourseResult {
        let coursePath = FileSystem.join(folder, "course.ride")
        let source: SourceText
        switch Self.readSource(coursePath) {
        case .success(let text): source = text
        case .failure(let diagnostic): return CourseResult(course: nil, diagnostics: [diagnostic], sources: [:])
        }
        var sources = [coursePath: source]
        var (syntax, diagnostics) = CourseParser.parse(source)
        let rules = RatingRules(passMark: syntax.passMark, bands: syntax.bands, criticalCap: syntax.criticalCap, criticalFails: syntax.criticalFails)
        var catalogue: [Competency] = []
        for declaration in syntax.competencies {
            if catalogue.contains(where: { $0.id == declaration.id.value }) {
                diagnostics.append(Diagnostic(.nameClash, "competency '\(declaration.id.value)' is declared twice", at: declaration.id.location,
                                              length: declaration.id.value.count, hint: "keep one declaration"))
                continue
            }
            catalogue.append(Competency(id: declaration.id.value, label: declaration.label, ftoCategory: declaration.ftoCategory))
        }
        if syntax.title == nil, let id = syntax.id {
            diagnostics.append(Diagnostic(.missingDeclaration, "the course has no `title:`", at: id.location, length: max(1, id.value.count),
                                          hint: "add `title: …`: trainees see it in the course list"))
        }
        if catalogue.isEmpty, let id = syntax.id {
            diagnostics.append(Diagnostic(.missingDeclaration, "the course declares no competencies", at: id.location, length: max(1, id.value.count),
                                          hint: "add `competency comm.listen \"Active listening\" fto \"Control of conflict\"`"))
        }
        var modules: [CourseModule] = []
        let present = syntax.modules.filter { entry in
            guard FileSystem.exists(FileSystem.join(folder, entry.file.value)) else {
                diagnostics.append(Diagnostic(.badModuleReference, "module file '\(entry.file.value)' does not exist", at: entry.file.location,
                                              length: entry.file.value.count, hint: "create the file next to course.ride, or correct the name"))
                return false
            }
            return true
        }
        if headersOnly {
            let modules = present.compactMap { entry -> CourseModule? in
                let path = FileSystem.join(folder, entry.file.value)
                guard let header = Self.moduleHeader(at: path) else { return nil }
                return CourseModule(id: header.id, file: path, prerequisites: entry.after.map(\.value), scenario: nil, title: header.title)
            }
            return CourseResult(course: Course(id: syntax.id?.value ?? "", title: syntax.title ?? syntax.id?.value ?? "", description: syntax.description,
                                               folder: folder, rules: rules, competencies: catalogue, modules: modules),
                                diagnostics: diagnostics, sources: sources)
        }
        let results = ParallelResults<ModuleResult>(count: present.count)
        let fixedCatalogue = catalogue
        DispatchQueue.concurrentPerform(iterations: present.count) { index in
            results.store(loadModule(at: FileSystem.join(folder, present[index].file.value), catalogue: fixedCatalogue, rules: rules), at: index)
        }
        for (entry, result) in zip(present, results.values) {
            let path = FileSystem.join(folder, entry.file.value)
            diagnostics += result.diagnostics
            sources.merge(result.sources) { first, _ in first }
            let id = result.scenario?.id ?? String(entry.file.value.dropLast(5).split(separator: "/").last ?? "")
            if modules.contains(where: { $0.id == id }) {
                diagnostics.append(Diagnostic(.badModuleReference, "module '\(id)' is listed twice", at: entry.file.location,
                                              length: entry.file.value.count, hint: "list each module once"))
                continue
            }
            modules.append(CourseModule(id: id, file: path, prerequisites: entry.after.map(\.value), scenario: result.scenario))
        }
        for (position, (entry, module)) in zip(present, modules).enumerated() {
            let earlier = modules[..<position].map(\.id)
            for prerequisite in entry.after where !earlier.contains(prerequisite.value) || prerequisite.value == module.id {
                diagnostics.append(Diagnostic(.badModuleReference, "'\(prerequisite.value)' is not an earlier module of this course",
                                              at: prerequisite.location, length: prerequisite.value.count,
                                              hint: modules.contains(where: { $0.id == prerequisite.value }) && prerequisite.value != module.id
                                                ? "list '\(prerequisite.value)' above '\(module.id)' in course.ride: prerequisites come first"
                                                : Suggestion.hint(for: prerequisite.value, among: earlier, otherwise: "name a module listed above this one")))
            }
        }
        if syntax.modules.isEmpty, let id = syntax.id {
            diagnostics.append(Diagnostic(.missingDeclaration, "the course lists no modules", at: id.location, length: max(1, id.value.count),
                                          hint: "add `module first-module.ride`"))
        }
        let course = Course(id: syntax.id?.value ?? "", title: syntax.title ?? syntax.id?.value ?? "", description: syntax.description,
                            folder: folder, rules: rules, competencies: catalogue, modules: modules)
        return CourseResult(course: course, diagnostics: diagnostics, sources: sources)
    }

    /// The catalogue and rules of the course a module file sits in, when its folder has a `course.ride`.
    public func courseContext(forModuleAt path: String) -> (catalogue: [Competency], rules: RatingRules) {
        let coursePath = FileSystem.join(FileSystem.directory(of: path), "course.ride")
        guard case .success(let source) = Self.readSource(coursePath) else { return ([], .standard) }
        let (syntax, _) = CourseParser.parse(source)
        let catalogue = syntax.competencies.map { Competency(id: $0.id.value, label: $0.label, ftoCategory: $0.ftoCategory) }
        return (catalogue, RatingRules(passMark: syntax.passMark, bands: syntax.bands, criticalCap: syntax.criticalCap, criticalFails: syntax.criticalFails))
    }
}
