/// Splits display text into literal runs and `{expression}` interpolations.
enum TextParser {
    static func parse(_ text: Substring, in line: ScriptLine, diagnostics: inout [Diagnostic]) -> [TextPart] {
        let hasBraces = text.withUTF8Bytes { ByteSearch.firstIndex(of: 0x7B, in: $0) != nil || ByteSearch.firstIndex(of: 0x7D, in: $0) != nil }
        if !hasBraces { return text.isEmpty ? [] : [.literal(String(text))] }
        // In ASCII text every byte is a character, so the braces are found by bytes; elsewhere a brace
        // may be part of a larger character (a combining mark after it) and characters are walked.
        if line.isASCII || text.withUTF8Bytes(ByteSearch.isASCII) { return parseASCII(text, in: line, diagnostics: &diagnostics) }
        var parts: [TextPart] = []
        var literal = ""
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if c == "{" {
                guard let close = text[index...].firstIndex(of: "}") else {
                    unclosed(text[index...], in: line, diagnostics: &diagnostics)
                    literal += text[index...]
                    break
                }
                interpolate(text[text.index(after: index)..<close], in: line, into: &parts, after: &literal, diagnostics: &diagnostics)
                index = text.index(after: close)
            } else if c == "}" {
                unopened(text[index...], in: line, diagnostics: &diagnostics)
                index = text.index(after: index)
            } else {
                literal.append(c)
                index = text.index(after: index)
            }
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        return parts
    }

    /// `parse` for ASCII text: the braces are found by their bytes, and the text is sliced only at them.
    private static func parseASCII(_ text: Substring, in line: ScriptLine, diagnostics: inout [Diagnostic]) -> [TextPart] {
        let braces: [(offset: Int, opens: Bool)] = text.withUTF8Bytes { bytes in
            bytes.indices.compactMap { bytes[$0] == 0x7B ? ($0, true) : bytes[$0] == 0x7D ? ($0, false) : nil }
        }
        var parts: [TextPart] = []
        // Each '{' adds at most a literal and an interpolation; one literal may follow the last.
        parts.reserveCapacity(2 * braces.count { $0.opens } + 1)
        var literal = ""
        var position = 0, brace = 0
        let count = text.utf8.count
        while position < count {
            while brace < braces.count, braces[brace].offset < position { brace += 1 }
            let next = brace < braces.count ? braces[brace].offset : count
            if next > position {
                literal += text[bytes: position..<next]
                position = next
                continue
            }
            guard braces[brace].opens else {
                unopened(text[bytes: position..<count], in: line, diagnostics: &diagnostics)
                position += 1
                continue
            }
            guard let close = braces[brace...].first(where: { !$0.opens })?.offset else {
                unclosed(text[bytes: position..<count], in: line, diagnostics: &diagnostics)
                literal += text[bytes: position..<count]
                break
            }
            interpolate(text[bytes: (position + 1)..<close], in: line, into: &parts, after: &literal, diagnostics: &diagnostics)
            position = close + 1
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        return parts
    }

    /// Reads `{inner}`: an interpolation after the literal so far, or a diagnostic.
    private static func interpolate(_ inner: Substring, in line: ScriptLine, into parts: inout [TextPart], after literal: inout String,
                                    diagnostics: inout [Diagnostic]) {
        switch ExpressionParser.parse(inner, at: line.location(of: inner)) {
        case .success(let expression):
            if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
            parts.append(.interpolation(expression))
        case .failure(let diagnostic):
            diagnostics.append(Diagnostic(.badInterpolation, "in '{…}': " + diagnostic.message, at: diagnostic.location,
                                          length: diagnostic.length, hint: "write a variable name in braces, e.g. {caller}"))
        }
    }

    private static func unclosed(_ rest: Substring, in line: ScriptLine, diagnostics: inout [Diagnostic]) {
        diagnostics.append(Diagnostic(.badInterpolation, "'{' is never closed", at: line.location(of: rest),
                                      hint: "close the interpolation with '}', e.g. {caller}"))
    }

    private static func unopened(_ rest: Substring, in line: ScriptLine, diagnostics: inout [Diagnostic]) {
        diagnostics.append(Diagnostic(.badInterpolation, "'}' without an opening '{'", at: line.location(of: rest),
                                      hint: "remove the '}' or open the interpolation with '{'"))
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
