import Foundation
import RidealongApp
import ScenarioKit

/// Builds ridealong's xAPI statements: attempt started, decision (or timeout), wellness step done (never
/// with what was written or chosen), module completed and passed/failed, FTO comment and sign-off.
public struct StatementFactory: Sendable {
    /// The agency's base IRI for activities, accounts and extensions.
    public var base: String

    public init(base: String = "https://ridealong.local") { self.base = base }

    static let verbs: [String: String] = [
        "initialized": "http://adlnet.gov/expapi/verbs/initialized",
        "answered": "http://adlnet.gov/expapi/verbs/answered",
        "experienced": "http://adlnet.gov/expapi/verbs/experienced",
        "completed": "http://adlnet.gov/expapi/verbs/completed",
        "passed": "http://adlnet.gov/expapi/verbs/passed",
        "failed": "http://adlnet.gov/expapi/verbs/failed",
        "commented": "http://adlnet.gov/expapi/verbs/commented",
        "signed-off": "https://ridealong.local/xapi/verbs/signed-off",
    ]

    func extensionKey(_ name: String) -> String { "\(base)/xapi/extensions/\(name)" }
    func moduleIRI(_ module: ModuleReference) -> String { "\(base)/xapi/activities/course/\(module.course)/module/\(module.module)" }

    private func statement(_ verb: String, actor: Trainee, object: XAPIStatement.Activity, at date: Date, registration: String?,
                           module: ModuleInfo?, result: XAPIStatement.Result? = nil, extensions: [String: JSONValue]? = nil) -> XAPIStatement {
        var context: XAPIStatement.Context?
        if let module {
            context = XAPIStatement.Context(
                registration: registration, revision: String(module.revision), platform: "ridealong", language: "en-US",
                contextActivities: XAPIStatement.ContextActivities(
                    parent: object.id == moduleIRI(module.reference) ? nil : [XAPIStatement.Activity(id: moduleIRI(module.reference))],
                    grouping: [XAPIStatement.Activity(id: "\(base)/xapi/activities/course/\(module.reference.course)")]),
                extensions: (extensions ?? [:]).merging([extensionKey("content-hash"): .string(module.contentHash)]) { first, _ in first })
        }
        return XAPIStatement(id: UUID().uuidString.lowercased(), timestamp: ISO8601DateFormatter.withFractions.string(from: date),
                             actor: XAPIStatement.Agent(name: actor.name, account: XAPIStatement.Account(homePage: base, name: actor.id)),
                             verb: XAPIStatement.Verb(id: Self.verbs[verb]!, display: ["en-US": verb]), object: object, result: result,
                             context: context)
    }

    public func started(_ module: ModuleInfo, trainee: Trainee, registration: String, practice: Bool, at date: Date) -> XAPIStatement {
        statement("initialized", actor: trainee,
                  object: XAPIStatement.Activity(id: moduleIRI(module.reference), definition: XAPIStatement.Definition(
                      type: "http://adlnet.gov/expapi/activities/module", name: ["en-US": module.title])),
                  at: date, registration: registration, module: module, extensions: [extensionKey("practice"): .bool(practice)])
    }

    public func decision(_ record: DecisionRecord, seconds: Double, module: ModuleInfo, trainee: Trainee, registration: String,
                         at date: Date) -> XAPIStatement {
        let object = XAPIStatement.Activity(
            id: "\(moduleIRI(module.reference))/scene/\(record.sceneID)",
            definition: XAPIStatement.Definition(
                type: "http://adlnet.gov/expapi/activities/cmi.interaction", name: ["en-US": "\(module.title): decision in \(record.sceneID)"],
                interactionType: "choice", correctResponsesPattern: record.idealIDs.isEmpty ? nil : [record.idealIDs.joined(separator: "[,]")],
                choices: record.offeredIDs.map { XAPIStatement.InteractionComponent(id: $0, description: ["en-US": $0]) }))
        var deltas: [String: JSONValue] = [:]
        for change in record.scoreChanges { deltas[change.competency] = .number(Double(change.points)) }
        let result = XAPIStatement.Result(
            response: record.choiceID, success: record.idealIDs.isEmpty ? nil : record.wasIdeal, duration: XAPIStatement.duration(seconds),
            extensions: [
                extensionKey("competency-deltas"): .object(deltas),
                extensionKey("timed-out"): .bool(record.timedOut),
                extensionKey("decision-number"): .number(Double(record.decisionNumber)),
                extensionKey("choice-text"): .string(record.choiceText),
                extensionKey("rationale"): .string(record.rationale),
                extensionKey("critical-errors"): .array(record.criticalErrors.map { .string("\($0.competency): \($0.description)") }),
            ])
        return statement("answered", actor: trainee, object: object, at: date, registration: registration, module: module, result: result)
    }

    /// A wellness step: only that it was done, how, and how long it took.
    public func wellness(step: String, kind: String, seconds: Double, module: ModuleInfo, trainee: Trainee, registration: String,
                         at date: Date) -> XAPIStatement {
        statement("experienced", actor: trainee,
                  object: XAPIStatement.Activity(id: "\(moduleIRI(module.reference))/wellness/\(step)",
                                                 definition: XAPIStatement.Definition(name: ["en-US": kind])),
                  at: date, registration: registration, module: module,
                  result: XAPIStatement.Result(completion: !kind.hasSuffix("skipped"), duration: XAPIStatement.duration(seconds)))
    }

    public func completion(_ attempt: CompletedAttempt, seconds: Double, module: ModuleInfo, trainee: Trainee, registration: String,
                           at date: Date) -> [XAPIStatement] {
        var scores: [String: JSONValue] = [:]
        for competency in attempt.competencies { scores[competency.id] = competency.score.map { .number($0) } ?? .null }
        let object = XAPIStatement.Activity(id: moduleIRI(module.reference), definition: XAPIStatement.Definition(
            type: "http://adlnet.gov/expapi/activities/module", name: ["en-US": module.title]))
        let score = attempt.overall.map { XAPIStatement.Score(scaled: min(1, max(-1, $0)), raw: ($0 * 100).rounded(), min: 0, max: 100) }
        let completed = statement("completed", actor: trainee, object: object, at: date, registration: registration, module: module,
                                  result: XAPIStatement.Result(success: attempt.passed, completion: true, score: score,
                                                               duration: XAPIStatement.duration(seconds), extensions: [
                                                                   extensionKey("competency-scores"): .object(scores),
                                                                   extensionKey("ending"): .string(attempt.outcome),
                                                                   extensionKey("critical-errors"): .array(attempt.criticalErrors.map { .string($0) }),
                                                                   extensionKey("attempt-result"): Self.jsonValue(attempt),
                                                               ]))
        let verdict = statement(attempt.passed ? "passed" : "failed", actor: trainee, object: object, at: date, registration: registration,
                                module: module, result: XAPIStatement.Result(success: attempt.passed, score: score,
                                                                             duration: XAPIStatement.duration(seconds)))
        return [completed, verdict]
    }

    /// Any encodable value as a JSON extension value.
    static func jsonValue<Value: Encodable>(_ value: Value) -> JSONValue {
        guard let data = try? JSONEncoder().encode(value), let json = try? JSONDecoder().decode(JSONValue.self, from: data) else { return .null }
        return json
    }

    /// An FTO's comment or sign-off about a trainee (and optionally a module).
    public func note(_ kind: String, text: String, fto: String, trainee: Trainee, module: ModuleReference?, corrects: String?,
                     at date: Date) -> XAPIStatement {
        let object = XAPIStatement.Activity(id: module.map(moduleIRI) ?? "\(base)/xapi/activities/trainee/\(trainee.id)",
                                            definition: XAPIStatement.Definition(name: ["en-US": "\(trainee.name) (\(trainee.id))"]))
        var extensions: [String: JSONValue] = [extensionKey("trainee"): .string(trainee.id)]
        if let corrects { extensions[extensionKey("corrects")] = .string(corrects) }
        return statement(kind, actor: Trainee(id: fto, name: fto), object: object, at: date, registration: nil, module: nil,
                         result: XAPIStatement.Result(response: text, extensions: extensions))
    }
}

extension ISO8601DateFormatter {
    /// "2026-11-25T08:13:01.123Z"
    nonisolated(unsafe) static let withFractions: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()
}
