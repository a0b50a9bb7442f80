/// Placeholder.
public enum TerminalKitInfo { public static let name = "TerminalKit" }
