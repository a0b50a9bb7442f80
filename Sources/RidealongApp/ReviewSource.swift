/// What the player's FTO review area reads: a password check, the roster and each trainee's page, as
/// text. RecordKit provides it from the records; reflections are never part of it.
public protocol ReviewSource: AnyObject {
    /// nil when the password is right; else why not (not set yet, wrong and how long to wait).
    func unlock(password: String) -> String?
    func roster() -> (lines: [String], trainees: [String])
    func trainee(_ id: String) -> [String]
}
