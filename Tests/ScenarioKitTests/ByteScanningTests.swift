import Testing
@testable import ScenarioKit

/// The parser's byte-wise substring helpers: `firstRange(ofASCII:)` and `namePrefix()` find what their
/// character-wise counterparts find, also where non-ASCII text (combining marks, accented letters)
/// borders the match.
@Suite("Byte scanning")
struct ByteScanningTests {
    static let samples: [Substring] = [
        "", "calm", "  calm > 0 else \"Not yet\"", "a\telse b else c", "x else\u{301} y else z", "x else \u{301}y else z",
        "\u{301} else x", "café else crème", "naïve_1 = 2", "é = 1", "e\u{301}x = 1", "name\u{301} = 1", "_x+=1", "   ", "\t",
        "one  two\tthree ", "“quoted” words — here",
    ].map { ("[" + $0 + "]").dropFirst().dropLast() }

    /// Words split at the space and tab bytes, even where a combining mark follows one.
    @Test func wordsSplitAtSpaceAndTabBytes() {
        for sample in Self.samples {
            let expected = sample.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 }).map { Substring($0) }
            #expect(sample.words() == expected)
        }
    }

    @Test func firstRangeOfASCIIMatchesTheCharacterSearch() {
        for sample in Self.samples {
            #expect(sample.firstRange(ofASCII: " else ") == sample.firstRange(of: " else "), "\(sample)")
        }
    }

    @Test func namePrefixMatchesTheCharacterScan() {
        for sample in Self.samples {
            #expect(sample.namePrefix() == sample.prefix { $0.isLetter || $0.isNumber || $0 == "_" }, "\(sample)")
        }
    }

    @Test func byteSearchFindsWhatFirstIndexFinds() {
        let buffers: [[UInt8]] = [[], [0x0A], [1, 2, 0x0A, 3, 0x0A], Array("no line end".utf8), [0, 0x0A, 0]]
        for bytes in buffers {
            for start in 0...bytes.count {
                for byte: UInt8 in [0, 0x0A] {
                    let found = bytes.withUnsafeBufferPointer { ByteSearch.firstIndex(of: byte, in: $0, from: start) }
                    #expect(found == bytes[start...].firstIndex(of: byte))
                }
            }
        }
    }

    /// The validator accepts exactly what the standard library accepts, and stops where the first
    /// sequence the standard library would replace begins.
    @Test func utf8ValidationAgreesWithTheStandardLibrary() {
        let crafted: [[UInt8]] = [
            [], Array("plain ASCII text, longer than eight bytes".utf8), Array("é ü — “quoted” 王 🚓".utf8),
            [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF0, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80],
            [0xF5, 0x80, 0x80, 0x80], [0xFF], [0x80], [0xE2, 0x82], [0xE2, 0x82, 0x41], [0xF0, 0x9F, 0x9A], Array("abcdefgh".utf8) + [0xE9],
            Array("abcdefghijklmnop".utf8) + [0xF0, 0x9F, 0x9A, 0x93] + [0xBF],
        ]
        var generator = SplitMix64(seed: 7)
        let pieces: [[UInt8]] = [[0x41], [0x0A], [0xC3, 0xA9], [0xE2, 0x80, 0x94], [0xF0, 0x9F, 0x9A, 0x93], [0x80], [0xC3], [0xED, 0xB0, 0x80], [0xF4, 0x8F]]
        let random = (0..<2_000).map { _ in
            (0..<Int(generator.next() % 24)).flatMap { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
        }
        for bytes in crafted + random {
            let found = bytes.withUnsafeBufferPointer(UTF8Validation.firstInvalidOffset)
            let validPrefix = (0...bytes.count).last { String(validating: bytes[..<$0], as: UTF8.self) != nil } ?? 0
            if String(validating: bytes, as: UTF8.self) != nil {
                #expect(found == nil, "\(bytes)")
            } else {
                // The longest valid prefix ends where a whole character ends, at the first bad sequence.
                #expect(found == validPrefix, "\(bytes)")
            }
        }
    }

    /// Text with braces, read by bytes: literals, interpolations and the problems, at their columns.
    @Test func textWithBracesSplitsIntoLiteralsAndInterpolations() throws {
        let cases: [(text: String, parts: [String], problems: [String])] = [
            ("a {calm} b", ["a ", "{calm}", " b"], []),
            ("{a}{b}", ["{a}", "{b}"], []),
            ("}x{calm}", ["x", "{calm}"], ["1: '}' without an opening '{'"]),
            ("x {calm", ["x {calm"], ["3: '{' is never closed"]),
            ("{{a}}", [], ["2: in '{…}'", "5: '}' without an opening '{'"]),
            ("é {calm}", ["é ", "{calm}"], []),
        ]
        for (text, expectedParts, expectedProblems) in cases {
            let line = try #require(ScriptLine.lines(of: SourceText(path: "text.ride", text: text)).first ?? nil)
            var diagnostics: [Diagnostic] = []
            let parts = TextParser.parse(line.text, in: line, diagnostics: &diagnostics).map { part -> String in
                switch part {
                case .literal(let literal): literal
                case .interpolation(let expression): "{" + expression.names.map(\.0).joined() + "}"
                }
            }
            #expect(parts == expectedParts, "\(text)")
            #expect(diagnostics.count == expectedProblems.count, "\(text)")
            for (diagnostic, expected) in zip(diagnostics, expectedProblems) {
                #expect("\(diagnostic.location.column): \(diagnostic.message)".hasPrefix(expected), "\(text)")
            }
        }
    }
}
