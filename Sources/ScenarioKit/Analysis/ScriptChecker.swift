/// `ridealong check`: loads the courses, modules and folders named, compiles them, explores every
/// module that compiled, and gathers all diagnostics.
public enum ScriptChecker {
    /// Everything one check found.
    public struct Run: Sendable {
        public var diagnostics: [Diagnostic] = []
        public var sources: [String: SourceText] = [:]
        public var courses = 0
        public var modules = 0
        /// Each checked module's exploration, which holds its compiled scenario. `ridealong check` ends
        /// the process while it still holds them: freeing a large course object by object takes about as
        /// long as exploring it (a second at 100,000 scenes), and the system takes the memory back at once.
        public var explorations: [Exploration] = []
    }

    public static func run(paths: [String], stateLimit: Int = 500_000) -> Run {
        var run = Run()
        for path in paths { check(path, into: &run, stateLimit: stateLimit) }
        run.diagnostics = run.diagnostics.sortedUnique()
        return run
    }

    private static func check(_ path: String, into run: inout Run, stateLimit: Int) {
        let loader = ScriptLoader()
        if FileSystem.isDirectory(path) {
            if FileSystem.exists(FileSystem.join(path, "course.ride")) {
                let result = loader.loadCourse(at: path)
                run.courses += 1
                run.diagnostics += result.diagnostics
                run.sources.merge(result.sources) { first, _ in first }
                for module in result.course?.modules ?? [] {
                    run.modules += 1
                    if let scenario = module.scenario { run.add(ScenarioChecker.checkKeepingExploration(scenario, stateLimit: stateLimit)) }
                }
                return
            }
            let entries = FileSystem.list(path)
            for entry in entries where !entry.hasPrefix(".") {
                let full = FileSystem.join(path, entry)
                if FileSystem.isDirectory(full) || entry.hasSuffix(".ride") { check(full, into: &run, stateLimit: stateLimit) }
            }
            return
        }
        if path.hasSuffix("course.ride") || path == "course.ride" {
            check(FileSystem.directory(of: path), into: &run, stateLimit: stateLimit)
            return
        }
        let context = loader.courseContext(forModuleAt: path)
        let result = loader.loadModule(at: path, catalogue: context.catalogue, rules: context.rules)
        run.modules += 1
        run.diagnostics += result.diagnostics
        run.sources.merge(result.sources) { first, _ in first }
        if let scenario = result.scenario { run.add(ScenarioChecker.checkKeepingExploration(scenario, stateLimit: stateLimit)) }
    }
}

private extension ScriptChecker.Run {
    mutating func add(_ checked: (diagnostics: [Diagnostic], exploration: Exploration)) {
        diagnostics += checked.diagnostics
        explorations.append(checked.exploration)
    }
}
