import Foundation

/// For `make bench`: appends "milliseconds-since-T0 peak-kilobytes" to a file once the first frame is
/// drawn. T0_NS (nanoseconds since the epoch) is set by the benchmark just before it starts the player.
enum StartupProbe {
    static func record(to path: String, environment: [String: String]) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let nanoseconds = Double(now.tv_sec) * 1e9 + Double(now.tv_nsec)
        let start = environment["T0_NS"].flatMap(Double.init) ?? nanoseconds
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let line = String(format: "%.3f %ld\n", (nanoseconds - start) / 1e6, usage.ru_maxrss)
        if let handle = FileHandle(forWritingAtPath: path) ?? (FileManager.default.createFile(atPath: path, contents: nil) ? FileHandle(forWritingAtPath: path) : nil) {
            handle.seekToEndOfFile()
            handle.write(Data(line.utf8))
            handle.closeFile()
        }
    }
}
