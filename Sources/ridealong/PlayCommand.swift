import ArgumentParser
import CursesTerminal
import Foundation
import ScenarioKit

/// `ridealong` / `ridealong play [COURSE[/MODULE]]`: the trainee's player.
struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Play training modules (the default command).",
        discussion: "Without a terminal, with TERM=dumb or an unknown TERM, or with --plain, plays in plain line mode."
    )

    @Argument(help: "A course, or COURSE/MODULE to start straight away.")
    var module: String?

    @Option(help: "The folder holding the courses.", completion: .directory)
    var courses: String?

    @Option(help: "Where progress and records are kept (default: $RIDEALONG_HOME or ~/.local/share/ridealong).", completion: .directory)
    var dataDir: String?

    @Option(help: "Sign in as this trainee id without the prompt.")
    var trainee: String?

    @Option(help: "Your name, with --trainee, when this machine does not know it yet.")
    var name: String?

    @Flag(help: "Play in plain line mode (numbered choices typed at a prompt).")
    var plain = false

    @Flag(help: "Turn off countdowns on timed decisions.")
    var noTimers = false

    @Option(help: "Colours: standard, high-contrast or monochrome (NO_COLOR also gives monochrome).")
    var theme: CursesTerminal.Theme = .standard

    @Option(help: "Play-as-you-write: play this module file, reload it on every save and replay your choices.",
            completion: .file(extensions: ["ride"]))
    var watch: String?

    @Option(help: .hidden)
    var firstFrameLog: String?

    var options: PlayOptions {
        PlayOptions(module: module, courses: courses, dataDir: dataDir, trainee: trainee, name: name, plain: plain,
                    noTimers: noTimers, theme: theme, watch: watch, firstFrameLog: firstFrameLog)
    }

    func run() throws {
        try options.launch()
    }
}

extension CursesTerminal.Theme: ExpressibleByArgument {}

/// Finds the shipped courses: $RIDEALONG_COURSES, ./Courses, or the installed share folder.
enum CourseLocation {
    static func find(environment: [String: String]) -> String {
        if let explicit = environment["RIDEALONG_COURSES"], !explicit.isEmpty { return explicit }
        if FileSystem.isDirectory("Courses") { return "Courses" }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        return executable.appendingPathComponent("../share/ridealong/Courses").standardized.path
    }
}
