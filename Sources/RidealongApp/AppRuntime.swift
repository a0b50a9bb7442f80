import ScenarioKit
import TerminalKit

/// The loop that connects a terminal, the reducer and the store: draw, read a key (or let time pass),
/// reduce, carry out effects. Effects that fail stay queued and are retried; nothing is dropped.
public final class AppRuntime {
    public private(set) var state: AppState
    private let terminal: any Terminal
    private let store: any ProgressStore
    /// Where the FTO review area reads from (nil: the area says it is not available here).
    public var reviewSource: (any ReviewSource)?
    private let clock: () -> Double
    private var pending: [Effect] = []
    /// Called once, after the first full frame is on the terminal (`make bench` measures start-up with it).
    public var onFirstFrame: (() -> Void)?
    /// Work for right after the first frame (compiling the courses), before the first key is read.
    public var afterFirstFrame: (() -> Action)?
    /// Polled between keys (`play --watch`): an action when the script changed.
    public var watcher: (() -> Action?)?
    /// Milliseconds between ticks while something moves on screen (a timer, the breathing square).
    public static let tickMilliseconds = 100
    /// At most this many waiting keys are applied between two frames.
    public static let keysPerFrame = 2_000

    public init(state: AppState, terminal: any Terminal, store: any ProgressStore, clock: @escaping () -> Double) {
        self.state = state
        self.terminal = terminal
        self.store = store
        self.clock = clock
        if let trainee = state.trainee { load(trainee) }
    }

    /// Runs until the trainee quits or the terminal closes. Returns the effects still unsaved (empty
    /// when everything reached the store).
    @discardableResult
    public func run() -> [Effect] {
        while !state.isFinished {
            if terminal.width != state.width || terminal.height != state.height {
                dispatch(.resize(width: terminal.width, height: terminal.height))
            }
            terminal.present(render(state))
            if let firstFrame = onFirstFrame {
                onFirstFrame = nil
                firstFrame()
                if state.isFinished { break }
            }
            if let work = afterFirstFrame {
                afterFirstFrame = nil
                dispatch(work())
                continue
            }
            if terminal.isClosed { break }
            if let change = watcher?() { dispatch(change) }
            let timeout = needsTicks ? Self.tickMilliseconds : (watcher != nil ? 300 : 1000)
            var key = terminal.readKey(timeoutMilliseconds: timeout)
            if key == nil { dispatch(.tick(at: clock())) }
            // Keys already waiting (a paste, a resize storm) are all applied before the next frame is drawn.
            var applied = 0
            while let current = key {
                if case .resize(let width, let height) = current {
                    dispatch(.resize(width: width, height: height))
                } else {
                    dispatch(.key(current, at: clock()))
                }
                applied += 1
                key = state.isFinished || applied >= Self.keysPerFrame ? nil : terminal.readKey(timeoutMilliseconds: 0)
            }
        }
        flush()
        return pending
    }

    /// Ends the session as a trainee's quit does, once the current step is done (the start-up
    /// benchmark leaves after the first frame this way, so the records close as they do for a trainee).
    public func finish() {
        state.isFinished = true
    }

    private var needsTicks: Bool {
        guard case .play(let play) = state.screen else { return false }
        if case .breathing? = play.step { return true }
        return play.timerDeadline != nil
    }

    /// Applies an action and carries out its effects.
    public func dispatch(_ action: Action) {
        pending += reduce(&state, action)
        flush()
    }

    private func flush() {
        while let effect = pending.first {
            switch effect {
            case .quit:
                pending.removeFirst()
                continue
            case .openReview(let password):
                pending.removeFirst()
                guard let source = reviewSource else { dispatch(.reviewRefused("The FTO review is not available here.")); continue }
                if let refusal = source.unlock(password: password) {
                    dispatch(.reviewRefused(refusal))
                } else {
                    let page = source.roster()
                    dispatch(.reviewPage(title: "Roster", lines: page.lines, trainees: page.trainees))
                }
                continue
            case .openTraineeReview(let id):
                pending.removeFirst()
                if let source = reviewSource { dispatch(.reviewPage(title: id, lines: source.trainee(id), trainees: [])) }
                continue
            case .signIn(let trainee):
                pending.removeFirst()
                do { try store.perform(effect, trainee: trainee) } catch { state.notice = "Could not remember you on this machine: \(error)" }
                load(trainee)
                continue
            default: break
            }
            guard let trainee = state.trainee else { pending.removeFirst(); continue }
            do {
                try store.perform(effect, trainee: trainee)
                pending.removeFirst()
            } catch {
                state.notice = "Not saved yet (\(error)); kept in memory, retrying."
                return
            }
        }
    }

    private func load(_ trainee: Trainee) {
        do {
            pending += reduce(&state, .progressLoaded(try store.progress(for: trainee)))
        } catch {
            state.notice = "Could not read your progress: \(error)"
        }
    }
}

extension AppRuntime {
    /// Opens a module straight away (`ridealong play COURSE/MODULE`), as if chosen in the list.
    public func jump(to reference: ModuleReference, at now: Double) {
        state.screen = .intro(reference)
        dispatch(.key(.enter, at: now))
    }
}
