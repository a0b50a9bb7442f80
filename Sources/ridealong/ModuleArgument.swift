import ArgumentParser
import Foundation
import ScenarioKit

/// Loads the module an authoring command names (a .ride file, with its folder's course catalogue),
/// printing its errors and failing when it does not compile.
enum ModuleArgument {
    static func load(_ path: String) throws -> Scenario {
        guard path.hasSuffix(".ride"), !path.hasSuffix("course.ride") else {
            throw ValidationError("name a module file (something.ride), not '\(path)'")
        }
        let loader = ScriptLoader()
        let context = loader.courseContext(forModuleAt: path)
        let result = loader.loadModule(at: path, catalogue: context.catalogue, rules: context.rules)
        guard let scenario = result.scenario else {
            for diagnostic in result.diagnostics.sortedUnique() where diagnostic.severity == .error {
                FileHandle.standardError.write(Data(DiagnosticRenderer.text(diagnostic, sources: result.sources).utf8))
            }
            FileHandle.standardError.write(Data("ridealong: '\(path)' has errors; fix them first (ridealong check).\n".utf8))
            throw ExitCode(1)
        }
        return scenario
    }
}
