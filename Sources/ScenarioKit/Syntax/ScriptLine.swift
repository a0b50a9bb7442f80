/// One non-blank, non-comment line of a script with the column where its text starts.
struct ScriptLine {
    let text: Substring
    let number: Int
    let column: Int
    /// The script's path, as numbered by `SourcePaths`.
    let fileID: UInt32

    /// The location of a character offset within `text`.
    func location(_ offset: Int = 0) -> SourceLocation {
        SourceLocation(fileID: fileID, line: number, column: column + offset)
    }

    /// The location where `part` (a slice of `text`) begins. Columns count characters; ASCII text
    /// (the common case) is measured in bytes without walking graphemes.
    func location(of part: Substring) -> SourceLocation {
        let prefix = text[text.startIndex..<part.startIndex]
        let bytes = prefix.utf8.count
        let isASCII = prefix.utf8.allSatisfy { $0 < 0x80 }
        return location(isASCII ? bytes : prefix.count)
    }

    /// The rest of the line after a leading keyword, trimmed.
    func after(_ prefix: String) -> Substring {
        text.dropFirst(prefix.count).trimmingLeadingSpaces()
    }

    /// Splits a source file into lines, reporting blank ones as nil so paragraphs can be separated.
    static func lines(of source: SourceText) -> [ScriptLine?] {
        lines(of: source, in: source.lines.indices)
    }

    /// The lines of `source` whose 0-based indices are in `range`, numbered from `firstNumber` (for a
    /// source that holds only part of a file).
    static func lines(of source: SourceText, in range: Range<Int>, numberedFrom firstNumber: Int? = nil) -> [ScriptLine?] {
        let fileID = SourcePaths.shared.id(for: source.path)
        let numberOffset = (firstNumber ?? range.lowerBound + 1) - range.lowerBound
        return range.map { index in
            let raw = source.lines[index]
            let trimmed = raw.trimmingLeadingSpaces()
            let body = trimmed.trimmingTrailingSpaces()
            if body.isEmpty { return nil }
            if body.utf8.starts(with: [0x2F, 0x2F]) { return ScriptLine.comment }
            return ScriptLine(text: body, number: index + numberOffset, column: raw.utf8.distance(from: raw.startIndex, to: trimmed.startIndex) + 1,
                              fileID: fileID)
        }
    }

    /// Stands for a comment line: skipped, but unlike a blank line it does not end a paragraph.
    static let comment = ScriptLine(text: "", number: 0, column: 0, fileID: 0)
    var isComment: Bool { number == 0 }
}

extension Substring {
    func trimmingLeadingSpaces() -> Substring {
        let start = utf8.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? endIndex
        return self[start...]
    }

    func trimmingTrailingSpaces() -> Substring {
        guard let last = utf8.lastIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return self[endIndex...] }
        return self[..<utf8.index(after: last)]
    }

    /// The parts between runs of spaces and tabs.
    func words() -> [Substring] {
        withUTF8Bytes { bytes in
            var result: [Substring] = []
            var position = 0
            while position < bytes.count {
                while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
                let start = position
                while position < bytes.count, bytes[position] != 0x20, bytes[position] != 0x09 { position += 1 }
                if position > start { result.append(self[bytes: start..<position]) }
            }
            return result
        }
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

    /// `hasPrefix` for ASCII prefixes, comparing bytes.
    func starts(_ prefix: StaticString) -> Bool {
        prefix.withUTF8Buffer { utf8.starts(with: $0) }
    }
}

/// The rules for ids in scripts.
enum Identifier {
    /// Scene, choice, variable and speaker ids: a letter or `_`, then letters, digits and `_`.
    static func isName(_ text: Substring) -> Bool {
        guard let first = text.utf8.first, isLetter(first) || first == 0x5F else { return false }
        return text.utf8.allSatisfy { isLetter($0) || isDigit($0) || $0 == 0x5F }
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
