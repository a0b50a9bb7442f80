/// Splits display text into literal runs and `{expression}` interpolations.
enum TextParser {
    static func parse(_ text: Substring, in line: ScriptLine, diagnostics: inout [Diagnostic]) -> [TextPart] {
        let utf8 = text.utf8
        let hasBraces = text.withUTF8Bytes { ByteSearch.firstIndex(of: 0x7B, in: $0) != nil || ByteSearch.firstIndex(of: 0x7D, in: $0) != nil }
        if !hasBraces { return text.isEmpty ? [] : [.literal(String(text))] }
        var parts: [TextPart] = []
        // Each '{' adds at most a literal and an interpolation; one literal may follow the last.
        parts.reserveCapacity(2 * text.withUTF8Bytes { $0.count { $0 == 0x7B } } + 1)
        var literal = ""
        // In ASCII text every byte is a character, so the braces are found by bytes; elsewhere a brace
        // may be part of a larger character (a combining mark after it) and characters are walked.
        let isASCII = line.isASCII || text.withUTF8Bytes(ByteSearch.isASCII)
        var index = text.startIndex
        while index < text.endIndex {
            let next = isASCII ? (utf8[index...].firstIndex { $0 == 0x7B || $0 == 0x7D } ?? text.endIndex) : index
            if next > index {
                literal += text[index..<next]
                index = next
                continue
            }
            let c = text[index]
            if c == "{" {
                guard let close = isASCII ? utf8[index...].firstIndex(of: 0x7D) : text[index...].firstIndex(of: "}") else {
                    diagnostics.append(Diagnostic(.badInterpolation, "'{' is never closed", at: line.location(of: text[index...]),
                                                  hint: "close the interpolation with '}', e.g. {caller}"))
                    literal += text[index...]
                    break
                }
                let inner = text[(isASCII ? utf8.index(after: index) : text.index(after: index))..<close]
                switch ExpressionParser.parse(inner, at: line.location(of: inner)) {
                case .success(let expression):
                    if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
                    parts.append(.interpolation(expression))
                case .failure(let diagnostic):
                    diagnostics.append(Diagnostic(.badInterpolation, "in '{…}': " + diagnostic.message, at: diagnostic.location,
                                                  length: diagnostic.length, hint: "write a variable name in braces, e.g. {caller}"))
                }
                index = isASCII ? utf8.index(after: close) : text.index(after: close)
            } else if c == "}" {
                diagnostics.append(Diagnostic(.badInterpolation, "'}' without an opening '{'", at: line.location(of: text[index...]),
                                              hint: "remove the '}' or open the interpolation with '{'"))
                index = isASCII ? utf8.index(after: index) : text.index(after: index)
            } else {
                literal.append(c)
                index = text.index(after: index)
            }
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        return parts
    }

    /// The parts of `prefix + text` (when `prefix` holds no braces) from the parts of `text`.
    static func prefixing(_ prefix: Substring, to parts: [TextPart]) -> [TextPart] {
        var result = parts
        if case .literal(let first)? = parts.first {
            result[0] = .literal(String(prefix) + first)
        } else {
            result.insert(.literal(String(prefix)), at: 0)
        }
        return result
    }
}
