import Foundation

/// The file paths locations refer to, each numbered once for the life of the process.
final class SourcePaths: @unchecked Sendable {
    static let shared = SourcePaths()

    private let lock = NSLock()
    private var paths: [String] = [""]
    private var ids: [String: UInt32] = ["": 0]

    /// The number standing for `path`, assigning the next one the first time the path is met.
    func id(for path: String) -> UInt32 {
        lock.withLock {
            if let id = ids[path] { return id }
            let id = UInt32(paths.count)
            paths.append(path)
            ids[path] = id
            return id
        }
    }

    /// The path a number stands for.
    func path(_ id: UInt32) -> String {
        lock.withLock { paths[Int(id)] }
    }
}
