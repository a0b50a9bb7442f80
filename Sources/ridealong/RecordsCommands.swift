import ArgumentParser
import Foundation
import RecordKit

/// Options shared by the commands that open the records store.
struct StoreOptions: ParsableArguments {
    @Option(help: "Where records are kept (default: $RIDEALONG_HOME or ~/.local/share/ridealong).", completion: .directory)
    var dataDir: String?

    func open() throws -> RecordStore {
        let directory = DataDirectory.resolve(explicit: dataDir)
        do { return try RecordStore(directory: directory) } catch { throw CommandFailure("\(error)") }
    }
}

/// `ridealong records verify`
struct RecordsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "records", abstract: "Check the training records.",
                                                    subcommands: [Verify.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify every event's hash chain and the database's integrity; names any event edited, deleted or reordered.")

        @OptionGroup var store: StoreOptions

        func run() throws {
            let report = try RecordVerifier.verify(try store.open())
            print("records: \(report.events) events in \(report.chains) chains (attempts and FTO notes); SQLite integrity: \(report.integrity)")
            for problem in report.problems { print("  ✗ \(problem)") }
            if report.isIntact {
                print("every chain is intact")
            } else {
                print("\(report.problems.count) problem(s): these records were changed outside ridealong")
                throw ExitCode(1)
            }
        }
    }
}
