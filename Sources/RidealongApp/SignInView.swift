import TerminalKit

/// The sign-in screen.
enum SignInView {
    static func draw(_ form: SignInForm, _ buffer: inout ScreenBuffer) {
        let x = 4
        var y = 2
        buffer.put("Welcome to ridealong", x: x, y: y, role: .title, bold: true)
        y += 1
        buffer.put(TextLayout.clip("Scenario training for patrol officers. Sign in to see your courses.", width: buffer.width - 8), x: x, y: y)
        y += 2
        field("Trainee ID", form.id, focused: !form.focusOnName, x: x, y: y, &buffer)
        field("Your name", form.name, focused: form.focusOnName, x: x, y: y + 2, &buffer)
        if let error = form.error {
            buffer.put("! " + TextLayout.clip(error, width: buffer.width - 10), x: x, y: y + 4, role: .bad, bold: true)
        }
        buffer.put("Tab switches field · Enter signs in", x: x, y: y + 6, role: .hint)
    }

    private static func field(_ label: String, _ value: String, focused: Bool, x: Int, y: Int, _ buffer: inout ScreenBuffer) {
        buffer.put((focused ? "▶ " : "  ") + label + ":", x: x, y: y, role: focused ? .accent : .normal, bold: focused)
        let start = x + 16
        let width = max(10, min(40, buffer.width - start - 4))
        buffer.fill("_", x: start, y: y, width: width, role: focused ? .selected : .hint)
        let shown = TextLayout.clip(value, width: width - 1)
        let end = buffer.put(shown, x: start, y: y, role: focused ? .selected : .normal, limit: start + width)
        if focused { buffer.put("▏", x: end, y: y, role: .selected, limit: start + width) }
    }
}
