import ScenarioKit

/// What is stored after every decision: the replayable path, how long each decision took, and
/// whether the attempt is practice (not graded).
public struct SavedProgressRecord: Sendable, Equatable, Codable {
    public var progress: SavedProgress
    public var secondsToDecide: [Double]
    public var isPractice: Bool

    public init(progress: SavedProgress, secondsToDecide: [Double], isPractice: Bool) {
        self.progress = progress
        self.secondsToDecide = secondsToDecide
        self.isPractice = isPractice
    }
}
