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
        return source.withUTF8 { text in source.lines.indices.map { line($0, of: source, utf8: text, fileID: fileID) } }
    }

    /// The line of `source` at a 0-based index, nil when it is blank, `comment` when it is a comment.
    /// `text` is the source's text as bytes (see `SourceText.withUTF8`) and `fileID` the number
    /// `SourcePaths` gives its path. The line is trimmed and tested by its bytes, and sliced once.
    static func line(_ index: Int, of source: SourceText, utf8 text: UnsafeBufferPointer<UInt8>, fileID: UInt32) -> ScriptLine? {
        let raw = source.lines.byteRange(index)
        var start = raw.lowerBound
        var end = raw.upperBound
        while start < end, text[start] == 0x20 || text[start] == 0x09 { start += 1 }
        while end > start, text[end - 1] == 0x20 || text[end - 1] == 0x09 { end -= 1 }
        if start == end { return nil }
        if end - start >= 2, text[start] == 0x2F, text[start + 1] == 0x2F { return ScriptLine.comment }
        let isASCII = source.isASCII || ByteSearch.isASCII(UnsafeBufferPointer(rebasing: text[start..<end]))
        let utf8 = source.text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: start)
        return ScriptLine(text: source.text[lower..<utf8.index(lower, offsetBy: end - start)], number: index + 1,
                          column: start - raw.lowerBound + 1, fileID: fileID, isASCII: isASCII, firstByte: text[start])
    }

    /// Stands for a comment line: skipped, but unlike a blank line it does not end a paragraph.
    static let comment = ScriptLine(text: "", number: 0, column: 0, fileID: 0, isASCII: true, firstByte: 0)
    var isComment: Bool { number == 0 }
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
