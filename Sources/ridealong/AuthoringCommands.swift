import ArgumentParser
import Foundation
import ScenarioKit

/// `ridealong explore MODULE`
struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Explore every reachable state of a module: endings, paths, score ranges, the pass mark, what is never reached.")

    @Argument(help: "The module file.", completion: .file(extensions: ["ride"]))
    var module: String

    @Option(help: "Stop after this many states.")
    var stateLimit = 500_000

    func run() throws {
        let report = ExplorationReport(scenario: try ModuleArgument.load(module), stateLimit: stateLimit)
        print(report.text, terminator: "")
    }
}

/// `ridealong playtest MODULE --runs N --seed S`
struct PlaytestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "playtest",
        abstract: "Seeded random playthroughs: hit counts, outcome and score histograms, pass rate, a suggested pass mark.")

    @Argument(help: "The module file.", completion: .file(extensions: ["ride"]))
    var module: String

    @Option(help: "How many playthroughs.")
    var runs = 10_000

    @Option(help: "The random seed; the same seed gives the same report.")
    var seed: UInt64 = 1

    @Option(help: "random, or least-used (favours choices taken least so far).")
    var strategy: PlaytestReport.Strategy = .random

    @Option(help: "Suggest the pass mark that gives this pass rate (0–1).")
    var passRate: Double?

    func validate() throws {
        guard runs > 0, runs <= 100_000_000 else { throw ValidationError("--runs must be from 1 to 100000000") }
        if let passRate, !(0...1).contains(passRate) { throw ValidationError("--pass-rate is a fraction from 0 to 1, e.g. 0.8") }
    }

    func run() throws {
        let report = PlaytestReport(scenario: try ModuleArgument.load(module), runs: runs, seed: seed, strategy: strategy)
        print(report.text(wantedPassRate: passRate), terminator: "")
    }
}

extension PlaytestReport.Strategy: ExpressibleByArgument {}

/// `ridealong graph MODULE --format dot|mermaid|text`
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph", abstract: "Draw a module as a graph of scenes, choices and endings, with the ideal path highlighted.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case dot, mermaid, text }

    @Argument(help: "The module file.", completion: .file(extensions: ["ride"]))
    var module: String

    @Option(help: "dot (for Graphviz), mermaid, or text.")
    var format: Format = .text

    func run() throws {
        let scenario = try ModuleArgument.load(module)
        switch format {
        case .dot: print(ScenarioGraph.dot(scenario), terminator: "")
        case .mermaid: print(ScenarioGraph.mermaid(scenario), terminator: "")
        case .text: print(ScenarioGraph.text(scenario), terminator: "")
        }
    }
}

/// `ridealong test PATH`
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test", abstract: "Run instructor test plans (MODULE.plan files next to their modules).",
        discussion: "Each plan scripts choices and expects lines, choices, variables, scores, ratings and endings. See docs/authoring.md.")

    @Argument(help: "Plan files, or folders searched for them.", completion: .file(extensions: ["plan"]))
    var paths: [String]

    func run() throws {
        var passed = 0, failed = 0
        let plans = paths.flatMap(Self.planFiles)
        guard !plans.isEmpty else { throw ValidationError("no .plan files in \(paths.joined(separator: ", "))") }
        for planPath in plans {
            let modulePath = String(planPath.dropLast(5)) + ".ride"
            let source: SourceText
            switch ScriptLoader.readSource(planPath) {
            case .success(let text): source = text
            case .failure(let diagnostic):
                print(DiagnosticRenderer.text(diagnostic, sources: [:]))
                failed += 1
                continue
            }
            let (testPlans, diagnostics) = TestPlan.parse(source)
            for diagnostic in diagnostics { print(DiagnosticRenderer.text(diagnostic, sources: [planPath: source])) }
            failed += diagnostics.count
            let scenario = try ModuleArgument.load(modulePath)
            for plan in testPlans {
                if let failure = plan.run(on: scenario) {
                    print("FAIL \(planPath): \(plan.name)\n  \(failure)")
                    failed += 1
                } else {
                    print("ok   \(planPath): \(plan.name)")
                    passed += 1
                }
            }
        }
        print("test plans: \(passed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode(1) }
    }

    static func planFiles(_ path: String) -> [String] {
        if path.hasSuffix(".plan") { return [path] }
        guard FileSystem.isDirectory(path) else { return [] }
        return FileSystem.list(path).flatMap { name -> [String] in
            let full = FileSystem.join(path, name)
            return FileSystem.isDirectory(full) ? planFiles(full) : (name.hasSuffix(".plan") ? [full] : [])
        }
    }
}

/// `ridealong new course|module NAME`
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Start a course or a module from a starter that passes check --strict and shows every construct.")

    enum Kind: String, ExpressibleByArgument, CaseIterable { case course, module }

    @Argument(help: "course or module.")
    var kind: Kind

    @Argument(help: "The id: letters, digits and '-', e.g. noise-complaint.")
    var name: String

    @Option(help: "For a module: the course folder to add it to.", completion: .directory)
    var course = "."

    func validate() throws {
        guard let first = name.first, first.isLetter, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw ValidationError("'\(name)' is not a valid id: use letters, digits, '-' and '_', starting with a letter")
        }
    }

    func run() throws {
        let manager = FileManager.default
        switch kind {
        case .course:
            guard !manager.fileExists(atPath: name) else { throw ValidationError("'\(name)' already exists; choose another name") }
            try manager.createDirectory(atPath: name, withIntermediateDirectories: false)
            try Starter.course(id: name, firstModule: "first-module").write(toFile: "\(name)/course.ride", atomically: true, encoding: .utf8)
            try Starter.module(id: "first-module").write(toFile: "\(name)/first-module.ride", atomically: true, encoding: .utf8)
            try Starter.shared.write(toFile: "\(name)/\(Starter.sharedFile)", atomically: true, encoding: .utf8)
            print("created \(name)/course.ride, \(name)/first-module.ride and \(name)/\(Starter.sharedFile)")
            print("next: ridealong check --strict \(name)    then: ridealong play \(name) --courses .")
        case .module:
            let coursePath = "\(course)/course.ride"
            guard manager.fileExists(atPath: coursePath) else {
                throw ValidationError("no course.ride in '\(course)': create a course with `ridealong new course NAME`, or pass --course FOLDER")
            }
            let modulePath = "\(course)/\(name).ride"
            guard !manager.fileExists(atPath: modulePath) else { throw ValidationError("'\(modulePath)' already exists; choose another name") }
            try Starter.module(id: name).write(toFile: modulePath, atomically: true, encoding: .utf8)
            if !manager.fileExists(atPath: "\(course)/\(Starter.sharedFile)") {
                try Starter.shared.write(toFile: "\(course)/\(Starter.sharedFile)", atomically: true, encoding: .utf8)
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: coursePath))
            try handle.seekToEnd()
            let existing = try String(contentsOfFile: coursePath, encoding: .utf8)
            try handle.write(contentsOf: Data(((existing.hasSuffix("\n") ? "" : "\n") + "module \(name).ride\n").utf8))
            try handle.close()
            print("created \(modulePath) and listed it in \(coursePath)")
            print("next: ridealong check --strict \(course)    then: ridealong play --watch \(modulePath)")
        }
    }
}
