import CursesTerminal
import Foundation
import RidealongApp
import ScenarioKit

/// `ridealong play --watch FILE`: the instructor plays the module being written; each save reloads it
/// and replays the choices made so far, and errors show inside the player. Nothing is recorded.
struct ScriptWatch {
    var path: String
    var theme: CursesTerminal.Theme
    var settings: Settings

    private func load() -> ScriptLoader.ModuleResult {
        let loader = ScriptLoader()
        let context = loader.courseContext(forModuleAt: path)
        return loader.loadModule(at: path, catalogue: context.catalogue, rules: context.rules)
    }

    private static func modificationTimes(_ files: some Sequence<String>) -> [String: Date] {
        var times: [String: Date] = [:]
        for file in files { times[file] = (try? FileManager.default.attributesOfItem(atPath: file))?[.modificationDate] as? Date }
        return times
    }

    func run(environment: [String: String]) throws {
        let first = load()
        guard let scenario = first.scenario else {
            for diagnostic in first.diagnostics.sortedUnique() where diagnostic.severity == .error {
                FileHandle.standardError.write(Data(DiagnosticRenderer.text(diagnostic, sources: first.sources).utf8))
            }
            throw CommandFailure("'\(path)' has errors; fix them, then start the preview again")
        }
        guard let terminal = CursesTerminal(theme: theme, environment: environment) else {
            throw CommandFailure("--watch needs a terminal (TERM set, not dumb)")
        }
        defer { terminal.stop() }
        let reference = ModuleReference(course: "preview", module: scenario.id)
        let course = Course(id: "preview", title: "Preview", description: "", folder: FileSystem.directory(of: path), rules: scenario.rules,
                            competencies: scenario.competencies,
                            modules: [CourseModule(id: scenario.id, file: path, prerequisites: [], scenario: scenario)])
        let state = AppState(catalog: Catalog(courses: [course]), width: terminal.width, height: terminal.height,
                             trainee: Trainee(id: "preview", name: "Instructor preview"), settings: settings)
        let seconds = SessionClock.start()
        let runtime = AppRuntime(state: state, terminal: terminal, store: PreviewStore(), clock: seconds)
        runtime.jump(to: reference, at: seconds())
        var files = Set(first.sources.keys)
        var times = Self.modificationTimes(files)
        runtime.watcher = { () -> Action? in
            let now = Self.modificationTimes(files)
            guard now != times else { return nil }
            times = now
            let result = load()
            files.formUnion(result.sources.keys)
            times = Self.modificationTimes(files)
            guard let scenario = result.scenario else {
                return .scriptFailed(result.diagnostics.sortedUnique().filter { $0.severity == .error }.map {
                    "\($0.location): error[\($0.code.rawValue)]: \($0.message)"
                })
            }
            return .scriptReloaded(reference, scenario)
        }
        runtime.run()
    }
}
