import ArgumentParser
import ScenarioKit

#if canImport(Glibc)
import Glibc
#endif

/// `ridealong check PATH...`: every diagnostic in the named courses, modules and folders.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check course and module scripts and explore every reachable state.",
        discussion: "Exits 1 when there are errors (or warnings with --strict), 0 otherwise. Codes are explained in docs/diagnostics.md."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Course folders, module files or folders holding courses.", completion: .file(extensions: ["ride"]))
    var paths: [String]

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        LargeCheckRestart.restartIfLarge(paths: paths)
        let result = ScriptChecker.run(paths: paths)
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        let warnings = result.diagnostics.count - errors
        switch format {
        case .json:
            print(DiagnosticRenderer.json(result.diagnostics), terminator: "")
        case .text:
            let colour = isatty(STDOUT_FILENO) == 1 && getenv("NO_COLOR") == nil
            for diagnostic in result.diagnostics {
                print(DiagnosticRenderer.text(diagnostic, sources: result.sources, colour: colour))
            }
            let scope = "\(result.courses) course\(result.courses == 1 ? "" : "s"), \(result.modules) module\(result.modules == 1 ? "" : "s")"
            print("checked \(scope): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        }
        // Ends here, still holding the checked modules (see `ScriptChecker.Run.explorations`).
        withExtendedLifetime(result) {
            Glibc.exit(errors > 0 || (strict && warnings > 0) ? 1 : 0)
        }
    }
}
