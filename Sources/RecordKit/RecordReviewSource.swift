import Foundation
import RidealongApp

/// The player's FTO review area, read from the records behind the FTO password.
public final class RecordReviewSource: ReviewSource {
    private let store: RecordStore

    public init(_ store: RecordStore) { self.store = store }

    public func unlock(password: String) -> String? {
        let credentials = Credentials(store)
        guard credentials.isSet else { return "\(Credentials.Failure.notSet)" }
        let wait = credentials.remainingDelay()
        if wait > 0 { return "Wait \(wait) s before the next try." }
        do {
            try credentials.check(password, sleep: { _ in })
            return nil
        } catch {
            return "\(error)"
        }
    }

    public func roster() -> (lines: [String], trainees: [String]) {
        let records = TrainingRecords(store)
        let entries = (try? records.roster()) ?? []
        return (ReviewReport.roster(entries).components(separatedBy: "\n"), entries.map(\.trainee.id))
    }

    public func trainee(_ id: String) -> [String] {
        let records = TrainingRecords(store)
        guard let person = (try? records.trainees())?.first(where: { $0.0.id == id })?.0 else { return ["No trainee \(id)."] }
        let text = ReviewReport.trainee(person, attempts: (try? records.attempts(of: id)) ?? [], notes: (try? records.notes(of: id)) ?? [])
        return text.components(separatedBy: "\n")
    }
}
