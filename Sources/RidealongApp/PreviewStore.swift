import ScenarioKit

/// Keeps nothing: instructors previewing a script with `play --watch` write no training records.
public final class PreviewStore: ProgressStore {
    public init() {}
    public func lastTrainee() -> Trainee? { nil }
    public func progress(for trainee: Trainee) throws -> [ModuleReference: ModuleProgress] { [:] }
    public func perform(_ effect: Effect, trainee: Trainee) throws {}
}
