/// Parses the expression language of conditions and `~` lines (precedence climbing, no recursion limit
/// surprises: nesting deeper than 64 levels is reported, not followed).
struct ExpressionParser {
    private enum Token: Equatable {
        case number(Int), string(String), word(String), symbol(String), end
    }

    /// The expression's UTF-8 bytes, borrowed for the duration of `parse`.
    private let text: UnsafeBufferPointer<UInt8>
    private let origin: SourceLocation
    private var position = 0
    private var token: Token = .end
    private var tokenStart = 0
    private var depth = 0

    private init(_ text: UnsafeBufferPointer<UInt8>, at origin: SourceLocation) {
        self.text = text
        self.origin = origin
    }

    /// Parses the whole text as one expression.
    static func parse(_ text: Substring, at origin: SourceLocation) -> Result<Expression, Diagnostic> {
        text.withUTF8Bytes { parse($0, at: origin) }
    }

    private static func parse(_ text: UnsafeBufferPointer<UInt8>, at origin: SourceLocation) -> Result<Expression, Diagnostic> {
        var parser = ExpressionParser(text, at: origin)
        do {
            try parser.advance()
            if parser.token == .end {
                throw parser.failure("expected a condition or value here", hint: "write for example `warned` or `patience > 0`")
            }
            let expression = try parser.parseBinary(minimumPrecedence: 1)
            guard parser.token == .end else {
                throw parser.failure("unexpected \(parser.describe(parser.token)) after the expression",
                                     hint: "join conditions with `and` / `or`")
            }
            return .success(expression)
        } catch let diagnostic as Diagnostic {
            return .failure(diagnostic)
        } catch {
            return .failure(parser.failure("could not read the expression"))
        }
    }

    /// The location of a byte offset, counted in characters as columns are.
    private func location(_ offset: Int) -> SourceLocation {
        let prefix = UnsafeBufferPointer(rebasing: text[0..<min(offset, text.count)])
        let characters = prefix.allSatisfy { $0 < 0x80 } ? prefix.count : String(decoding: prefix, as: UTF8.self).count
        return SourceLocation(fileID: origin.fileID, line: origin.line, column: origin.column + characters)
    }

    private func failure(_ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.badExpression, message, at: location(tokenStart), length: max(1, position - tokenStart), hint: hint)
    }

    private func describe(_ token: Token) -> String {
        switch token {
        case .number(let n): "number \(n)"
        case .string(let s): "string \"\(s)\""
        case .word(let w): "'\(w)'"
        case .symbol(let s): "'\(s)'"
        case .end: "end of line"
        }
    }

    private mutating func advance() throws {
        while position < text.count, text[position] == 0x20 || text[position] == 0x09 { position += 1 }
        tokenStart = position
        guard position < text.count else { token = .end; return }
        let c = text[position]
        if Identifier.isDigit(c) {
            var value = 0
            while position < text.count, Identifier.isDigit(text[position]) {
                let (product, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = product.addingReportingOverflow(Int(text[position] - 0x30))
                if overflow1 || overflow2 { throw failure("number too large") }
                value = sum
                position += 1
            }
            token = .number(value)
        } else if Identifier.isLetter(c) || c == 0x5F {
            while position < text.count, Identifier.isLetter(text[position]) || Identifier.isDigit(text[position]) || text[position] == 0x5F {
                position += 1
            }
            token = .word(String(decoding: text[tokenStart..<position], as: UTF8.self))
        } else if c == 0x22 {
            position += 1
            while position < text.count, text[position] != 0x22 { position += 1 }
            guard position < text.count else {
                throw failure("this string has no closing quote", hint: "end the string with \"")
            }
            position += 1
            token = .string(String(decoding: text[(tokenStart + 1)..<(position - 1)], as: UTF8.self))
        } else {
            let second = position + 1 < text.count ? text[position + 1] : 0
            if second == 0x3D, c == 0x3D || c == 0x21 || c == 0x3C || c == 0x3E {
                token = .symbol(String(decoding: UnsafeBufferPointer(rebasing: text[position..<(position + 2)]), as: UTF8.self)); position += 2
            } else if "<>+-*/(),".utf8.contains(c) {
                position += 1; token = .symbol(String(UnicodeScalar(c)))
            } else if c == 0x3D {
                position += 1
                throw failure("'=' sets a value; to compare, write '=='", hint: "use `==` in conditions")
            } else {
                var end = position + 1
                while end < text.count, text[end] & 0xC0 == 0x80 { end += 1 }
                let shown = String(decoding: text[position..<end], as: UTF8.self)
                position = end
                throw failure("unexpected character '\(shown)' in an expression")
            }
        }
    }

    private func binaryOperator(_ token: Token) -> BinaryOperator? {
        switch token {
        case .word("and"): .and
        case .word("or"): .or
        case .symbol(let s): BinaryOperator(rawValue: s)
        default: nil
        }
    }

    private mutating func parseBinary(minimumPrecedence: Int) throws -> Expression {
        var lhs = try parseUnary()
        while let op = binaryOperator(token), op.precedence >= minimumPrecedence {
            try advance()
            let rhs = try parseBinary(minimumPrecedence: op.precedence + 1)
            lhs = .binary(op, lhs, rhs)
        }
        return lhs
    }

    private mutating func nest() throws {
        depth += 1
        if depth > 64 { throw failure("expression nested too deeply", hint: "split it over several `~` lines") }
    }

    private mutating func parseUnary() throws -> Expression {
        try nest()
        defer { depth -= 1 }
        if token == .word("not") {
            try advance()
            return .not(try parseUnary())
        }
        if token == .symbol("-") {
            try advance()
            return .negate(try parseUnary())
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws -> Expression {
        switch token {
        case .number(let n):
            try advance(); return .literal(.int(n))
        case .string(let s):
            try advance(); return .literal(.string(s))
        case .word("true"):
            try advance(); return .literal(.bool(true))
        case .word("false"):
            try advance(); return .literal(.bool(false))
        case .word("random"):
            try advance()
            try expect("(")
            let low = try parseBinary(minimumPrecedence: 1)
            try expect(",")
            let high = try parseBinary(minimumPrecedence: 1)
            try expect(")")
            return .random(low, high)
        case .word(let word) where word == "and" || word == "or":
            throw failure("'\(word)' needs a condition on its left")
        case .word(let word):
            let at = location(tokenStart)
            try advance()
            return .name(word, at)
        case .symbol("("):
            try advance()
            let inner = try parseBinary(minimumPrecedence: 1)
            try expect(")")
            return inner
        default:
            throw failure("expected a value, a name or '(' but found \(describe(token))")
        }
    }

    private mutating func expect(_ symbol: String) throws {
        guard token == .symbol(symbol) else {
            throw failure("expected '\(symbol)' but found \(describe(token))")
        }
        try advance()
    }
}
