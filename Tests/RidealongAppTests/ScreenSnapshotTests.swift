import Testing
@testable import RidealongApp
import ScenarioKit
import TerminalKit

/// Every screen at three sizes, compared with the text (and style layer) recorded in `__Snapshots__`.
@Suite("Screens")
struct ScreenSnapshotTests {
    static let sizes = [(80, 24), (60, 16), (120, 40)]

    /// Each screen, reached by keys from a fresh app.
    static let screens: [(String, @Sendable (inout Harness) -> Void)] = [
        ("sign-in", { app in app.state = AppState(catalog: app.state.catalog, width: app.state.width, height: app.state.height); app.type("T-1") }),
        ("courses", { _ in }),
        ("intro", { app in app.press(.enter) }),
        ("scenario", { app in app.press(.enter, .enter, .down) }),
        ("feedback", { app in app.press(.enter, .enter, .character("1")) }),
        ("timed-decision", { app in app.press(.enter, .enter, .character("1"), .enter); app.wait(6.5) }),
        ("debrief", { app in app.press(.enter, .enter, .character("2"), .enter, .character("2"), .enter, .enter) }),
        ("help", { app in app.press(.enter, .enter, .character("?")) }),
        ("quit", { app in app.press(.enter, .enter, .character("q")) }),
        ("breathing", { app in app.unlockAfter(); app.press(.down, .enter, .enter); app.wait(1.5) }),
        ("check-in", { app in app.unlockAfter(); app.press(.down, .enter, .enter); app.wait(4.5) }),
        ("reflection", { app in app.unlockAfter(); app.press(.down, .enter, .enter); app.wait(4.5); app.press(.enter); app.type("Long night. 長い夜") }),
    ]

    @Test(arguments: screens.indices, sizes.indices)
    func screen(_ screenIndex: Int, _ sizeIndex: Int) {
        let (name, reach) = Self.screens[screenIndex]
        let (width, height) = Self.sizes[sizeIndex]
        var app = Harness(width: width, height: height)
        reach(&app)
        let buffer = render(app.state)
        #expect(buffer.lines.allSatisfy { DisplayWidth.of($0) == width }, "every row is exactly \(width) cells")
        Snapshot.assert(buffer, named: "\(name)-\(width)x\(height)")
    }

    @Test(arguments: [(59, 16), (60, 15), (1, 1), (20, 5)])
    func tooSmallShowsANoticeNotGarbage(width: Int, height: Int) {
        var app = Harness(width: width, height: height)
        app.press(.enter)
        let buffer = render(app.state)
        #expect(buffer.lines.count == height)
        if width >= 30, height >= 3 { #expect(buffer.lines.joined().contains("too small")) }
        if width == 59 { Snapshot.assert(buffer, named: "too-small-59x16") }
    }
}

extension Harness {
    /// Marks the first demo module completed, so the second one is open.
    mutating func unlockAfter() {
        _ = reduce(&state, .progressLoaded([ModuleReference(course: "demo", module: "porch"): .completed(
            CompletedAttempt(overall: 1, passed: true, lowestRating: 7, outcome: "resolved", attempts: 1))]))
    }
}

@Suite("Robustness of the app core")
struct KeyStormTests {
    /// Random keys and resizes on every shipped module: the reducer and renderer never trap.
    @Test func randomKeysAndResizesNeverCrash() {
        var generator = SplitMix64(seed: 2026)
        let keys: [Key] = [.up, .down, .enter, .escape, .pageUp, .pageDown, .tab, .backspace, .left, .right, .home, .end, .delete,
                           .character("1"), .character("2"), .character("3"), .character("4"), .character("9"), .character("p"),
                           .character("s"), .character("?"), .character("n"), .character("k"), .character("j"), .character("é"),
                           .character("日")]
        let catalog = Catalog.load(from: Harness.shippedCourses)
        #expect(catalog.courses.count == 3)
        for _ in 0..<20 {
            var app = Harness(catalog: catalog)
            for _ in 0..<600 {
                switch generator.next() % 20 {
                case 0: _ = reduce(&app.state, .resize(width: Int(generator.next() % 200) + 1, height: Int(generator.next() % 60) + 1))
                case 1: app.wait(Double(generator.next() % 30) / 2)
                default: app.press(keys[Int(generator.next() % UInt64(keys.count))])
                }
                _ = render(app.state)
            }
        }
    }
}
