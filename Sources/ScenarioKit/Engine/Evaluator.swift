/// Computes expression values against an engine state. `random()` draws from the seed, so a replay
/// gives the same numbers.
enum Evaluator {
    static func value(of expression: Expression, in state: inout EngineState, seed: UInt64, scenario: Scenario) -> Value {
        switch expression {
        case .literal(let value): return value
        case .variable(let index): return state.values[index]
        case .sceneVisits(let index):
            let slot = scenario.tracking.sceneSlot[index]
            return .int(slot >= 0 ? state.visits[slot] : 0)
        case .choiceCount(let index):
            let slot = scenario.tracking.choiceSlot[index]
            return .int(slot >= 0 ? state.chosen[slot] : 0)
        case .name: return .bool(false)
        case .not(let inner): return .bool(!value(of: inner, in: &state, seed: seed, scenario: scenario).isTruthy)
        case .negate(let inner): return .int(0 &- integer(value(of: inner, in: &state, seed: seed, scenario: scenario)))
        case .random(let lowExpression, let highExpression):
            let low = integer(value(of: lowExpression, in: &state, seed: seed, scenario: scenario))
            let high = integer(value(of: highExpression, in: &state, seed: seed, scenario: scenario))
            guard high > low else { return .int(low) }
            var generator = SplitMix64(seed: seed &+ UInt64(state.draws) &* 0x9E37_79B9_7F4A_7C15)
            state.draws += 1
            let span = UInt64(bitPattern: Int64(high) &- Int64(low)) &+ 1
            let offset = span == 0 ? generator.next() : generator.next() % span
            return .int(low &+ Int(truncatingIfNeeded: offset))
        case .binary(let op, let lhsExpression, let rhsExpression):
            let lhs = value(of: lhsExpression, in: &state, seed: seed, scenario: scenario)
            if op == .and, !lhs.isTruthy { return .bool(false) }
            if op == .or, lhs.isTruthy { return .bool(true) }
            let rhs = value(of: rhsExpression, in: &state, seed: seed, scenario: scenario)
            switch op {
            case .and, .or: return .bool(rhs.isTruthy)
            case .equal: return .bool(lhs == rhs)
            case .notEqual: return .bool(lhs != rhs)
            case .less: return .bool(integer(lhs) < integer(rhs))
            case .lessOrEqual: return .bool(integer(lhs) <= integer(rhs))
            case .greater: return .bool(integer(lhs) > integer(rhs))
            case .greaterOrEqual: return .bool(integer(lhs) >= integer(rhs))
            case .plus:
                if case .string(let a) = lhs, case .string(let b) = rhs { return .string(a + b) }
                return .int(integer(lhs) &+ integer(rhs))
            case .minus: return .int(integer(lhs) &- integer(rhs))
            case .times: return .int(integer(lhs) &* integer(rhs))
            case .divide:
                let divisor = integer(rhs)
                guard divisor != 0 else { return .int(0) }
                return .int(integer(lhs).dividedReportingOverflow(by: divisor).partialValue)
            }
        }
    }

    private static func integer(_ value: Value) -> Int {
        switch value {
        case .int(let n): n
        case .bool(let b): b ? 1 : 0
        case .string: 0
        }
    }

    /// The text with every interpolation replaced by its value.
    static func render(_ parts: [TextPart], in state: inout EngineState, seed: UInt64, scenario: Scenario) -> String {
        var text = ""
        for part in parts {
            switch part {
            case .literal(let literal): text += literal
            case .interpolation(let expression): text += value(of: expression, in: &state, seed: seed, scenario: scenario).description
            }
        }
        return text
    }
}

/// A small, fast, seedable random number generator (SplitMix64).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
