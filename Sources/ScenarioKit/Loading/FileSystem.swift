#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file operations loading scripts needs, on plain POSIX calls (ScenarioKit avoids Foundation
/// to keep start-up fast).
public enum FileSystem {
    /// Why a file could not be read.
    public enum ReadError: Error, Equatable {
        case missing, isDirectory, tooLarge(Int), unreadable(String)
    }

    public static let maximumScriptSize = 32 * 1024 * 1024

    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// The file's size in bytes, 0 when it does not exist.
    public static func size(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// What a script file holds: its text, or why it is not text.
    public enum Contents: Equatable {
        case text(String)
        /// A zero byte at this offset: a binary file.
        case binary(zeroAt: Int)
        /// Bytes that are not UTF-8, first met at this 1-based line and column (columns in characters).
        case notUTF8(line: Int, column: Int)
    }

    /// The file's text without a leading byte-order mark, read straight into the string's own storage (a
    /// 20 MB script is neither copied nor held twice); refuses directories and files over `limit`.
    public static func readText(_ path: String, limit: Int = maximumScriptSize) throws(ReadError) -> Contents {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw readError(errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw readError(errno) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory }
        if Int(info.st_size) > limit { throw .tooLarge(Int(info.st_size)) }
        var failure: ReadError?, contents: Contents?
        // A regular file is read to the size it has; a pipe or a device is read to its end first.
        let streamed = (info.st_mode & S_IFMT) == S_IFREG ? nil : try readToEnd(descriptor, limit: limit)
        let text = String(unsafeUninitializedCapacity: streamed?.count ?? Int(info.st_size)) { buffer in
            let filled: Int
            if let streamed {
                filled = buffer.initialize(fromContentsOf: streamed)
            } else {
                switch readFully(descriptor, into: buffer) {
                case .success(let count): filled = count
                case .failure(let error): failure = error; return 0
                }
            }
            let (kept, refusal) = examine(UnsafeMutableBufferPointer(rebasing: buffer[..<filled]))
            contents = refusal
            return kept
        }
        if let failure { throw failure }
        return contents ?? .text(text)
    }

    private static func readError(_ code: Int32) -> ReadError {
        switch code {
        case ENOENT: .missing
        case EISDIR: .isDirectory
        default: .unreadable(String(cString: strerror(code)))
        }
    }

    /// Reads until `buffer` is full or the file ends; the number of bytes read.
    private static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Result<Int, ReadError> {
        var filled = 0
        while filled < buffer.count {
            let count = read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(readError(errno))
            }
            filled += count
        }
        return .success(filled)
    }

    /// Everything a pipe or device gives until it ends, refusing more than `limit` bytes.
    private static func readToEnd(_ descriptor: Int32, limit: Int) throws(ReadError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = try chunk.withUnsafeMutableBufferPointer { buffer throws(ReadError) in try readFully(descriptor, into: buffer).get() }
            bytes.append(contentsOf: chunk[..<count])
            if bytes.count > limit { throw .tooLarge(bytes.count) }
            if count < chunk.count { return bytes }
        }
    }

    /// How many of the bytes read make the text (a leading byte-order mark is moved out of the way), or
    /// why they are not text.
    private static func examine(_ bytes: UnsafeMutableBufferPointer<UInt8>) -> (kept: Int, refusal: Contents?) {
        let read = UnsafeBufferPointer(bytes)
        if let zero = ByteSearch.firstIndex(of: 0, in: read) { return (0, .binary(zeroAt: zero)) }
        if let invalid = UTF8Validation.firstInvalidOffset(read) {
            let line = read[..<invalid].count { $0 == 0x0A } + 1
            let lineStart = read[..<invalid].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            return (0, .notUTF8(line: line, column: String(decoding: read[lineStart..<invalid], as: UTF8.self).count + 1))
        }
        guard bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF, let base = bytes.baseAddress else { return (bytes.count, nil) }
        base.update(from: base + 3, count: bytes.count - 3)
        return (bytes.count - 3, nil)
    }

    /// Up to `count` bytes from the start of a file (nil when it cannot be opened).
    public static func readPrefix(_ path: String, count: Int) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes = [UInt8](repeating: 0, count: count)
        let read = fread(&bytes, 1, count, file)
        bytes.removeLast(count - read)
        return bytes
    }

    /// Names in a directory, sorted, without `.` and `..`.
    public static func list(_ path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// The canonical absolute path, or the path itself when it cannot be resolved.
    public static func canonical(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The folder part of a path ("." when there is none).
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `relative` resolved against `directory` (absolute paths stay as they are).
    public static func join(_ directory: String, _ relative: String) -> String {
        if relative.hasPrefix("/") || directory == "." { return relative }
        return directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
    }
}
