import Foundation
import ScenarioKit

/// `make bench`: figures for parse + check of generated courses, each size measured in a child
/// process so its peak memory is its own.
let arguments = CommandLine.arguments
if arguments.count == 4, arguments[1] == "--check-once", let scenes = Int(arguments[2]) {
    let folder = arguments[3]
    let bytes = try GeneratedCourse.write(scenes: scenes, to: folder)
    let clock = ContinuousClock()
    var best = Duration.seconds(1_000)
    var diagnostics = 0
    for _ in 0..<(scenes >= 100_000 ? 2 : 5) {
        let elapsed = clock.measure {
            let run = ScriptChecker.run(paths: [folder])
            diagnostics = run.diagnostics.count
        }
        best = min(best, elapsed)
    }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
    print("\(scenes) \(bytes) \(seconds) \(usage.ru_maxrss) \(diagnostics)")
    exit(0)
}

struct Row {
    var scenes: Int, bytes: Int, seconds: Double, peakKB: Int, diagnostics: Int
}

func measure(scenes: Int) throws -> Row {
    let folder = NSTemporaryDirectory() + "ridealong-bench-\(scenes)"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = ["--check-once", String(scenes), folder]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try? FileManager.default.removeItem(atPath: folder)
    let fields = String(decoding: data, as: UTF8.self).split(separator: " ").map { String($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    guard fields.count == 5, let bytes = Int(fields[1]), let seconds = Double(fields[2]), let peak = Int(fields[3]), let diagnostics = Int(fields[4]) else {
        throw NSError(domain: "bench", code: 1, userInfo: [NSLocalizedDescriptionKey: "child failed for \(scenes) scenes"])
    }
    return Row(scenes: scenes, bytes: bytes, seconds: seconds, peakKB: peak, diagnostics: diagnostics)
}

func pad(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }

// RIDEALONG_BENCH_ONLY=scripts|authoring|records runs one part.
let only = ProcessInfo.processInfo.environment["RIDEALONG_BENCH_ONLY"].flatMap { $0.isEmpty ? nil : $0 }
func runs(_ part: String) -> Bool { only == nil || only == part }
var failures: [String] = []

if runs("scripts") {
    print("ridealong bench — parse + check (compile, explore, path analysis) of a generated course, release build")
    print("")
    print(pad("scenes", 8) + pad("MB", 8) + pad("time", 10) + pad("MB/s", 9) + pad("peak MB", 9) + pad("growth", 9) + "  target")
    var previous: Row?
    for scenes in [1_000, 10_000, 100_000] {
        let row = try measure(scenes: scenes)
        let megabytes = Double(row.bytes) / 1_048_576
        let rate = megabytes / row.seconds
        var growth = "-"
        if let previous {
            let factor = (row.seconds / previous.seconds) / (Double(row.scenes) / Double(previous.scenes))
            growth = String(format: "%.2f", factor)
            if factor > 1.5 { failures.append("growth \(growth) at \(scenes) scenes") }
        }
        var target = "≥ 20 MB/s, growth ≤ linear"
        if scenes == 100_000 { target += ", < 2 s" }
        if rate < 20 { failures.append("\(String(format: "%.1f", rate)) MB/s at \(scenes) scenes") }
        if scenes == 100_000, row.seconds >= 2 { failures.append("\(String(format: "%.2f", row.seconds)) s at 100k scenes") }
        if row.diagnostics != 0 { failures.append("\(row.diagnostics) diagnostics in the generated course") }
        print(pad(String(scenes), 8) + pad(String(format: "%.1f", megabytes), 8) + pad(String(format: "%.3f s", row.seconds), 10)
              + pad(String(format: "%.1f", rate), 9) + pad(String(format: "%.1f", Double(row.peakKB) / 1024), 9) + pad(growth, 9) + "  " + target)
        previous = row
}
print("growth = (time ratio) / (size ratio) against the previous row; 1.00 is exactly linear.")
print("")
}
if runs("authoring") {
    print("authoring tools and renderer")
    let courses = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "Courses"
    for (label, figure, target, met) in AuthoringAndRenderBench.rows(courses: courses) {
        print("  " + label.padding(toLength: 44, withPad: " ", startingAt: 0) + pad(figure, 14) + "   " + target)
        if !met { failures.append("\(label): \(figure)") }
}
print("")
}
if runs("records") {
    print("records store")
    for (label, figure, target, met) in try RecordsBench.rows() {
        print("  " + label.padding(toLength: 68, withPad: " ", startingAt: 0) + pad(figure, 12) + "   " + target)
        if !met { failures.append("\(label): \(figure)") }
}
print("")
}
print(failures.isEmpty ? "all targets above met" : "MISSED: " + failures.joined(separator: "; "))
