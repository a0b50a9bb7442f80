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
        let ranges: [Range<Int>]

        public var startIndex: Int { 0 }
        public var endIndex: Int { ranges.count }

        public subscript(index: Int) -> Substring {
            let utf8 = text.utf8, range = ranges[index]
            return text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
        }
    }

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        var contiguous = text
        lines = Lines(text: text, ranges: contiguous.withUTF8(Self.lineRanges))
        isASCII = contiguous.withUTF8(ByteSearch.isASCII)
    }

    /// The byte ranges of the lines, without their `\n` or `\r\n`; a last line without a newline counts,
    /// and empty text has one empty line.
    private static func lineRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        while let newline = ByteSearch.firstIndex(of: 0x0A, in: bytes, from: start) {
            let end = newline > start && bytes[newline - 1] == 0x0D ? newline - 1 : newline
            ranges.append(start..<end)
            start = newline + 1
        }
        if start < bytes.count || ranges.isEmpty { ranges.append(start..<bytes.count) }
        return ranges
    }

    /// The text of a 1-based line, or nil when it does not exist.
    public func line(_ number: Int) -> Substring? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }
}
