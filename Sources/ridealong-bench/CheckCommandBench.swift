import Foundation

/// Times `ridealong check` on a generated course the way an author or a CI job runs it: a process of
/// its own from start to exit, so the figure includes reading, parsing, compiling, exploring, printing
/// and ending, and its peak memory is the process's own.
enum CheckCommandBench {
    /// One size's best run.
    struct Row {
        var scenes: Int, bytes: Int, seconds: Double, peakKB: Int, diagnostics: Int
    }

    /// Generates a course of `scenes` scenes and checks it `runs` times with `binary`; the fastest run counts.
    static func measure(scenes: Int, runs: Int, binary: String) throws -> Row {
        let folder = NSTemporaryDirectory() + "ridealong-bench-\(scenes)-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bytes = try GeneratedCourse.write(scenes: scenes, to: folder)
        var best: Row?
        for _ in 0..<runs {
            let run = try check(folder, binary: binary)
            let row = Row(scenes: scenes, bytes: bytes, seconds: run.seconds, peakKB: run.peakKB, diagnostics: run.diagnostics)
            if best.map({ row.seconds < $0.seconds }) ?? true { best = row }
        }
        return best!
    }

    /// Runs `binary check folder` with its output in a file, and reads back the time, the peak memory and
    /// the number of diagnostics its summary line counts.
    private static func check(_ folder: String, binary: String) throws -> (seconds: Double, peakKB: Int, diagnostics: Int) {
        let output = folder + ".out"
        defer { unlink(output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let arguments: [UnsafeMutablePointer<CChar>?] = [binary, "check", folder].map { (argument: String) in strdup(argument) } + [nil]
        defer { arguments.forEach { free($0) } }
        let clock = ContinuousClock()
        let start = clock.now
        var pid: pid_t = 0
        guard posix_spawn(&pid, binary, &actions, nil, arguments, environ) == 0 else { throw failure("cannot start \(binary)") }
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid else { throw failure("lost \(binary) while it ran") }
        let elapsed = clock.now - start
        let summary = (try? String(contentsOfFile: output, encoding: .utf8))?.split(separator: "\n").last.map(String.init) ?? ""
        // "checked 1 course, 1 module: 0 errors, 0 warnings"
        let counts = summary.split(separator: ":").last?.split(separator: ",").compactMap { Int($0.split(separator: " ").first ?? "") } ?? []
        guard summary.hasPrefix("checked "), counts.count == 2 else { throw failure("`ridealong check` printed no summary (\(summary))") }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (seconds, usage.ru_maxrss, counts[0] + counts[1])
    }

    private static func failure(_ message: String) -> NSError {
        NSError(domain: "bench", code: 1, userInfo: [NSLocalizedDescriptionKey: message])
    }
}
