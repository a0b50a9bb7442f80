/// How many terminal cells a character takes: 0 for combining marks, 2 for East Asian wide and
/// full-width characters and emoji, 1 otherwise. Pure Swift, so screens measure text the same way in
/// tests as in a terminal.
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if character.unicodeScalars.count > 1, character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return of(first)
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }
        if v == 0 { return 0 }
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B { return 0 }
        if isWide(v) { return 2 }
        return 1
    }

    private static func isWide(_ v: UInt32) -> Bool {
        (v >= 0x1100 && v <= 0x115F) || (v >= 0x2E80 && v <= 0x303E) || (v >= 0x3041 && v <= 0x33FF)
            || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0xA000 && v <= 0xA4CF)
            || (v >= 0xAC00 && v <= 0xD7A3) || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFE30 && v <= 0xFE4F)
            || (v >= 0xFF00 && v <= 0xFF60) || (v >= 0xFFE0 && v <= 0xFFE6) || (v >= 0x1F300 && v <= 0x1F64F)
            || (v >= 0x1F900 && v <= 0x1F9FF) || (v >= 0x1F680 && v <= 0x1F6FF) || (v >= 0x1FA70 && v <= 0x1FAFF)
            || (v >= 0x20000 && v <= 0x3FFFD) || (v >= 0x2600 && v <= 0x26FF && isEmojiPresentation(v))
    }

    private static func isEmojiPresentation(_ v: UInt32) -> Bool {
        Unicode.Scalar(v)?.properties.isEmojiPresentation ?? false
    }

    /// The cells a string takes.
    public static func of(_ text: some StringProtocol) -> Int {
        // Printable ASCII takes one cell a byte, with no grapheme breaking to work out.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }
}
