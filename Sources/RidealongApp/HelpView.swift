import TerminalKit

/// The `?` help screen, built from the same keymap as the footer.
enum HelpView {
    static func draw(_ context: KeyContext, _ buffer: inout ScreenBuffer) {
        let bindings = Keymap.bindings.filter { $0.contexts.contains(context) }
        let inner = drawBox(&buffer, width: 64, height: bindings.count + 6, title: "Keys")
        for (row, binding) in bindings.enumerated() where row < inner.height - 2 {
            buffer.put(binding.label, x: inner.x, y: inner.y + row, role: .accent, bold: true)
            buffer.put(TextLayout.clip(binding.description, width: inner.width - 12), x: inner.x + 12, y: inner.y + row)
        }
        buffer.put("Ctrl-C saves and quits at once. Any key closes this help.", x: inner.x, y: inner.y + inner.height - 1, role: .hint,
                   limit: inner.x + inner.width)
    }
}
