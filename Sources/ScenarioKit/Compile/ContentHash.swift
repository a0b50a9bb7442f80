import Synchronization

/// A stable fingerprint of script text (64-bit FNV-1a, hex), used to notice that a module changed
/// since progress was saved.
public enum ContentHash {
    public static func of(_ texts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for text in texts {
            var text = text
            text.withUTF8 { bytes in
                for byte in bytes {
                    hash ^= UInt64(byte)
                    hash = hash &* 0x0000_0100_0000_01B3
                }
            }
            hash ^= 0xFF
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// A module's content hash, worked out from its source texts the first time it is asked for: a save
/// needs it, a check never does (hashing a 90 MB course takes about a tenth of a second).
final class ContentFingerprint: Sendable {
    private let texts: [String]
    private let hash = Mutex<String?>(nil)

    init(texts: [String]) { self.texts = texts }

    var value: String {
        hash.withLock { cached in
            if let cached { return cached }
            let computed = ContentHash.of(texts)
            cached = computed
            return computed
        }
    }
}
