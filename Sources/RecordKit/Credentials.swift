import _CryptoExtras
import Crypto
import Foundation
import GRDB

/// The FTO credential: stored only as a salted scrypt hash (swift-crypto), with a delay that doubles
/// after each failed try (up to a minute) before the next one is even checked.
public struct Credentials: Sendable {
    /// Why access was refused.
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case notSet, wrong(delay: Int), passwordFileUnsafe(String), passwordFileUnreadable(String), tooShort

        public var description: String {
            switch self {
            case .notSet: "no FTO password is set yet: run `ridealong fto set-password`"
            case .wrong(let delay): "wrong FTO password; the next try waits \(delay) s"
            case .passwordFileUnsafe(let path): "\(path) can be read by others: run `chmod 600 \(path)`"
            case .passwordFileUnreadable(let path): "cannot read the password file \(path)"
            case .tooShort: "the FTO password must have at least 8 characters"
            }
        }
    }

    let store: RecordStore
    /// scrypt cost (N = 2^15, r = 8, p = 1: about 0.1 s and 32 MiB per check).
    static let rounds = 1 << 15

    public init(_ store: RecordStore) { self.store = store }

    public var isSet: Bool { (try? store.database.read { try Row.fetchOne($0, sql: "SELECT 1 FROM credential WHERE role = 'fto'") }) != nil }

    static func derive(_ password: String, salt: Data, rounds: Int) throws -> Data {
        let key = try KDF.Scrypt.deriveKey(from: Data(password.utf8), salt: salt, outputByteCount: 32, rounds: rounds, blockSize: 8, parallelism: 1)
        return key.withUnsafeBytes { Data($0) }
    }

    public func set(_ password: String) throws {
        guard password.count >= 8 else { throw Failure.tooShort }
        let salt = Data((0..<16).map { _ in UInt8.random(in: .min ... .max) })
        let hash = try Self.derive(password, salt: salt, rounds: Self.rounds)
        try store.write { db in
            try db.execute(sql: """
                INSERT INTO credential(role, salt, hash, parameters, failures) VALUES('fto', ?, ?, ?, 0)
                ON CONFLICT(role) DO UPDATE SET salt = excluded.salt, hash = excluded.hash, parameters = excluded.parameters, failures = 0
                """, arguments: [salt, hash, "scrypt:\(Self.rounds):8:1"])
        }
    }

    /// Checks a password, waiting first when earlier tries failed. `sleep` is injectable for tests.
    public func check(_ password: String, sleep: (Int) -> Void = { Foundation.sleep(UInt32($0)) }) throws {
        guard let row = try store.database.read({ try Row.fetchOne($0, sql: "SELECT salt, hash, parameters, failures FROM credential WHERE role = 'fto'") })
        else { throw Failure.notSet }
        let failures: Int = row["failures"]
        if failures > 0 { sleep(Self.delay(afterFailures: failures)) }
        let rounds = Int((row["parameters"] as String).split(separator: ":").dropFirst().first ?? "") ?? Self.rounds
        let expected: Data = row["hash"]
        let actual = try Self.derive(password, salt: row["salt"], rounds: rounds)
        let matches = actual.count == expected.count && zip(actual, expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
        try store.write { db in
            try db.execute(sql: "UPDATE credential SET failures = ?, lastFailure = ? WHERE role = 'fto'",
                           arguments: [matches ? 0 : failures + 1, matches ? nil : Date().timeIntervalSince1970])
        }
        if !matches { throw Failure.wrong(delay: Self.delay(afterFailures: failures + 1)) }
    }

    static func delay(afterFailures failures: Int) -> Int { min(60, 1 << min(failures, 6)) }

    /// Seconds before the next try may be checked (for screens that must not block while waiting).
    public func remainingDelay(now: Date = Date()) -> Int {
        guard let row = try? store.database.read({ try Row.fetchOne($0, sql: "SELECT failures, lastFailure FROM credential WHERE role = 'fto'") }),
              let failures = row["failures"] as Int?, failures > 0, let last = row["lastFailure"] as Double? else { return 0 }
        return max(0, Int((last + Double(Self.delay(afterFailures: failures)) - now.timeIntervalSince1970).rounded(.up)))
    }

    /// Reads a password from a file that only its owner can read (the first line).
    public static func readPasswordFile(_ path: String) throws -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { throw Failure.passwordFileUnreadable(path) }
        guard info.st_mode & 0o077 == 0 else { throw Failure.passwordFileUnsafe(path) }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw Failure.passwordFileUnreadable(path) }
        return String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
    }
}
