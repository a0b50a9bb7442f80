import ScenarioKit

/// The courses the player offers, loaded once at start, with any problems found while loading.
public struct Catalog: Sendable {
    public var courses: [Course]
    public var diagnostics: [Diagnostic]
    /// True while modules are listed from their headers and not compiled yet.
    public var isHeadersOnly = false

    public init(courses: [Course], diagnostics: [Diagnostic] = []) {
        self.courses = courses
        self.diagnostics = diagnostics
    }

    /// Loads every course folder under `root` (or `root` itself when it is a course). With `headersOnly`,
    /// modules are listed by title without being compiled, for the first screen.
    public static func load(from root: String, headersOnly: Bool = false) -> Catalog {
        let loader = ScriptLoader()
        var folders: [String] = []
        if FileSystem.exists(FileSystem.join(root, "course.ride")) {
            folders = [root]
        } else {
            folders = FileSystem.list(root).map { FileSystem.join(root, $0) }.filter { FileSystem.exists(FileSystem.join($0, "course.ride")) }
        }
        var catalog = Catalog(courses: [])
        catalog.isHeadersOnly = headersOnly
        for result in loader.loadCourses(at: folders, headersOnly: headersOnly) {
            catalog.diagnostics += result.diagnostics.filter { $0.severity == .error }
            if let course = result.course { catalog.courses.append(course) }
        }
        catalog.courses.sort { order($0.id) < order($1.id) }
        return catalog
    }

    /// Orientation first, then the rest alphabetically.
    private static func order(_ id: String) -> String { id == "orientation" ? "" : id }

    /// Puts a newly compiled scenario in place of a module's (play-as-you-write).
    public mutating func replace(_ reference: ModuleReference, with scenario: Scenario) {
        guard let course = courses.firstIndex(where: { $0.id == reference.course }),
              let module = courses[course].modules.firstIndex(where: { $0.id == reference.module }) else { return }
        courses[course].modules[module].scenario = scenario
    }


    /// A module by "course/module" reference.
    public func module(_ reference: ModuleReference) -> (Course, CourseModule)? {
        guard let course = courses.first(where: { $0.id == reference.course }), let module = course.module(reference.module) else { return nil }
        return (course, module)
    }
}

/// Names one module of one course: "safer-together/noise-complaint".
public struct ModuleReference: Hashable, Sendable, Codable, CustomStringConvertible {
    public var course: String
    public var module: String

    public init(course: String, module: String) {
        self.course = course
        self.module = module
    }

    public var description: String { "\(course)/\(module)" }
}
