/// The text of one script file split into lines, kept so diagnostics can quote the offending line.
public struct SourceText: Sendable {
    public let path: String
    public let lines: [Substring]

    public init(path: String, text: String) {
        self.path = path
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for index in lines.indices where lines[index].hasSuffix("\r") {
            lines[index] = lines[index].dropLast()
        }
        if lines.last?.isEmpty == true && lines.count > 1 { lines.removeLast() }
        self.lines = lines
    }

    /// The text of a 1-based line, or nil when it does not exist.
    public func line(_ number: Int) -> Substring? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }
}
