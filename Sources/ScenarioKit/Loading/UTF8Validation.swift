/// Finds where bytes stop being well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
/// above U+10FFFF), skipping ASCII eight bytes at a time, without making a string of them.
enum UTF8Validation {
    /// The offset of the first byte that does not begin a well-formed sequence, nil when all are valid.
    static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var offset = 0
        while offset < count {
            if offset + 8 <= count, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                offset += 8
                continue
            }
            let lead = bytes[offset]
            if lead < 0x80 {
                offset += 1
                continue
            }
            let length = sequenceLength(lead, second: offset + 1 < count ? bytes[offset + 1] : nil)
            guard length > 0, offset + length <= count else { return offset }
            for continuation in (offset + 2)..<(offset + length) where bytes[continuation] & 0xC0 != 0x80 { return offset }
            offset += length
        }
        return nil
    }

    /// How many bytes the sequence that `lead` begins takes when its second byte is allowed after that
    /// lead, or 0 when the pair cannot begin a well-formed sequence.
    private static func sequenceLength(_ lead: UInt8, second: UInt8?) -> Int {
        guard let second else { return 0 }
        let allowed: ClosedRange<UInt8>, length: Int
        switch lead {
        case 0xC2...0xDF: (allowed, length) = (0x80...0xBF, 2)
        case 0xE0: (allowed, length) = (0xA0...0xBF, 3)
        case 0xED: (allowed, length) = (0x80...0x9F, 3)
        case 0xE1...0xEF: (allowed, length) = (0x80...0xBF, 3)
        case 0xF0: (allowed, length) = (0x90...0xBF, 4)
        case 0xF4: (allowed, length) = (0x80...0x8F, 4)
        case 0xF1...0xF3: (allowed, length) = (0x80...0xBF, 4)
        default: return 0
        }
        return allowed.contains(second) ? length : 0
    }
}
