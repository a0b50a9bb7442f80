/// One non-blank, non-comment line of a script with the column where its text starts.
struct ScriptLine {
    let text: Substring
    let number: Int
    let column: Int
    let file: String

    /// The location of a character offset within `text`.
    func location(_ offset: Int = 0) -> SourceLocation {
        SourceLocation(file: file, line: number, column: column + offset)
    }

    /// The location where `part` (a slice of `text`) begins.
    func location(of part: Substring) -> SourceLocation {
        location(text.distance(from: text.startIndex, to: part.startIndex))
    }

    /// The rest of the line after a leading keyword, trimmed.
    func after(_ prefix: String) -> Substring {
        text.dropFirst(prefix.count).trimmingLeadingSpaces()
    }

    /// Splits a source file into lines, reporting blank ones as nil so paragraphs can be separated.
    static func lines(of source: SourceText) -> [ScriptLine?] {
        source.lines.enumerated().map { index, raw in
            let trimmed = raw.trimmingLeadingSpaces()
            let body = trimmed.trimmingTrailingSpaces()
            if body.isEmpty || body.hasPrefix("//") { return body.isEmpty ? nil : ScriptLine.comment }
            return ScriptLine(text: body, number: index + 1, column: raw.distance(from: raw.startIndex, to: trimmed.startIndex) + 1,
                              file: source.path)
        }
    }

    /// Stands for a comment line: skipped, but unlike a blank line it does not end a paragraph.
    static let comment = ScriptLine(text: "", number: 0, column: 0, file: "")
    var isComment: Bool { number == 0 }
}

extension Substring {
    func trimmingLeadingSpaces() -> Substring { drop { $0 == " " || $0 == "\t" } }
    func trimmingTrailingSpaces() -> Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}

/// The rules for ids in scripts.
enum Identifier {
    /// Scene, choice, variable and speaker ids: a letter or `_`, then letters, digits and `_`.
    static func isName(_ text: Substring) -> Bool {
        guard let first = text.first, first.isASCII, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    /// Course, module and competency ids: may also contain `-` and `.`.
    static func isDottedName(_ text: Substring) -> Bool {
        guard let first = text.first, first.isASCII, first.isLetter else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }
    }

    /// Words that cannot be names because expressions give them a meaning.
    static let reserved: Set<String> = ["true", "false", "not", "and", "or", "random"]
}
