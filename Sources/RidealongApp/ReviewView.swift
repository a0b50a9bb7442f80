import TerminalKit

/// The FTO review area: the password prompt, then the roster with a trainee list, or a trainee's page.
enum ReviewView {
    static func draw(_ review: ReviewState, _ buffer: inout ScreenBuffer) {
        guard review.isUnlocked else {
            buffer.put("FTO review", x: 4, y: 2, role: .title, bold: true)
            buffer.put("Records are personnel records. Enter the FTO password to continue.", x: 4, y: 3, limit: buffer.width - 2)
            buffer.put("▶ Password: " + String(repeating: "•", count: review.password.count) + "▏", x: 4, y: 5, role: .accent, bold: true)
            if let error = review.error { buffer.put("! " + TextLayout.clip(error, width: buffer.width - 8), x: 4, y: 7, role: .bad, bold: true) }
            return
        }
        let width = buffer.width - 4
        var lines: [(String, Role)] = []
        if let page = review.traineePage {
            lines = page.lines.flatMap { fit($0, width) }.map { ($0, .normal) }
        } else {
            lines = [("Trainees (↑/↓, Enter opens a trainee's page):", .accent)]
            for (index, id) in review.trainees.enumerated() {
                lines.append(((index == review.selected ? "▶ " : "  ") + id, index == review.selected ? .selected : .normal))
            }
            lines.append(("", .normal))
            lines += review.roster.flatMap { fit($0, width) }.map { ($0, $0.hasPrefix("  !") ? .bad : .normal) }
        }
        let visible = buffer.height - 3
        let first = min(review.scroll, max(0, lines.count - visible))
        for (offset, line) in lines.dropFirst(first).prefix(visible).enumerated() {
            buffer.put(line.0, x: 2, y: 1 + offset, role: line.1, limit: buffer.width - 1)
            if line.1 == .selected { buffer.paint(x: 2, y: 1 + offset, width: width, role: .selected) }
        }
        if first + visible < lines.count { buffer.put(" ↓ PgDn for more ", x: buffer.width - 19, y: buffer.height - 2, role: .hint) }
    }

    /// Lines that fit stay as they are (tables keep their columns); longer ones are wrapped.
    private static func fit(_ line: String, _ width: Int) -> [String] {
        DisplayWidth.of(line) <= width ? [line] : TextLayout.wrap(line, width: width)
    }
}
