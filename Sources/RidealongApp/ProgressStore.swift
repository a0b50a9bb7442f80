import ScenarioKit

/// Where the player keeps trainees' progress and records. The runtime calls it for every effect; a
/// failure keeps the effect for a retry instead of dropping it.
public protocol ProgressStore: AnyObject {
    /// The trainee who last signed in on this machine.
    func lastTrainee() -> Trainee?
    func progress(for trainee: Trainee) throws -> [ModuleReference: ModuleProgress]
    func perform(_ effect: Effect, trainee: Trainee) throws
}
