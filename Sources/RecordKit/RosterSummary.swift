import GRDB

/// Each trainee's standing in every module, kept in one row per trainee and rewritten in the same
/// transaction as the attempt that changes it, so the roster reads one row per trainee however many
/// attempts there are. It is derived data: `rebuildAll` makes it again from the attempts.
enum RosterSummary {
    /// Sums up one trainee's attempts, given in (course, module, startedAt) order.
    struct Accumulator {
        private(set) var modules: [TrainingRecords.ModuleSummary] = []
        private(set) var lastActivity: [UInt8] = []
        private var course: [UInt8] = [], module: [UInt8] = []
        private static let completed = Array("completed".utf8), inProgress = Array("in-progress".utf8)

        /// Adds the current row of `SELECT course, module, status, isPractice, overall, passed, lowestRating, criticalErrors, startedAt`.
        mutating func add(_ rows: RawRows) {
            let started = rows.bytes(8)
            if lastActivity.lexicographicallyPrecedes(started) { lastActivity = Array(started) }
            if modules.isEmpty || !rows.text(0, equals: course) || !rows.text(1, equals: module) {
                course = Array(rows.bytes(0))
                module = Array(rows.bytes(1))
                modules.append(TrainingRecords.ModuleSummary(course: rows.text(0), module: rows.text(1), gradedAttempts: 0, inProgress: false))
            }
            if rows.int(3) != 0 { return }
            let last = modules.count - 1
            if rows.text(2, equals: Self.inProgress) { modules[last].inProgress = true }
            if rows.text(2, equals: Self.completed) {
                modules[last].gradedAttempts += 1
                modules[last].previousOverall = modules[last].latestOverall
                modules[last].latestOverall = rows.optionalDouble(4)
                modules[last].latestPassed = rows.optionalInt(5).map { $0 != 0 }
                modules[last].latestLowestRating = rows.optionalInt(6)
                modules[last].inProgress = false
                if (rows.optionalInt(7) ?? 0) > 0 { modules[last].lastCriticalAttempt = modules[last].gradedAttempts }
            }
        }
    }

    private static let columns = "course, module, status, isPractice, overall, passed, lowestRating, criticalErrors, startedAt"

    /// Rewrites one trainee's row from their attempts.
    static func refresh(_ traineeID: String, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            SELECT \(columns) FROM attempt INDEXED BY attempt_summary WHERE traineeID = ? ORDER BY course, module, startedAt
            """)
        try statement.setArguments([traineeID])
        let rows = RawRows(statement)
        var accumulator = Accumulator()
        while try rows.next() { accumulator.add(rows) }
        try save(traineeID, accumulator, db)
    }

    /// Rewrites every trainee's row in one pass over the attempts.
    static func rebuildAll(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM roster_summary")
        let statement = try db.makeStatement(sql: """
            SELECT \(columns), traineeID FROM attempt INDEXED BY attempt_summary ORDER BY traineeID, course, module, startedAt
            """)
        let rows = RawRows(statement)
        var trainee: [UInt8] = [], accumulator = Accumulator()
        while try rows.next() {
            if !rows.text(9, equals: trainee) {
                if !trainee.isEmpty { try save(String(decoding: trainee, as: UTF8.self), accumulator, db) }
                trainee = Array(rows.bytes(9))
                accumulator = Accumulator()
            }
            accumulator.add(rows)
        }
        if !trainee.isEmpty { try save(String(decoding: trainee, as: UTF8.self), accumulator, db) }
    }

    private static func save(_ traineeID: String, _ accumulator: Accumulator, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO roster_summary(traineeID, modules, lastActivity) VALUES(?, ?, ?)
            ON CONFLICT(traineeID) DO UPDATE SET modules = excluded.modules, lastActivity = excluded.lastActivity
            """).execute(arguments: [traineeID, encode(accumulator.modules), String(decoding: accumulator.lastActivity, as: UTF8.self)])
    }

    // MARK: The row's text: one line per module, fields split by the ASCII unit separator, numbers in
    // decimal and fractions as the hexadecimal bits of the Double (exact, and read without parsing).

    static func encode(_ modules: [TrainingRecords.ModuleSummary]) -> String {
        modules.map { summary in
            let fields: [String?] = [
                summary.course, summary.module, String(summary.gradedAttempts), summary.inProgress ? "1" : "0",
                summary.latestOverall.map { String($0.bitPattern, radix: 16) }, summary.latestPassed.map { $0 ? "1" : "0" },
                summary.latestLowestRating.map(String.init), summary.previousOverall.map { String($0.bitPattern, radix: 16) },
                summary.lastCriticalAttempt.map(String.init),
            ]
            return fields.map { $0 ?? "" }.joined(separator: "\u{1F}")
        }.joined(separator: "\n")
    }

    static func decode(_ text: String) -> [TrainingRecords.ModuleSummary] {
        var text = text
        return text.withUTF8 { decode($0) }
    }

    /// Reads the row's text straight from its bytes (the roster decodes ten thousand of them at once).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [TrainingRecords.ModuleSummary] {
        var modules: [TrainingRecords.ModuleSummary] = []
        var fields = FieldReader(bytes: bytes)
        while !fields.isAtEnd {
            let course = fields.text(), module = fields.text()
            let graded = fields.number(radix: 10) ?? 0, inProgress = fields.number(radix: 10) == 1
            let latest = fields.number(radix: 16), passed = fields.number(radix: 10), lowest = fields.number(radix: 10)
            let previous = fields.number(radix: 16), critical = fields.number(radix: 10)
            fields.skipLine()
            modules.append(TrainingRecords.ModuleSummary(
                course: course, module: module, gradedAttempts: graded, inProgress: inProgress,
                latestOverall: latest.map { Double(bitPattern: UInt64($0)) }, latestPassed: passed.map { $0 == 1 }, latestLowestRating: lowest,
                previousOverall: previous.map { Double(bitPattern: UInt64($0)) }, lastCriticalAttempt: critical))
        }
        return modules
    }

    /// Walks the fields of the row's text in place.
    private struct FieldReader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        var isAtEnd: Bool { position >= bytes.count }

        private mutating func field() -> Slice<UnsafeBufferPointer<UInt8>> {
            let start = position
            while position < bytes.count, bytes[position] != 0x1F, bytes[position] != UInt8(ascii: "\n") { position += 1 }
            let value = bytes[start..<position]
            if position < bytes.count, bytes[position] == 0x1F { position += 1 }
            return value
        }

        mutating func text() -> String { String(decoding: field(), as: UTF8.self) }

        /// A field's number (nil when empty); hexadecimal fields hold a Double's bits.
        mutating func number(radix: Int) -> Int? {
            let digits = field()
            guard !digits.isEmpty else { return nil }
            var value: UInt64 = 0
            for digit in digits {
                let nibble: UInt8 = digit >= UInt8(ascii: "a") ? digit - UInt8(ascii: "a") + 10 : digit &- UInt8(ascii: "0")
                value = value &* UInt64(radix) &+ UInt64(nibble)
            }
            return Int(truncatingIfNeeded: value)
        }

        mutating func skipLine() {
            while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
            position += 1
        }
    }
}
