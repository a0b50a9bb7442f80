import ArgumentParser
import CursesTerminal
import Foundation
import RecordKit
import RidealongApp
import ScenarioKit

/// What `ridealong play` was asked to do, however the arguments were read, and the code that does it.
struct PlayOptions: Equatable {
    var module: String?
    var courses: String?
    var dataDir: String?
    var trainee: String?
    var name: String?
    var plain = false
    var noTimers = false
    var theme: CursesTerminal.Theme = .standard
    var watch: String?
    var firstFrameLog: String?

    func launch() throws {
        let environment = PlayerEnvironment.current()
        if let watch { return try ScriptWatch(path: watch, theme: theme, settings: Settings(timersEnabled: !noTimers)).run(environment: environment) }
        let folder = courses ?? CourseLocation.find(environment: environment)
        guard FileSystem.isDirectory(folder) else {
            throw ValidationError("no courses at '\(folder)'; name the folder with --courses")
        }
        let headersOnly = !plain && module == nil
        let loading = Background { Catalog.load(from: folder, headersOnly: headersOnly) }
        let directory = DataDirectory.resolve(explicit: dataDir, environment: environment)
        let store: RecordStore
        do {
            // The full-screen player draws its first screen before the connection that writes opens.
            store = try RecordStore(directory: directory, openWriterLater: !plain)
        } catch {
            throw CommandFailure("\(error)")
        }
        let remembered = store.lastTrainee()
        var signedIn: Trainee?
        if let trainee {
            let known = store.rosterName(of: trainee)
            signedIn = Trainee(id: trainee, name: name ?? known ?? (remembered?.id == trainee ? remembered!.name : trainee))
            if signedIn != remembered || known == nil { try? store.perform(.signIn(signedIn!), trainee: signedIn!) }
        }
        let start = try module.map { try reference(for: $0, in: loading.value) }
        let settings = Settings(timersEnabled: !noTimers)
        let seconds = SessionClock.start()
        if !plain, let terminal = CursesTerminal(theme: theme, environment: environment) {
            defer { terminal.stop() }
            // The terminal starts while the courses are still being read.
            let catalog = loading.value
            var state = AppState(catalog: catalog, width: terminal.width, height: terminal.height, trainee: signedIn,
                                 rememberedTrainee: signedIn ?? remembered, settings: settings)
            if !terminal.isUTF8 { state.notice = "Your locale is not UTF-8: some characters may not show. Set LANG=C.UTF-8." }
            if !catalog.diagnostics.isEmpty { state.notice = "Some modules have errors and cannot be played: run ridealong check." }
            let runtime = AppRuntime(state: state, terminal: terminal, store: store, clock: seconds)
            if catalog.isHeadersOnly { runtime.afterFirstFrame = { .catalogLoaded(Catalog.load(from: folder)) } }
            runtime.reviewSource = RecordReviewSource(store)
            if let start, signedIn != nil { runtime.jump(to: start, at: seconds()) }
            var unwritable: Error?
            runtime.onFirstFrame = { [unowned runtime] in
                if let firstFrameLog {
                    StartupProbe.record(to: firstFrameLog, environment: environment)
                    runtime.finish()
                }
                // Nothing is played on records that cannot be saved.
                do { try store.checkWritable() } catch {
                    unwritable = error
                    runtime.finish()
                }
            }
            let unsaved = runtime.run()
            terminal.stop()
            if let unwritable { throw CommandFailure("\(unwritable)") }
            if !unsaved.isEmpty {
                FileHandle.standardError.write(Data("ridealong: \(unsaved.count) record(s) could not be saved to \(directory).\n".utf8))
                throw ExitCode(2)
            }
            return
        }
        // A closed output (a pipe whose reader left) ends the session quietly; every decision is already saved.
        signal(SIGPIPE, SIG_IGN)
        let output = PlainOutput()
        do { try store.checkWritable() } catch { throw CommandFailure("\(error)") }
        let catalog = loading.value
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
