import Foundation
import Testing
@testable import ridealong

/// A large check starts again once with the allocator's huge-page setting; nothing else does.
@Suite("Large checks: the huge-page restart")
struct LargeCheckRestartTests {
    @Test func onlyALargeCheckWithTheSettingUnsetStartsAgain() {
        #expect(LargeCheckRestart.shouldRestart(tunablesSet: nil, scriptBytes: { LargeCheckRestart.threshold }))
        #expect(!LargeCheckRestart.shouldRestart(tunablesSet: nil, scriptBytes: { LargeCheckRestart.threshold - 1 }))
        // After the restart the setting is there, so the process never restarts twice; an empty value opts out.
        #expect(!LargeCheckRestart.shouldRestart(tunablesSet: LargeCheckRestart.tunables, scriptBytes: { Int.max }))
        #expect(!LargeCheckRestart.shouldRestart(tunablesSet: "", scriptBytes: { Int.max }))
    }

    @Test func scriptBytesCountTheRideFilesAllTheWayDown() throws {
        let folder = NSTemporaryDirectory() + "ridealong-restart-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/course/.hidden", withIntermediateDirectories: true)
        try String(repeating: "a", count: 100).write(toFile: folder + "/course/course.ride", atomically: true, encoding: .utf8)
        try String(repeating: "b", count: 20).write(toFile: folder + "/course/notes.txt", atomically: true, encoding: .utf8)
        try String(repeating: "c", count: 7).write(toFile: folder + "/course/.hidden/old.ride", atomically: true, encoding: .utf8)
        try String(repeating: "d", count: 3).write(toFile: folder + "/single.ride", atomically: true, encoding: .utf8)
        #expect(LargeCheckRestart.scriptBytes(at: [folder]) == 103)
        #expect(LargeCheckRestart.scriptBytes(at: [folder + "/single.ride", folder + "/course/notes.txt", folder + "/missing.ride"]) == 3)
    }
}
