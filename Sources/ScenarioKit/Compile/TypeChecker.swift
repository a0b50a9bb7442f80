/// Works out the type of an expression (names looked up as variables, or scene and choice counts) and
/// reports each mismatch at the operand that causes it.
struct TypeChecker {
    let nameType: @Sendable (String) -> ValueType?

    /// The expression's type, or nil after reporting why it has none.
    func type(of expression: Expression, at location: SourceLocation, diagnostics: inout [Diagnostic]) -> ValueType? {
        switch expression {
        case .literal(let value): return value.type
        case .name(let name, _): return nameType(name)
        case .variable, .sceneVisits, .choiceCount: return .int
        case .not(let inner):
            guard let type = type(of: inner, at: location, diagnostics: &diagnostics) else { return nil }
            return expect(inner, type, [.bool, .int], "`not`", at: location, diagnostics: &diagnostics) ? .bool : nil
        case .negate(let inner):
            guard let type = type(of: inner, at: location, diagnostics: &diagnostics) else { return nil }
            return expect(inner, type, [.int], "`-`", at: location, diagnostics: &diagnostics) ? .int : nil
        case .random(let low, let high):
            guard let lowType = type(of: low, at: location, diagnostics: &diagnostics),
                  let highType = type(of: high, at: location, diagnostics: &diagnostics) else { return nil }
            let ok = expect(low, lowType, [.int], "`random`", at: location, diagnostics: &diagnostics)
                && expect(high, highType, [.int], "`random`", at: location, diagnostics: &diagnostics)
            return ok ? .int : nil
        case .binary(let op, let lhs, let rhs):
            guard let left = type(of: lhs, at: location, diagnostics: &diagnostics),
                  let right = type(of: rhs, at: location, diagnostics: &diagnostics) else { return nil }
            let what = "`\(op.rawValue)`"
            switch op {
            case .and, .or:
                let ok = expect(lhs, left, [.bool, .int], what, at: location, diagnostics: &diagnostics)
                    && expect(rhs, right, [.bool, .int], what, at: location, diagnostics: &diagnostics)
                return ok ? .bool : nil
            case .equal, .notEqual:
                guard left == right else {
                    diagnostics.append(Diagnostic(.typeMismatch, "cannot compare \(left.spelled) with \(right.spelled)",
                                                  at: Self.location(of: rhs) ?? Self.location(of: lhs) ?? location,
                                                  hint: "compare values of the same kind"))
                    return nil
                }
                return .bool
            case .less, .lessOrEqual, .greater, .greaterOrEqual:
                let ok = expect(lhs, left, [.int], what, at: location, diagnostics: &diagnostics)
                    && expect(rhs, right, [.int], what, at: location, diagnostics: &diagnostics)
                return ok ? .bool : nil
            case .plus where left == .string && right == .string:
                return .string
            case .plus, .minus, .times, .divide:
                let ok = expect(lhs, left, [.int], what, at: location, diagnostics: &diagnostics)
                    && expect(rhs, right, [.int], what, at: location, diagnostics: &diagnostics)
                return ok ? .int : nil
            }
        }
    }

    /// Where an expression was written, when it contains a name (literals carry no position).
    static func location(of expression: Expression) -> SourceLocation? {
        expression.names.first?.1
    }

    private func expect(_ operand: Expression, _ type: ValueType, _ allowed: [ValueType], _ what: String, at location: SourceLocation,
                        diagnostics: inout [Diagnostic]) -> Bool {
        guard allowed.contains(type) else {
            let name = operand.names.first
            diagnostics.append(Diagnostic(.typeMismatch, "\(what) needs \(allowed.map(\.spelled).joined(separator: " or ")), not \(type.spelled)",
                                          at: name?.1 ?? location, length: name?.0.count ?? 1,
                                          hint: "check the variable's starting value: it fixes its type"))
            return false
        }
        return true
    }
}
