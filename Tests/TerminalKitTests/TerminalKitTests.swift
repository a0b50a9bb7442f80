import Testing
import TerminalKit

@Suite("Display width and layout")
struct LayoutTests {
    @Test(arguments: [("a", 1), ("é", 1), ("日", 2), ("🎺", 2), ("e\u{301}", 1), ("한", 2), ("—", 1)])
    func characterWidths(text: String, width: Int) {
        #expect(DisplayWidth.of(Character(text)) == width)
    }

    @Test(arguments: [("Officer Reyes", 13), ("tab\there", 7), ("café au lait", 12), ("日本 ok", 7), ("e\u{301}!", 2), ("", 0)])
    func stringWidths(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
        #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) }, "the same as character by character")
    }

    @Test func wrapsByDisplayWidthAtSpaces() {
        #expect(TextLayout.wrap("one two three four", width: 9) == ["one two", "three", "four"])
        #expect(TextLayout.wrap("日本語のテキスト", width: 6) == ["日本語", "のテキ", "スト"])
        #expect(TextLayout.wrap("a\n\nb", width: 5) == ["a", "", "b"])
        #expect(TextLayout.wrap("abcdefgh", width: 3) == ["abc", "def", "gh"])
    }

    @Test func clipsWithAnEllipsis() {
        #expect(TextLayout.clip("Safer Together", width: 8) == "Safer T…")
        #expect(TextLayout.clip("日本語", width: 4) == "日…")
        #expect(TextLayout.clip("short", width: 8) == "short")
    }

    @Test func wideCharactersTakeTwoCellsAndNeverStraddleTheEdge() {
        var buffer = ScreenBuffer(width: 5, height: 1)
        let end = buffer.put("a日本", x: 0, y: 0)
        #expect(end == 5)
        #expect(buffer.lines == ["a日本"])
        var edge = ScreenBuffer(width: 4, height: 1)
        edge.put("ab日本", x: 0, y: 0)
        #expect(edge.lines == ["ab日"])
    }

    @Test func headlessTerminalPlaysScriptedKeysAndResizes() {
        let terminal = HeadlessTerminal(width: 80, height: 24, keys: [.character("1"), .resize(width: 100, height: 30)])
        #expect(terminal.readKey(timeoutMilliseconds: 0) == .character("1"))
        #expect(terminal.readKey(timeoutMilliseconds: 0) == .resize(width: 100, height: 30))
        #expect(terminal.width == 100 && terminal.height == 30)
        #expect(terminal.isClosed)
        #expect(terminal.readKey(timeoutMilliseconds: 0) == nil)
    }
}
