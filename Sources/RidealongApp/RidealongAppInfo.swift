/// Placeholder.
public enum RidealongAppInfo { public static let name = "ridealong" }
