import Foundation
import Testing
@testable import ScenarioKit

/// The malformed-script collection: every broken script names, in its first line, the diagnostic code
/// and position it must produce (binary files in binary-expectations.txt). None may crash or hang.
@Suite("Malformed scripts")
struct MalformedScriptTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Malformed").path

    /// (file, code, line, column) for every script in the collection.
    static let cases: [(String, String, Int, Int)] = {
        var cases: [(String, String, Int, Int)] = []
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names.sorted() where name.hasSuffix(".ride") {
            guard let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8),
                  let first = text.split(separator: "\n", maxSplits: 1).first, first.hasPrefix("// expect: ") else { continue }
            let parts = first.dropFirst("// expect: ".count).split(separator: " ")
            let position = parts.count > 1 ? parts[1].split(separator: ":").compactMap { Int($0) } : []
            if position.count == 2 { cases.append((name, String(parts[0]), position[0], position[1])) }
        }
        let expectations = (try? String(contentsOfFile: folder + "/binary-expectations.txt", encoding: .utf8)) ?? ""
        for line in expectations.split(separator: "\n") {
            let parts = line.split(separator: " ")
            let position = parts.count > 2 ? parts[2].split(separator: ":").compactMap { Int($0) } : []
            if parts.count > 2, position.count == 2 { cases.append((String(parts[0]), String(parts[1]), position[0], position[1])) }
        }
        return cases
    }()

    @Test func theCollectionIsLarge() {
        #expect(Self.cases.count >= 60)
    }

    @Test(arguments: cases.map(\.0))
    func producesItsDiagnostic(_ name: String) throws {
        let expected = try #require(Self.cases.first { $0.0 == name })
        let run = ScriptChecker.run(paths: [Self.folder + "/" + name], stateLimit: 50_000)
        let found = run.diagnostics.contains {
            $0.code.rawValue == expected.1 && $0.location.line == expected.2 && $0.location.column == expected.3
        }
        #expect(found, "\(name): expected \(expected.1) at \(expected.2):\(expected.3), got \(run.diagnostics.map { "\($0.code.rawValue)@\($0.location.line):\($0.location.column)" })")
    }
}
