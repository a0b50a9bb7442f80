/// A course: its competency catalogue, rating rules and modules in play order.
public struct Course: Sendable {
    public var id: String
    public var title: String
    public var description: String
    public var folder: String
    public var rules: RatingRules
    public var competencies: [Competency]
    public var modules: [CourseModule]

    /// The module with this id, if the course has it.
    public func module(_ id: String) -> CourseModule? { modules.first { $0.id == id } }
}

/// A module's place in a course: its file, prerequisites and, when it compiled, its scenario.
public struct CourseModule: Sendable {
    public var id: String
    public var file: String
    public var prerequisites: [String]
    public var scenario: Scenario?
}
