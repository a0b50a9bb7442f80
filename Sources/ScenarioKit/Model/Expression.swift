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

    /// The variable indices the expression reads.
    public var variablesRead: Set<Int> {
        switch self {
        case .variable(let index): [index]
        case .literal, .name, .sceneVisits, .choiceCount: []
        case .not(let inner), .negate(let inner): inner.variablesRead
        case .binary(_, let lhs, let rhs), .random(let lhs, let rhs): lhs.variablesRead.union(rhs.variablesRead)
        }
    }

    /// The scene indices whose visit counts the expression reads.
    public var scenesRead: Set<Int> {
        switch self {
        case .sceneVisits(let index): [index]
        case .literal, .name, .variable, .choiceCount: []
        case .not(let inner), .negate(let inner): inner.scenesRead
        case .binary(_, let lhs, let rhs), .random(let lhs, let rhs): lhs.scenesRead.union(rhs.scenesRead)
        }
    }

    /// The choice indices whose counts the expression reads.
    public var choicesRead: Set<Int> {
        switch self {
        case .choiceCount(let index): [index]
        case .literal, .name, .variable, .sceneVisits: []
        case .not(let inner), .negate(let inner): inner.choicesRead
        case .binary(_, let lhs, let rhs), .random(let lhs, let rhs): lhs.choicesRead.union(rhs.choicesRead)
        }
    }

    /// Calls `scene` with each scene index whose visit count the expression reads and `choice` with each
    /// choice index whose count it reads, building no sets.
    func forEachCountRead(scene: (Int) -> Void, choice: (Int) -> Void) {
        switch self {
        case .sceneVisits(let index): scene(index)
        case .choiceCount(let index): choice(index)
        case .literal, .name, .variable: break
        case .not(let inner), .negate(let inner): inner.forEachCountRead(scene: scene, choice: choice)
        case .binary(_, let lhs, let rhs), .random(let lhs, let rhs):
            lhs.forEachCountRead(scene: scene, choice: choice)
            rhs.forEachCountRead(scene: scene, choice: choice)
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
