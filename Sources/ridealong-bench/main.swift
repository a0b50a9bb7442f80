import Foundation

/// `make bench`: figures for `ridealong check` on generated courses, for the authoring tools and the
/// renderer, and for the records store.
let checkBinary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("ridealong").path

func pad(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }

// RIDEALONG_BENCH_ONLY=scripts|authoring|records runs one part.
let only = ProcessInfo.processInfo.environment["RIDEALONG_BENCH_ONLY"].flatMap { $0.isEmpty ? nil : $0 }
func runs(_ part: String) -> Bool { only == nil || only == part }
var failures: [String] = []

if runs("scripts") {
    print("ridealong bench — `ridealong check` (read, parse, compile, explore, path analysis) of a generated course, release build")
    print("")
    print(pad("scenes", 8) + pad("MB", 8) + pad("time", 10) + pad("MB/s", 9) + pad("peak MB", 9) + pad("growth", 9) + "  target")
    var previous: CheckCommandBench.Row?
    for scenes in [1_000, 10_000, 100_000] {
        let row = try CheckCommandBench.measure(scenes: scenes, runs: scenes >= 100_000 ? 3 : 5, binary: checkBinary)
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
    print("time = the fastest of 5 runs (3 at 100k) of the release binary, from start to exit; peak MB = its largest resident size")
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
