/// A variable's value: the three kinds the script language has.
public enum Value: Hashable, Sendable, CustomStringConvertible {
    case bool(Bool)
    case int(Int)
    case string(String)

    public var type: ValueType {
        switch self {
        case .bool: .bool
        case .int: .int
        case .string: .string
        }
    }

    /// The text interpolation shows for the value.
    public var description: String {
        switch self {
        case .bool(let value): String(value)
        case .int(let value): String(value)
        case .string(let value): value
        }
    }

    /// Truth in a condition: booleans as they are, numbers when not zero, strings when not empty.
    public var isTruthy: Bool {
        switch self {
        case .bool(let value): value
        case .int(let value): value != 0
        case .string(let value): !value.isEmpty
        }
    }
}

/// The type of a value or expression.
public enum ValueType: String, Sendable {
    case bool, int, string

    public var spelled: String {
        switch self {
        case .bool: "true/false"
        case .int: "a whole number"
        case .string: "a string"
        }
    }
}
