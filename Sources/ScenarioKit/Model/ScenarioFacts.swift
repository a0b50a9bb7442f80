/// What a scenario's compiled scenes and choices read and where they lead, noted by the threads that
/// compile them, so tracking and the checker's authoring checks need not walk the whole course again.
struct ScenarioFacts: Sendable {
    /// Scenes whose visit counts and choices whose counts some expression reads (an index may repeat).
    var scenesRead: [Int] = []
    var choicesRead: [Int] = []
    /// Variables some expression reads, by index.
    var readsVariable: [Bool]
    var usesRandom = false
    /// Links between scenes, by scene index: every scene's diverts and calls in order, then every
    /// choice's targets in order (the order `SceneGraph` keeps each scene's successors in).
    var contentLinks: [SceneLink] = []
    var choiceLinks: [SceneLink] = []
    /// Scenes entered as sub-scenes (`-> sub ->` or `-> sub -> then`; an index may repeat).
    var callTargets: [Int] = []
    /// Once-only choices with their scenes: their counts are kept when the scene can come round again.
    var onceOnlyChoices: [(choice: Int, scene: Int)] = []
    /// Competencies some choice scores, by index.
    var scoresCompetency: [Bool]
    /// Choices without feedback or without a rationale, in order.
    var choicesMissingText: [Int] = []

    /// A scene leading to another.
    struct SceneLink: Sendable {
        var from: Int
        var to: Int
    }

    /// Facts about nothing yet, for a module of so many variables and competencies. (Scenes and choices
    /// are listed by index rather than flagged, so each compiling thread's facts stay as small as its run.)
    init(variables: Int, competencies: Int) {
        readsVariable = Array(repeating: false, count: variables)
        scoresCompetency = Array(repeating: false, count: competencies)
    }

    /// Notes what a resolved expression reads.
    mutating func note(_ expression: Expression) {
        switch expression {
        case .variable(let index): readsVariable[index] = true
        case .sceneVisits(let index): scenesRead.append(index)
        case .choiceCount(let index): choicesRead.append(index)
        case .literal, .name: break
        case .not(let inner), .negate(let inner): note(inner)
        case .binary(_, let lhs, let rhs):
            note(lhs)
            note(rhs)
        case .random(let lhs, let rhs):
            usesRandom = true
            note(lhs)
            note(rhs)
        }
    }

    /// Notes where a compiled content line of `scene` leads.
    mutating func noteLinks(of item: ContentItem, from scene: Int) {
        switch item {
        case .divert(let target): contentLinks.append(SceneLink(from: scene, to: target))
        case .call(let target):
            contentLinks.append(SceneLink(from: scene, to: target))
            callTargets.append(target)
        case .conditional(_, let inner): noteLinks(of: inner, from: scene)
        default: break
        }
    }

    /// Notes what a compiled choice scores, where it leads and what it lacks.
    mutating func note(_ choice: Choice) {
        switch choice.target {
        case .scene(let target): choiceLinks.append(SceneLink(from: choice.sceneIndex, to: target))
        case .callThen(let sub, let then):
            choiceLinks.append(SceneLink(from: choice.sceneIndex, to: sub))
            choiceLinks.append(SceneLink(from: choice.sceneIndex, to: then))
            callTargets.append(sub)
        case .returnFromCall: break
        }
        if !choice.isSticky { onceOnlyChoices.append((choice.index, choice.sceneIndex)) }
        for change in choice.scores { scoresCompetency[change.competency] = true }
        if choice.feedback.isEmpty || choice.rationale.isEmpty { choicesMissingText.append(choice.index) }
    }

    /// Adds what another thread noted about a later run of scenes and choices.
    mutating func merge(_ later: ScenarioFacts) {
        Self.union(&readsVariable, later.readsVariable)
        Self.union(&scoresCompetency, later.scoresCompetency)
        usesRandom = usesRandom || later.usesRandom
        scenesRead += later.scenesRead
        choicesRead += later.choicesRead
        callTargets += later.callTargets
        contentLinks += later.contentLinks
        choiceLinks += later.choiceLinks
        onceOnlyChoices += later.onceOnlyChoices
        choicesMissingText += later.choicesMissingText
    }

    private static func union(_ flags: inout [Bool], _ more: [Bool]) {
        for index in more.indices where more[index] { flags[index] = true }
    }

    /// `indices` as flags over `count` slots.
    static func flags(_ indices: [Int], count: Int) -> [Bool] {
        var flags = [Bool](repeating: false, count: count)
        for index in indices { flags[index] = true }
        return flags
    }
}
