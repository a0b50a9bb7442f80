import Crypto
import Foundation

/// SHA-256 chaining of events: each event's hash covers the previous hash and its statement, so an
/// edited, deleted or reordered event breaks the chain from that point on.
public enum HashChain {
    public static func hash(previous: String, statement: Data) -> String {
        var hasher = SHA256()
        hasher.update(data: Data(previous.utf8))
        hasher.update(data: Data([0x0A]))
        hasher.update(data: statement)
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
