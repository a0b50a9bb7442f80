import Foundation
import Testing
@testable import ScenarioKit

@Suite("Loading files: any input gets a diagnostic, never a crash or a hang")
final class LoadingTests {
    private let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "ridealong-loading-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    private func write(_ name: String, _ text: String) throws -> String {
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func writeBytes(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = folder + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func codes(_ path: String) -> [DiagnosticCode] { ScriptChecker.run(paths: [path]).diagnostics.map(\.code) }

    @Test func emptyFile() throws {
        #expect(codes(try write("empty.ride", "")) == [.emptyFile])
    }

    @Test func binaryFile() throws {
        #expect(codes(try writeBytes("binary.ride", [0x7F, 0x45, 0x4C, 0x46, 0, 1, 2])) == [.notUTF8])
    }

    @Test func invalidUTF8PointsAtTheLineAndColumn() throws {
        let path = try writeBytes("latin1.ride", Array("module m\ntitle: Caf".utf8) + [0xE9] + Array("\n".utf8))
        let diagnostic = try #require(ScriptChecker.run(paths: [path]).diagnostics.first)
        #expect(diagnostic.code == .notUTF8)
        #expect(diagnostic.location.line == 2 && diagnostic.location.column == 11)
    }

    @Test func invalidUTF8AfterOtherCharactersCountsThemAsCharacters() throws {
        let path = try writeBytes("accents.ride", Array("module m\ntitle: Crème brûlée ".utf8) + [0xC3, 0x28] + Array("\n".utf8))
        let diagnostic = try #require(ScriptChecker.run(paths: [path]).diagnostics.first)
        #expect(diagnostic.code == .notUTF8)
        #expect(diagnostic.location.line == 2 && diagnostic.location.column == 21)
    }

    @Test func byteOrderMarkAndWindowsLineEndsAreReadAsText() throws {
        let text = "module crlf\r\ntitle: CRLF\r\n=== start ===\r\n  -> nowhere\r\n"
        let path = try writeBytes("crlf.ride", [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        guard case .success(let source) = ScriptLoader.readSource(path) else { Issue.record("cannot read \(path)"); return }
        #expect(source.text == text)
        #expect(Array(source.lines) == ["module crlf", "title: CRLF", "=== start ===", "  -> nowhere"])
        let diagnostic = try #require(ScriptChecker.run(paths: [path]).diagnostics.first { $0.code == .unknownScene })
        #expect(diagnostic.location.line == 4 && diagnostic.location.column == 6)
    }

    @Test func linesAreSplitAtEveryKindOfLineEnd() {
        let cases: [(String, [Substring])] = [
            ("", [""]), ("\n", [""]), ("a", ["a"]), ("a\n", ["a"]), ("a\nb", ["a", "b"]), ("a\r\n\r\nb\n", ["a", "", "b"]),
            ("\r\n", [""]), ("a\rb\n", ["a\rb"]), ("é\r\nü", ["é", "ü"]),
        ]
        for (text, lines) in cases {
            #expect(Array(SourceText(path: "lines.ride", text: text).lines) == lines, "\(text.debugDescription)")
        }
    }

    @Test func aScriptReadFromAPipeIsReadToItsEnd() throws {
        let path = folder + "/piped.ride"
        #expect(mkfifo(path, 0o600) == 0)
        let text = "module piped\ntitle: Piped\n" + String(repeating: "// a comment long enough to need several reads\n", count: 4_000)
        let writer = Thread {
            guard let handle = FileHandle(forWritingAtPath: path) else { return }
            handle.write(Data(text.utf8))
            try? handle.close()
        }
        writer.start()
        guard case .success(let source) = ScriptLoader.readSource(path) else { Issue.record("cannot read the pipe"); return }
        #expect(source.text == text)
    }

    @Test func missingFile() {
        #expect(codes(folder + "/nope.ride") == [.unreadableFile])
    }

    @Test func fiftyMegabyteFileIsRefusedWithoutReadingIt() throws {
        let path = folder + "/huge.ride"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 50 * 1024 * 1024)
        try handle.close()
        #expect(codes(path) == [.fileTooLarge])
    }

    @Test func includeCycleIsReported() throws {
        _ = try write("a.ride", "speaker A \"A\"\ninclude b.ride\n")
        _ = try write("b.ride", "include a.ride\n")
        let module = try write("m.ride", "module m\ntitle: M\ninclude a.ride\n=== s ===\n@end completed: Done\n")
        #expect(codes(module).contains(.includeCycle))
    }

    @Test func deeplyNestedIncludesStop() throws {
        for level in 0..<40 { _ = try write("n\(level).ride", "include n\(level + 1).ride\n") }
        _ = try write("n40.ride", "")
        let module = try write("deep.ride", "module deep\ntitle: Deep\ninclude n0.ride\n=== s ===\n@end completed: Done\n")
        #expect(codes(module).contains(.includeTooDeep))
    }

    @Test func includedScenesJoinTheModule() throws {
        _ = try write("radio.ride", "speaker DISPATCH \"Dispatch\"\n=== radio ===\nDISPATCH: Copy.\n->->\n")
        let module = try write("with-include.ride", """
        module with-include
        title: Include
        competency c.x "X" fto "Y"
        include radio.ride
        === start ===
        * call: Call it in.
          -> radio -> done
          score c.x +1
          feedback: f
          why: w
          ideal
        === done ===
        @end resolved: Done
        """)
        let run = ScriptChecker.run(paths: [module])
        #expect(run.diagnostics.isEmpty, "\(run.diagnostics.map(\.message))")
        var playthrough = Playthrough(scenario: try #require(ScriptLoader().loadModule(at: module).scenario))
        try playthrough.choose("call")
        #expect(playthrough.frame.lines.first == .speech(speaker: "DISPATCH", name: "Dispatch", text: "Copy."))
    }

    /// Scenes numbered by `range`, seven lines apiece, each leading to the next; the last leads to `last`.
    private func chain(_ range: Range<Int>, last: String) -> String {
        range.map { "=== s\($0) ===\nStep \($0).\n* c\($0): Go on.\n  -> \($0 + 1 == range.upperBound ? last : "s\($0 + 1)")\n  feedback: f\n  why: w\n  ideal\n" }
            .joined()
    }

    @Test func filesLargeEnoughToBeParsedInChunksKeepTheirScenesInOrderAndTheirLineNumbers() throws {
        // 12,000 scenes in two files of 42,000 lines: each is parsed in several chunks, side by side.
        let header = "module chunked\ntitle: Chunked\ncompetency c.x \"X\" fto \"Y\"\ninclude second-half.ride\n"
        let first = chain(0..<6_000, last: "s6000"), second = chain(6_000..<12_000, last: "done") + "=== done ===\n@end resolved: Done\n"
        let module = try write("chunked.ride", header + first.replacingOccurrences(of: "-> s5991\n", with: "-> s5991y\n"))
        _ = try write("second-half.ride", second.replacingOccurrences(of: "-> s11991\n", with: "-> s11991x\n"))
        guard case .success(let source) = ScriptLoader.readSource(module) else { Issue.record("cannot read \(module)"); return }
        #expect(ModuleParser.parse(source).0.sceneRuns.count > 1)
        // Scene k's target is line 4 of its seven: line 4 + 7k of the included file, 4 lines further down in the module.
        let found = ScriptLoader().loadModule(at: module).diagnostics.map { diagnostic in
            "\(diagnostic.location.file.split(separator: "/").last!):\(diagnostic.location.line):\(diagnostic.location.column) \(diagnostic.message)"
        }
        #expect(found == ["chunked.ride:\(4 + 4 + 7 * 5_990):6 there is no scene 's5991y'",
                          "second-half.ride:\(4 + 7 * 5_990):6 there is no scene 's11991x'"])
        _ = try write("chunked.ride", header + first)
        _ = try write("second-half.ride", second)
        let scenario = try #require(ScriptLoader().loadModule(at: module).scenario)
        #expect(scenario.scenes.map(\.id) == (0..<12_000).map { "s\($0)" } + ["done"])
        #expect(scenario.choices[11_999].location.file.hasSuffix("second-half.ride") && scenario.choices[11_999].location.line == 3 + 7 * 5_999)
    }

    @Test func moduleHeaderIsReadFromTheLinesAboveTheFirstScene() throws {
        let path = try write("header.ride", """
        module night-shift
        title: Night shift
        === start ===
        title: not a header line
        @end resolved: Done
        """ + String(repeating: "\nnarration", count: 2_000))
        let header = try #require(ScriptLoader.moduleHeader(at: path))
        #expect(header.id == "night-shift")
        #expect(header.title == "Night shift")
    }

    @Test func moduleHeaderLongerThanTheFirstWindowIsReadWhole() throws {
        let objectives = String(repeating: "objective: Keep the scene calm and everyone in it safe.\n", count: 200)
        let path = try write("long-header.ride", "module long-header\n" + objectives + "title: Found at the end\n=== start ===\n@end resolved: Done\n")
        #expect(ScriptLoader.moduleHeader(at: path)?.title == "Found at the end")
    }

    @Test func moduleHeaderWithoutTitleFallsBackToTheId() throws {
        #expect(ScriptLoader.moduleHeader(at: try write("untitled.ride", "module untitled\n=== start ===\n@end resolved: Done\n"))?.title == "untitled")
        #expect(ScriptLoader.moduleHeader(at: try write("headless.ride", "=== start ===\nmodule too-late\n")) == nil)
    }

    @Test func firstSceneLineIsFoundOnlyAtTheStartOfALine() {
        #expect(ScriptLoader.firstSceneLine(in: Array("module a\n=== s ===\n".utf8)) == 9)
        #expect(ScriptLoader.firstSceneLine(in: Array("=== s ===".utf8)) == 0)
        #expect(ScriptLoader.firstSceneLine(in: Array("module a\ntitle: a === b\n".utf8)) == nil)
    }

    @Test func randomBytesNeverCrashTheParser() {
        var generator = SplitMix64(seed: 42)
        let alphabet = Array("=*+->~@{}[]|:\"\n abcXYZ_0123456789.%\t".utf8)
        for _ in 0..<300 {
            let length = Int(generator.next() % 400)
            let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let text = "module fuzz\n" + String(decoding: bytes, as: UTF8.self)
            let result = Fixtures.compile(text)
            if let scenario = result.scenario { _ = ScenarioChecker.check(scenario, stateLimit: 10_000) }
        }
    }
}
