/// A condition or a value computed from variables, visit counts and choice counts.
///
/// The parser produces `.name`; the compiler resolves each name into a variable, a scene's visit count
/// or a choice's count, so the engine never looks anything up by string.
///
/// Only the cases that hold other expressions are boxed: names, values and indices sit inline.
public enum Expression: Hashable, Sendable {
    case literal(Value)
    case name(String, SourceLocation)
    case variable(Int)
    case sceneVisits(Int)
    case choiceCount(Int)
    indirect case not(Expression)
    indirect case negate(Expression)
    indirect case binary(BinaryOperator, Expression, Expression)
    indirect case random(Expression, Expression)

    /// Every unresolved name with where it stands.
    public var names: [(String, SourceLocation)] {
        switch self {
        case .name(let name, let location): [(name, location)]
        case .literal, .variable, .sceneVisits, .choiceCount: []
        case .not(let inner), .negate(let inner): inner.names
        case .binary(_, let lhs, let rhs), .random(let lhs, let rhs): lhs.names + rhs.names
        }
    }

    /// The same expression with every name replaced by what `resolve` returns for it.
    public func resolving(_ resolve: (String, SourceLocation) -> Expression) -> Expression {
        switch self {
        case .name(let name, let location): resolve(name, location)
        case .literal, .variable, .sceneVisits, .choiceCount: self
        case .not(let inner): .not(inner.resolving(resolve))
        case .negate(let inner): .negate(inner.resolving(resolve))
        case .binary(let op, let lhs, let rhs): .binary(op, lhs.resolving(resolve), rhs.resolving(resolve))
        case .random(let lhs, let rhs): .random(lhs.resolving(resolve), rhs.resolving(resolve))
        }
    }
}

/// The two-operand operators of expressions.
public enum BinaryOperator: String, Sendable, CaseIterable {
    case or, and
    case equal = "==", notEqual = "!="
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case plus = "+", minus = "-", times = "*", divide = "/"

    var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: 3
        case .plus, .minus: 4
        case .times, .divide: 5
        }
    }
}
