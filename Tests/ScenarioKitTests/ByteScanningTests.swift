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
}
