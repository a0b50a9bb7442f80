import Foundation

/// Standard output for plain mode, written straight to the descriptor so nothing waits in a buffer; it
/// notices when the reader has gone (EPIPE) so the session can end instead of dying on SIGPIPE.
final class PlainOutput {
    private(set) var isClosed = false

    func write(_ text: String) {
        guard !isClosed else { return }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                isClosed = true
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
