import Foundation

/// An xAPI 1.0.3 statement, as much of the model as ridealong writes. Encoded with sorted keys, the
/// JSON is canonical, which is what the hash chain signs.
public struct XAPIStatement: Codable, Sendable, Equatable {
    public var id: String
    public var timestamp: String
    public var actor: Agent
    public var verb: Verb
    public var object: Activity
    public var result: Result?
    public var context: Context?
    public var version = "1.0.3"

    /// The person the statement is about (or the FTO who commented).
    public struct Agent: Codable, Sendable, Equatable {
        public var objectType = "Agent"
        public var name: String?
        public var account: Account
    }

    /// An account on the agency's system.
    public struct Account: Codable, Sendable, Equatable {
        public var homePage: String
        public var name: String
    }

    /// What happened.
    public struct Verb: Codable, Sendable, Equatable {
        public var id: String
        public var display: [String: String]
    }

    /// The module, decision, wellness step or trainee the statement is about.
    public struct Activity: Codable, Sendable, Equatable {
        public var objectType = "Activity"
        public var id: String
        public var definition: Definition?
    }

    /// Describes an activity; for decisions, the choices offered and the ideal ones.
    public struct Definition: Codable, Sendable, Equatable {
        public var type: String?
        public var name: [String: String]?
        public var interactionType: String?
        public var correctResponsesPattern: [String]?
        public var choices: [InteractionComponent]?
    }

    /// One choice of a decision.
    public struct InteractionComponent: Codable, Sendable, Equatable {
        public var id: String
        public var description: [String: String]
    }

    /// The outcome: response, success, score, duration and ridealong's extensions.
    public struct Result: Codable, Sendable, Equatable {
        public var response: String?
        public var success: Bool?
        public var completion: Bool?
        public var score: Score?
        public var duration: String?
        public var extensions: [String: JSONValue]?
    }

    /// A score: scaled in [-1, 1], raw within min and max.
    public struct Score: Codable, Sendable, Equatable {
        public var scaled: Double?
        public var raw: Double?
        public var min: Double?
        public var max: Double?
    }

    /// The attempt (registration), module revision and the activities around this one.
    public struct Context: Codable, Sendable, Equatable {
        public var registration: String?
        public var revision: String?
        public var platform: String?
        public var language: String?
        public var contextActivities: ContextActivities?
        public var extensions: [String: JSONValue]?
    }

    /// Parent (module) and grouping (course) activities.
    public struct ContextActivities: Codable, Sendable, Equatable {
        public var parent: [Activity]?
        public var grouping: [Activity]?
    }
}

/// A JSON value for xAPI extensions.
public enum JSONValue: Codable, Sendable, Equatable {
    case string(String), number(Double), bool(Bool), array([JSONValue]), object([String: JSONValue]), null

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }
}

extension XAPIStatement {
    /// ISO 8601 duration ("PT12.40S", "PT3M5.00S") for seconds.
    public static func duration(_ seconds: Double) -> String {
        let total = max(0, seconds)
        let hours = Int(total / 3600), minutes = Int(total.truncatingRemainder(dividingBy: 3600) / 60)
        let rest = total - Double(hours * 3600 + minutes * 60)
        return "PT" + (hours > 0 ? "\(hours)H" : "") + (minutes > 0 ? "\(minutes)M" : "") + String(format: "%.2fS", rest)
    }

    /// The canonical JSON of the statement (sorted keys), as hashed and exported.
    public func canonicalJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
