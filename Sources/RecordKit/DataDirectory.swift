import Foundation
import ScenarioKit

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
        var partial = path.hasPrefix("/") ? "" : "."
        let components = path.split(separator: "/")
        for (index, component) in components.enumerated() {
            partial += "/"
            partial += String(component)
            let isLast = index == components.count - 1
            if mkdir(partial, isLast ? 0o700 : 0o755) != 0, errno != EEXIST { throw FolderError(reason: String(cString: strerror(errno))) }
        }
        guard FileSystem.isDirectory(path) else { throw FolderError(reason: "it is a file, not a folder") }
        if chmod(path, 0o700) != 0 { throw FolderError(reason: String(cString: strerror(errno))) }
    }

    /// Why the folder could not be made.
    struct FolderError: LocalizedError {
        var reason: String
        var errorDescription: String? { reason }
    }
}
