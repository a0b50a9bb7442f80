import ArgumentParser
import Testing
@testable import ridealong

@Suite("Start-up: the everyday invocation read without ArgumentParser")
struct QuickStartTests {
    static let everyday: [[String]] = [
        [],
        ["play"],
        ["play", "--courses", "Courses", "--data-dir", "/tmp/records", "--trainee", "T-1"],
        ["play", "safer-together/noise-complaint", "--plain", "--no-timers"],
        ["play", "--trainee", "T-2", "power"],
        ["--courses=Courses", "--theme", "high-contrast"],
        ["--theme=monochrome", "--no-timers"],
        ["play", "--watch", "Courses/power/im-fine.ride"],
        ["--name", "Sam Lee", "--trainee", "T-3"],
        ["play", "--trainee", "T-1", "--trainee", "T-4"],
        ["play", "--courses", "C", "--first-frame-log", "/tmp/first"],
    ]

    @Test(arguments: everyday)
    func readsWhatArgumentParserReads(arguments: [String]) throws {
        let quick = try #require(QuickStart.playOptions(from: arguments))
        let parsed = try #require(try Ridealong.parseAsRoot(arguments) as? PlayCommand)
        #expect(quick == parsed.options)
    }

    static let others: [[String]] = [
        ["--help"], ["-h"], ["--version"], ["help"], ["check", "Courses"], ["review", "T-1"], ["export", "--format", "csv"],
        ["noise-complaint"], ["play", "a", "b"], ["play", "--theme", "neon"], ["play", "--courses"], ["play", "--courses", "--plain"],
        ["play", "--plain=yes"], ["play", "--", "power"], ["play", "-x"], ["play", "--trainee="], ["play", "--colour", "none"],
        ["--generate-completion-script", "bash"],
    ]

    @Test(arguments: others)
    func leavesEverythingElseToArgumentParser(arguments: [String]) {
        #expect(QuickStart.playOptions(from: arguments) == nil)
    }
}
