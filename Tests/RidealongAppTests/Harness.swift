import Foundation
import Testing
@testable import RidealongApp
import ScenarioKit
import TerminalKit

/// Drives the app as a trainee would, through `reduce`, with a clock the test controls.
struct Harness {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    static let shippedCourses = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Courses").standardized.path

    var state: AppState
    var effects: [Effect] = []
    var now: Double = 100

    init(width: Int = 80, height: Int = 24, signedIn: Bool = true, catalog: Catalog = Catalog.load(from: Harness.fixtures)) {
        state = AppState(catalog: catalog, width: width, height: height, trainee: signedIn ? Trainee(id: "T-1", name: "Ana Ruiz") : nil)
    }

    mutating func press(_ keys: Key...) { for key in keys { effects += reduce(&state, .key(key, at: now)) } }
    mutating func type(_ text: String) { for character in text { press(.character(character)) } }
    mutating func wait(_ seconds: Double) {
        now += seconds
        effects += reduce(&state, .tick(at: now))
    }

    var screen: [String] { render(state).lines }
    var text: String { screen.joined(separator: "\n") }

    var play: PlayState? {
        if case .play(let play) = state.screen { return play }
        return nil
    }

    /// Opens the module at this row of the course list and begins it.
    mutating func open(row: Int) {
        for _ in 0..<row { press(.down) }
        press(.enter, .enter)
    }
}

/// Text snapshots of screens, kept in `__Snapshots__` next to the tests. A missing snapshot is written
/// and the test fails, so the first run records and a reviewer sees the new file in the diff.
enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")

    static func assert(_ buffer: ScreenBuffer, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let text = (buffer.lines + ["", "-- style --"] + buffer.roleLines).joined(separator: "\n") + "\n"
        let url = folder.appendingPathComponent(name + ".txt")
        guard let recorded = try? String(contentsOf: url, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? text.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded a new snapshot \(name).txt; check it and run the tests again", sourceLocation: sourceLocation)
            return
        }
        #expect(recorded == text, "screen differs from \(name).txt:\n\(buffer.lines.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }
}
