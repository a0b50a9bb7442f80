import Foundation

/// Where records live: `--data-dir`, else `$RIDEALONG_HOME`, else `$XDG_DATA_HOME/ridealong`, else
/// `~/.local/share/ridealong`. Created private to its owner (0700).
public enum DataDirectory {
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let home = environment["RIDEALONG_HOME"], !home.isEmpty { return home }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/ridealong" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share/ridealong"
    }

    /// Creates the folder (and parents) with owner-only permissions.
    public static func prepare(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: path)
    }
}
