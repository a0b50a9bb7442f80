import Foundation

/// An append-only file of JSON lines, each written whole and flushed to disk before `append` returns,
/// so a killed process loses at most the line it was writing (which `lines()` then skips).
public struct AppendLog: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// Why a record could not be written.
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    public func append(_ line: Data) throws {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var bytes = line
        bytes.append(0x0A)
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw WriteError(path: path, reason: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
        guard fsync(descriptor) == 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
    }

    /// Every complete line; a torn last line from a killed writer is left out.
    public func lines() throws -> [Data] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: true).map { Data($0) }
        if let last = data.last, last != 0x0A, !lines.isEmpty { lines.removeLast() }
        return lines
    }
}
