/// One problem found in a script: what, where, and what to do about it.
public struct Diagnostic: Sendable, Hashable {
    public var severity: Severity
    public var code: DiagnosticCode
    public var message: String
    public var location: SourceLocation
    /// How many characters the caret underline spans (at least 1).
    public var length: Int
    public var hint: String?

    public init(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, length: Int = 1,
                hint: String? = nil, severity: Severity? = nil) {
        self.code = code
        self.severity = severity ?? code.defaultSeverity
        self.message = message
        self.location = location
        self.length = max(1, length)
        self.hint = hint
    }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line and column, without exact repeats.
    public func sortedUnique() -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return filter { seen.insert($0).inserted }.sorted { $0.location < $1.location }
    }
}
extension Diagnostic: Error {}
