/// Works out the type of a resolved expression and reports mismatches.
struct TypeChecker {
    let variableTypes: [ValueType]

    /// The expression's type, or nil after reporting why it has none.
    func type(of expression: Expression, at location: SourceLocation, diagnostics: inout [Diagnostic]) -> ValueType? {
        switch expression {
        case .literal(let value): return value.type
        case .variable(let index): return variableTypes[index]
        case .sceneVisits, .choiceCount: return .int
        case .name: return nil
        case .not(let inner):
            guard let type = type(of: inner, at: location, diagnostics: &diagnostics) else { return nil }
            return expect(type, [.bool, .int], "`not`", at: location, diagnostics: &diagnostics) ? .bool : nil
        case .negate(let inner):
            guard let type = type(of: inner, at: location, diagnostics: &diagnostics) else { return nil }
            return expect(type, [.int], "`-`", at: location, diagnostics: &diagnostics) ? .int : nil
        case .random(let low, let high):
            let types = [type(of: low, at: location, diagnostics: &diagnostics), type(of: high, at: location, diagnostics: &diagnostics)]
            guard types.allSatisfy({ $0 != nil }) else { return nil }
            return types.allSatisfy({ expect($0!, [.int], "`random`", at: location, diagnostics: &diagnostics) }) ? .int : nil
        case .binary(let op, let lhs, let rhs):
            guard let left = type(of: lhs, at: location, diagnostics: &diagnostics),
                  let right = type(of: rhs, at: location, diagnostics: &diagnostics) else { return nil }
            switch op {
            case .and, .or:
                let ok = expect(left, [.bool, .int], "`\(op.rawValue)`", at: location, diagnostics: &diagnostics)
                    && expect(right, [.bool, .int], "`\(op.rawValue)`", at: location, diagnostics: &diagnostics)
                return ok ? .bool : nil
            case .equal, .notEqual:
                guard left == right else {
                    diagnostics.append(Diagnostic(.typeMismatch, "cannot compare \(left.spelled) with \(right.spelled)", at: location,
                                                  hint: "compare values of the same kind"))
                    return nil
                }
                return .bool
            case .less, .lessOrEqual, .greater, .greaterOrEqual:
                let ok = expect(left, [.int], "`\(op.rawValue)`", at: location, diagnostics: &diagnostics)
                    && expect(right, [.int], "`\(op.rawValue)`", at: location, diagnostics: &diagnostics)
                return ok ? .bool : nil
            case .plus where left == .string && right == .string:
                return .string
            case .plus, .minus, .times, .divide:
                let ok = expect(left, [.int], "`\(op.rawValue)`", at: location, diagnostics: &diagnostics)
                    && expect(right, [.int], "`\(op.rawValue)`", at: location, diagnostics: &diagnostics)
                return ok ? .int : nil
            }
        }
    }

    private func expect(_ type: ValueType, _ allowed: [ValueType], _ what: String, at location: SourceLocation,
                        diagnostics: inout [Diagnostic]) -> Bool {
        guard allowed.contains(type) else {
            diagnostics.append(Diagnostic(.typeMismatch, "\(what) needs \(allowed.map(\.spelled).joined(separator: " or ")), not \(type.spelled)",
                                          at: location, hint: "check the variable's starting value: it fixes its type"))
            return false
        }
        return true
    }
}
