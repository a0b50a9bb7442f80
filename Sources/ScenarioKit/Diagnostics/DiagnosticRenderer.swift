import TextWidth

/// Writes diagnostics for people (`path:line:col: error[CODE]: message`, the source line, a caret and a
/// hint) and for tools (JSON).
public enum DiagnosticRenderer {
    public static func text(_ diagnostic: Diagnostic, sources: [String: SourceText], colour: Bool = false) -> String {
        let label = "\(diagnostic.severity.rawValue)[\(diagnostic.code.rawValue)]"
        let paint: (String, String) -> String = { code, text in colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        var out = "\(diagnostic.location): \(paint(diagnostic.severity == .error ? "1;31" : "1;33", label)): \(diagnostic.message)\n"
        if let line = sources[diagnostic.location.file]?.line(diagnostic.location.line) {
            let number = String(diagnostic.location.line)
            let gutter = String(repeating: " ", count: number.count)
            // The caret is measured in terminal cells, so it stands under its place after wide characters too.
            let before = line.prefix(max(0, diagnostic.location.column - 1))
            let indent = DisplayWidth.of(before.replacingTabs())
            let marked = DisplayWidth.of(line[before.endIndex...].prefix(diagnostic.length).replacingTabs())
            out += " \(number) | \(line.replacingTabs())\n"
            out += " \(gutter) | \(String(repeating: " ", count: indent))\(paint("1", String(repeating: "^", count: max(1, marked))))\n"
        }
        if let hint = diagnostic.hint { out += "  hint: \(hint)\n" }
        return out
    }

    /// One JSON object per diagnostic in an array, for editors and CI.
    public static func json(_ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.map { d in
            "{\"file\":\(quote(d.location.file)),\"line\":\(d.location.line),\"column\":\(d.location.column),\"length\":\(d.length),"
                + "\"severity\":\(quote(d.severity.rawValue)),\"code\":\(quote(d.code.rawValue)),\"message\":\(quote(d.message)),"
                + "\"hint\":\(d.hint.map(quote) ?? "null")}"
        }
        return "[" + items.joined(separator: ",\n ") + "]\n"
    }

    /// A JSON string literal.
    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension Substring {
    fileprivate func replacingTabs() -> String {
        var out = ""
        for character in self { if character == "\t" { out += "    " } else { out.append(character) } }
        return out
    }
}
