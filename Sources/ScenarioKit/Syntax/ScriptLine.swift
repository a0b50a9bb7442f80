/// One non-blank, non-comment line of a script with the column where its text starts.
struct ScriptLine {
    let text: Substring
    let number: Int
    let column: Int
    /// The script's path, as numbered by `SourcePaths`.
    let fileID: UInt32
    /// Every byte of `text` is ASCII, so every byte is one character.
    let isASCII: Bool
    /// The first byte of `text`, which tells most kinds of line apart without looking further.
    let firstByte: UInt8

    /// The location of a character offset within `text`.
    func location(_ offset: Int = 0) -> SourceLocation {
        SourceLocation(fileID: fileID, line: number, column: column + offset)
    }

    /// The location where `part` (a slice of `text`) begins. Columns count characters; ASCII text
    /// (the common case) is measured in bytes without walking graphemes.
    func location(of part: Substring) -> SourceLocation {
        let bytes = text.utf8.distance(from: text.startIndex, to: part.startIndex)
        if isASCII { return location(bytes) }
        let prefix = text[text.startIndex..<part.startIndex]
        return location(prefix.utf8.allSatisfy { $0 < 0x80 } ? bytes : prefix.count)
    }

    /// The rest of the line after a leading keyword, trimmed.
    func after(_ prefix: String) -> Substring {
        text.dropFirst(prefix.count).trimmingLeadingSpaces()
    }

    /// Splits a source file into lines, reporting blank ones as nil so paragraphs can be separated.
    static func lines(of source: SourceText) -> [ScriptLine?] {
        let fileID = SourcePaths.shared.id(for: source.path)
        return source.lines.indices.map { line($0, of: source, fileID: fileID) }
    }

    /// The line of `source` at a 0-based index, nil when it is blank, `comment` when it is a comment.
    /// `fileID` is the number `SourcePaths` gives the source's path.
    static func line(_ index: Int, of source: SourceText, fileID: UInt32) -> ScriptLine? {
        let raw = source.lines[index]
        // Read before the closure, which would otherwise capture (and retain) the whole source.
        let sourceIsASCII = source.isASCII
        return raw.withUTF8Bytes { bytes in
            var start = 0
            var end = bytes.count
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            if start == end { return nil }
            if end - start >= 2, bytes[start] == 0x2F, bytes[start + 1] == 0x2F { return ScriptLine.comment }
            let isASCII = sourceIsASCII || ByteSearch.isASCII(UnsafeBufferPointer(rebasing: bytes[start..<end]))
            // Most lines have no spaces around them, and then the line is the text.
            let text = start == 0 && end == bytes.count ? raw : raw[bytes: start..<end]
            return ScriptLine(text: text, number: index + 1, column: start + 1, fileID: fileID, isASCII: isASCII, firstByte: bytes[start])
        }
    }

    /// Stands for a comment line: skipped, but unlike a blank line it does not end a paragraph.
    static let comment = ScriptLine(text: "", number: 0, column: 0, fileID: 0, isASCII: true, firstByte: 0)
    var isComment: Bool { number == 0 }
}

extension Substring {
    func trimmingLeadingSpaces() -> Substring {
        if let first = utf8.first, first != 0x20, first != 0x09 { return self }
        let start = utf8.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? endIndex
        return self[start...]
    }

    func trimmingTrailingSpaces() -> Substring {
        if let last = utf8.last, last != 0x20, last != 0x09 { return self }
        guard let last = utf8.lastIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return self[endIndex...] }
        return self[..<utf8.index(after: last)]
    }

    /// The parts between runs of spaces and tabs.
    func words() -> [Substring] {
        wordRanges().map { self[bytes: $0] }
    }

    /// The byte ranges of the parts between runs of spaces and tabs.
    func wordRanges() -> [Range<Int>] {
        withUTF8Bytes { bytes in
            var result: [Range<Int>] = []
            result.reserveCapacity(Self.wordCount(bytes))
            var position = 0
            while position < bytes.count {
                while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
                let start = position
                while position < bytes.count, bytes[position] != 0x20, bytes[position] != 0x09 { position += 1 }
                if position > start { result.append(start..<position) }
            }
            return result
        }
    }

    /// The number of runs of bytes other than spaces and tabs.
    private static func wordCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var inWord = false
        for byte in bytes {
            let isSpace = byte == 0x20 || byte == 0x09
            if !isSpace, !inWord { count += 1 }
            inWord = !isSpace
        }
        return count
    }

    /// `firstRange(of:)` for ASCII text, found by comparing bytes. A match next to a non-ASCII byte may
    /// not be one of whole characters (a combining mark joins the character before it), so there the
    /// characters are compared instead.
    func firstRange(ofASCII needle: StaticString) -> Range<Index>? {
        let found: (start: Int, count: Int, bordersNonASCII: Bool)? = needle.withUTF8Buffer { needle in
            withUTF8Bytes { bytes in
                guard !needle.isEmpty, needle.count <= bytes.count else { return nil }
                for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
                    guard bytes[start..<(start + needle.count)].elementsEqual(needle) else { continue }
                    let end = start + needle.count
                    return (start, needle.count, (start > 0 && bytes[start - 1] >= 0x80) || (end < bytes.count && bytes[end] >= 0x80))
                }
                return nil
            }
        }
        guard let found else { return nil }
        if found.bordersNonASCII { return firstRange(of: needle.description) }
        let lower = utf8.index(startIndex, offsetBy: found.start)
        return lower..<utf8.index(lower, offsetBy: found.count)
    }

    /// The leading run of ASCII letters, digits and `_`, as `prefix { $0.isLetter || $0.isNumber || $0 == "_" }`
    /// finds it, read by bytes (characters are walked only when a non-ASCII byte follows the run).
    func namePrefix() -> Substring {
        let end = withUTF8Bytes { bytes in
            bytes.firstIndex { !Identifier.isLetter($0) && !Identifier.isDigit($0) && $0 != 0x5F } ?? bytes.count
        }
        guard end == utf8.count || utf8[utf8.index(startIndex, offsetBy: end)] < 0x80 else {
            return prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        }
        return self[bytes: 0..<end]
    }

    /// Calls `body` with the substring's UTF-8 bytes (copied only when they are not stored contiguously).
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }

    /// The part between two byte offsets from the start.
    subscript(bytes range: Range<Int>) -> Substring {
        let lower = utf8.index(startIndex, offsetBy: range.lowerBound)
        return self[lower..<utf8.index(lower, offsetBy: range.count)]
    }

    /// The parts between occurrences of an ASCII separator, empty parts included.
    func components(separatedBy separator: String) -> [Substring] {
        if let first = separator.utf8.first, !utf8.contains(first) { return [self] }
        var result: [Substring] = []
        var rest = self[...]
        while let range = rest.firstRange(of: separator) {
            result.append(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        result.append(rest)
        return result
    }

    /// `hasPrefix` for ASCII prefixes, comparing bytes (stepping through them: the prefixes are a
    /// few bytes long, shorter than the way to the contiguous bytes).
    func starts(_ prefix: StaticString) -> Bool {
        var index = utf8.startIndex
        for byte in UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount) {
            guard index < utf8.endIndex, utf8[index] == byte else { return false }
            utf8.formIndex(after: &index)
        }
        return true
    }

    /// The text between a leading and a trailing `"`, or nil when `count >= 2, first == "\"",
    /// last == "\""` does not hold; in ASCII text the bytes are checked, elsewhere the characters.
    func quotedContent(isASCII: Bool) -> Substring? {
        if isASCII {
            let count = utf8.count
            guard count >= 2, utf8.first == 0x22, utf8.last == 0x22 else { return nil }
            return self[bytes: 1..<(count - 1)]
        }
        guard count >= 2, first == "\"", last == "\"" else { return nil }
        return dropFirst().dropLast()
    }

    /// `hasPrefix` for an ASCII prefix: by bytes in ASCII text, where every byte is a character (and
    /// no character has another spelling), by characters elsewhere.
    func hasPrefix(_ prefix: StaticString, isASCII: Bool) -> Bool {
        isASCII ? starts(prefix) : hasPrefix(prefix.description)
    }

    /// `droppingASCII(count).trimmingLeadingSpaces()`, slicing once.
    func droppingASCIIAndSpaces(_ count: Int) -> Substring {
        var index = utf8.index(startIndex, offsetBy: count)
        if index < endIndex, utf8[index] >= 0x80 { return dropFirst(count).trimmingLeadingSpaces() }
        while index < endIndex, utf8[index] == 0x20 || utf8[index] == 0x09 { utf8.formIndex(after: &index) }
        return self[index...]
    }

    /// `dropFirst(count)` where the first `count` characters are known to be single ASCII bytes (as after
    /// a byte-level prefix check): sliced by bytes, unless a non-ASCII byte follows them, which may join
    /// the last of them into a larger character (a combining mark does), and then characters are walked.
    func droppingASCII(_ count: Int) -> Substring {
        let start = utf8.index(startIndex, offsetBy: count)
        guard start < endIndex, utf8[start] >= 0x80 else { return self[start...] }
        return dropFirst(count)
    }

    /// The byte offset of the first occurrence of an ASCII byte, nil when there is none.
    func firstOffset(ofASCII byte: UInt8) -> Int? {
        withUTF8Bytes { ByteSearch.firstIndex(of: byte, in: $0) }
    }

    /// Whether the text is exactly these ASCII bytes: `==` for a literal with no other spelling (none
    /// of the ASCII letters and punctuation the parser compares with has one).
    func equals(_ literal: StaticString) -> Bool {
        utf8.count == literal.utf8CodeUnitCount && starts(literal)
    }
}

/// The rules for ids in scripts.
enum Identifier {
    /// Scene, choice, variable and speaker ids: a letter or `_`, then letters, digits and `_`.
    static func isName(_ text: Substring) -> Bool {
        text.withUTF8Bytes { bytes in
            guard let first = bytes.first, isLetter(first) || first == 0x5F else { return false }
            return bytes.allSatisfy { isLetter($0) || isDigit($0) || $0 == 0x5F }
        }
    }

    /// Course, module and competency ids: may also contain `-` and `.`.
    static func isDottedName(_ text: Substring) -> Bool {
        guard let first = text.utf8.first, isLetter(first) else { return false }
        return text.utf8.allSatisfy { isLetter($0) || isDigit($0) || $0 == 0x5F || $0 == 0x2D || $0 == 0x2E }
    }

    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Words that cannot be names because expressions give them a meaning.
    static let reserved: Set<String> = ["true", "false", "not", "and", "or", "random"]
}
