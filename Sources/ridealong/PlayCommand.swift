import ArgumentParser
import CursesTerminal
import Foundation
import RecordKit
import RidealongApp
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

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        if let watch { return try ScriptWatch(path: watch, theme: theme, settings: Settings(timersEnabled: !noTimers)).run(environment: environment) }
        let folder = courses ?? CourseLocation.find(environment: environment)
        guard FileSystem.isDirectory(folder) else {
            throw ValidationError("no courses at '\(folder)'; name the folder with --courses")
        }
        let catalog = Catalog.load(from: folder, headersOnly: !plain && module == nil)
        let directory = DataDirectory.resolve(explicit: dataDir, environment: environment)
        let store: RecordStore
        do {
            store = try RecordStore(directory: directory)
        } catch {
            throw CommandFailure("\(error)")
        }
        var signedIn: Trainee?
        if let trainee {
            let remembered = store.lastTrainee()
            let known = try? TrainingRecords(store).trainees().first { $0.0.id == trainee }?.0
            signedIn = Trainee(id: trainee, name: name ?? known?.name ?? (remembered?.id == trainee ? remembered!.name : trainee))
            try? store.perform(.signIn(signedIn!), trainee: signedIn!)
        }
        let start = try module.map { try reference(for: $0, in: catalog) }
        let settings = Settings(timersEnabled: !noTimers)
        let seconds = SessionClock.start()
        if !plain, let terminal = CursesTerminal(theme: theme, environment: environment) {
            defer { terminal.stop() }
            var state = AppState(catalog: catalog, width: terminal.width, height: terminal.height, trainee: signedIn,
                                 rememberedTrainee: store.lastTrainee(), settings: settings)
            if !terminal.isUTF8 { state.notice = "Your locale is not UTF-8: some characters may not show. Set LANG=C.UTF-8." }
            if !catalog.diagnostics.isEmpty { state.notice = "Some modules have errors and cannot be played: run ridealong check." }
            let runtime = AppRuntime(state: state, terminal: terminal, store: store, clock: seconds)
            if catalog.isHeadersOnly { runtime.afterFirstFrame = { .catalogLoaded(Catalog.load(from: folder)) } }
            runtime.reviewSource = RecordReviewSource(store)
            if let start, signedIn != nil { runtime.jump(to: start, at: seconds()) }
            if let firstFrameLog {
                runtime.onFirstFrame = {
                    terminal.stop()
                    StartupProbe.record(to: firstFrameLog, environment: environment)
                    Foundation.exit(0)
                }
            }
            let unsaved = runtime.run()
            terminal.stop()
            if !unsaved.isEmpty {
                FileHandle.standardError.write(Data("ridealong: \(unsaved.count) record(s) could not be saved to \(directory).\n".utf8))
                throw ExitCode(2)
            }
            return
        }
        // A closed output (a pipe whose reader left) ends the session quietly; every decision is already saved.
        signal(SIGPIPE, SIG_IGN)
        let output = PlainOutput()
        let player = PlainPlayer(catalog: catalog.isHeadersOnly ? Catalog.load(from: folder) : catalog, store: store, trainee: signedIn,
                                 readLine: { output.isClosed ? nil : Swift.readLine(strippingNewline: true) },
                                 write: output.write, clock: seconds)
        player.run(start: start?.module.isEmpty == false ? start : nil)
    }

    private func reference(for text: String, in catalog: Catalog) throws -> ModuleReference {
        let parts = text.split(separator: "/").map(String.init)
        guard let course = catalog.courses.first(where: { $0.id == parts.first }) else {
            throw ValidationError("no course '\(parts.first ?? text)'; courses here: \(catalog.courses.map(\.id).joined(separator: ", "))")
        }
        guard parts.count > 1 else { return ModuleReference(course: course.id, module: course.modules.first?.id ?? "") }
        guard course.module(parts[1]) != nil else {
            throw ValidationError("no module '\(parts[1])' in \(course.id); modules: \(course.modules.map(\.id).joined(separator: ", "))")
        }
        return ModuleReference(course: course.id, module: parts[1])
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
