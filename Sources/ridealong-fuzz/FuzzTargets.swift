import Foundation
import RidealongApp
import ScenarioKit

/// The inputs ridealong reads from people, as fuzz targets: a script (parse, compile, check), the plain
/// mode's typed lines, and a test plan. Each must end in diagnostics or answers, never a crash or hang.
enum FuzzTarget: String, CaseIterable {
    case script, plain, plan

    /// A small module the plain-mode and test-plan targets play.
    static let module = """
    module fuzz
    title: Fuzz
    competency pj.respect "Respect" fto "Relationships with the public"
    var warned = false
    === door ===
    @timer 5s
    Somebody answers. {warned}
    @checkin mood: How are you? [Fine | Tired]
    @reflect note: Anything to add?
    * hello: Hello.
      -> next
      score pj.respect +2
      feedback: f
      why: w
      ideal
    + wait: Wait.
      if not warned else "Already waited"
      ~ warned = true
      -> door
      feedback: f
      why: w
    * freeze: (Nothing.)
      on timeout
      -> next
      feedback: f
      why: w
    === next ===
    @breathe 1 cycles 1-1-1-1
    @end resolved: Done
    @debrief Done.
    """

    static let scenario = ScriptLoader.compileModule(text: module).scenario!

    func run(_ bytes: [UInt8]) {
        switch self {
        case .script:
            guard let text = String(validating: bytes, as: UTF8.self) else { return }
            let result = ScriptLoader.compileModule(text: text)
            if let scenario = result.scenario { _ = ScenarioChecker.check(scenario, stateLimit: 2_000) }
            for diagnostic in result.diagnostics { _ = DiagnosticRenderer.text(diagnostic, sources: result.sources) }
        case .plain:
            var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init).prefix(400)
            let course = Course(id: "fuzz", title: "Fuzz", description: "", folder: ".", rules: .standard,
                                competencies: Self.scenario.competencies,
                                modules: [CourseModule(id: "fuzz", file: "fuzz.ride", prerequisites: [], scenario: Self.scenario)])
            let player = PlainPlayer(catalog: Catalog(courses: [course]), store: PreviewStore(), trainee: nil,
                                     readLine: { lines.isEmpty ? nil : lines.removeFirst() }, write: { _ in }, clock: { 0 })
            player.run()
        case .plan:
            let (plans, _) = TestPlan.parse(SourceText(path: "fuzz.plan", text: String(decoding: bytes, as: UTF8.self)))
            for plan in plans { _ = plan.run(on: Self.scenario) }
        }
    }
}

#if FUZZING
/// libFuzzer's driver (linked from clang's fuzzer_no_main runtime by `make fuzz`).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<Int32>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// One fuzz input through the target named by RIDEALONG_FUZZ_TARGET (script by default).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let name = getenv("RIDEALONG_FUZZ_TARGET").map { String(cString: $0) } ?? "script"
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    (FuzzTarget(rawValue: name) ?? .script).run(bytes)
    return 0
}

/// Runs libFuzzer's driver (whichever `main` the linker keeps, the same inputs reach the target).
@main
struct FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
    }
}
#else

/// Without the fuzzer: replays saved inputs (regressions and corpora) through a target.
@main
struct FuzzReplay {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            print("usage: ridealong-fuzz script|plain|plan FILE-OR-FOLDER...")
            exit(2)
        }
        var count = 0
        for path in arguments.dropFirst() {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            let files = isFolder.boolValue ? try FileManager.default.contentsOfDirectory(atPath: path).sorted().map { path + "/" + $0 } : [path]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                target.run(Array(data))
                count += 1
            }
        }
        print("fuzz replay \(target.rawValue): \(count) inputs, 0 crashes")
    }
}
#endif
