/// The text of one script file split into lines, kept so diagnostics can quote the offending line.
public struct SourceText: Sendable {
    public let path: String
    public let text: String
    public let lines: Lines
    /// Every byte of the text is ASCII (so every line is, too).
    let isASCII: Bool

    /// The lines of the text without their line ends, each sliced from the text when it is asked for: a
    /// 90 MB course has two million lines, and keeping a slice of each took 70 MB and a tenth of a second.
    public struct Lines: RandomAccessCollection, Sendable {
        let text: String
        /// Per line, the byte offset where its text ends, shifted left once, with the low bit set when the
        /// line ends in `\r\n` (four bytes a line: a script is at most 32 MiB). The next line starts after
        /// the line end.
        let ends: [UInt32]

        public var startIndex: Int { 0 }
        public var endIndex: Int { ends.count }

        public subscript(index: Int) -> Substring {
            let utf8 = text.utf8, range = byteRange(index)
            let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            return text[lower..<utf8.index(lower, offsetBy: range.count)]
        }

        /// Where the line's text lies in the text's UTF-8 bytes.
        func byteRange(_ index: Int) -> Range<Int> {
            let start = index == 0 ? 0 : Int(ends[index - 1] >> 1) + 1 + Int(ends[index - 1] & 1)
            return start..<Int(ends[index] >> 1)
        }
    }

    public init(path: String, text: String) {
        self.path = path
        // Kept in one piece, so reading its bytes later copies nothing.
        var contiguous = text
        let ends = contiguous.withUTF8(Self.lineEnds)
        isASCII = contiguous.withUTF8(ByteSearch.isASCII)
        self.text = contiguous
        lines = Lines(text: contiguous, ends: ends)
    }

    /// Where each line's text ends (see `Lines.ends`), without its `\n` or `\r\n`; a last line without a
    /// newline counts, and empty text has one empty line.
    private static func lineEnds(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt32] {
        var ends: [UInt32] = []
        var start = 0
        while let newline = ByteSearch.firstIndex(of: 0x0A, in: bytes, from: start) {
            let isCRLF = newline > start && bytes[newline - 1] == 0x0D
            ends.append(UInt32(truncatingIfNeeded: (isCRLF ? newline - 1 : newline) << 1 | (isCRLF ? 1 : 0)))
            start = newline + 1
        }
        if start < bytes.count || ends.isEmpty { ends.append(UInt32(truncatingIfNeeded: bytes.count << 1)) }
        return ends
    }

    /// Calls `body` with the text's UTF-8 bytes (a native string's own storage: nothing is copied).
    func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var contiguous = text
        return contiguous.withUTF8(body)
    }

    /// The text of a 1-based line, or nil when it does not exist.
    public func line(_ number: Int) -> Substring? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }
}
