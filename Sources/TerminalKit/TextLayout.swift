/// Word wrapping and clipping by display width (not by characters or bytes).
public enum TextLayout {
    /// Breaks `text` into lines no wider than `width` cells, at spaces where it can and inside words
    /// only when a word is wider than a line. Explicit newlines are kept.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                let wordWidth = DisplayWidth.of(word)
                if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
                    line += " " + word
                    lineWidth += 1 + wordWidth
                    continue
                }
                if lineWidth > 0 { lines.append(line); line = ""; lineWidth = 0 }
                if wordWidth <= width {
                    line = String(word)
                    lineWidth = wordWidth
                    continue
                }
                for character in word {
                    let w = DisplayWidth.of(character)
                    if lineWidth + w > width { lines.append(line); line = ""; lineWidth = 0 }
                    line.append(character)
                    lineWidth += w
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// The longest prefix of `text` that fits in `width` cells, with "…" when something was cut.
    public static func clip(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }
}
