/// Reading script text: trimming, splitting and comparing by UTF-8 bytes, with characters walked only
/// where a non-ASCII byte could make them differ from bytes.
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

    /// `droppingASCII(count).trimmingLeadingSpaces()`, reading the bytes once and slicing once.
    func droppingASCIIAndSpaces(_ count: Int) -> Substring {
        let start: Int? = withUTF8Bytes { bytes in
            var position = count
            if position < bytes.count, bytes[position] >= 0x80 { return nil }
            while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
            return position
        }
        guard let start else { return dropFirst(count).trimmingLeadingSpaces() }
        return self[utf8.index(startIndex, offsetBy: start)...]
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
