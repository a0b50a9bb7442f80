/// A course: its competency catalogue, rating rules and modules in play order.
public struct Course: Sendable {
    public var id: String
    public var title: String
    public var description: String
    public var folder: String
    public var rules: RatingRules
    public var competencies: [Competency]
    public var modules: [CourseModule]

    public init(id: String, title: String, description: String, folder: String, rules: RatingRules, competencies: [Competency],
                modules: [CourseModule]) {
        self.id = id
        self.title = title
        self.description = description
        self.folder = folder
        self.rules = rules
        self.competencies = competencies
        self.modules = modules
    }

    /// The module with this id, if the course has it.
    public func module(_ id: String) -> CourseModule? { modules.first { $0.id == id } }
}

/// A module's place in a course: its file, prerequisites and, when it compiled, its scenario.
public struct CourseModule: Sendable {
    public var id: String
    public var file: String
    public var prerequisites: [String]
    public var scenario: Scenario?
    /// The module's title, known from its header even before the module is compiled.
    public var title: String

    public init(id: String, file: String, prerequisites: [String], scenario: Scenario?, title: String? = nil) {
        self.id = id
        self.file = file
        self.prerequisites = prerequisites
        self.scenario = scenario
        self.title = title ?? scenario?.title ?? id
    }
}
