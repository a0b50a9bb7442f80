import ArgumentParser
import Foundation
import RecordKit
import RidealongApp

/// How FTO commands prove who they are: `--password-file` (owner-only) or a prompt without echo.
struct CredentialOptions: ParsableArguments {
    @Option(help: "A file holding the FTO password on its first line, readable only by you (chmod 600).", completion: .file())
    var passwordFile: String?

    func password(prompt: String) throws -> String {
        if let passwordFile {
            do { return try Credentials.readPasswordFile(passwordFile) } catch { throw CommandFailure("\(error)") }
        }
        guard isatty(0) == 1, let typed = getpass(prompt) else {
            throw CommandFailure("no terminal to ask for the FTO password: pass --password-file FILE")
        }
        return String(cString: typed)
    }

    /// Refuses unless the FTO password is right.
    func authorize(_ store: RecordStore) throws {
        let credentials = Credentials(store)
        guard credentials.isSet else { throw CommandFailure("\(Credentials.Failure.notSet)") }
        do { try credentials.check(try password(prompt: "FTO password: ")) } catch let failure as Credentials.Failure {
            throw CommandFailure("\(failure)")
        }
    }
}

/// `ridealong fto set-password`
struct FTOCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fto", abstract: "Manage the FTO credential.",
                                                    subcommands: [SetPassword.self])

    struct SetPassword: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set the FTO password (first use), or change it (give the current one with --current-password-file).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var credential: CredentialOptions

        @Option(help: "When a password is already set: a file with the current one.", completion: .file())
        var currentPasswordFile: String?

        func run() throws {
            let records = try store.open()
            let credentials = Credentials(records)
            if credentials.isSet {
                let current = try CredentialOptions(passwordFile: currentPasswordFile).password(prompt: "Current FTO password: ")
                do { try credentials.check(current) } catch { throw CommandFailure("\(error)") }
            }
            let password = try credential.password(prompt: "New FTO password: ")
            do { try credentials.set(password) } catch { throw CommandFailure("\(error)") }
            print("FTO password set; review and export now ask for it.")
        }
    }
}

extension CredentialOptions {
    init(passwordFile: String?) {
        self.init()
        self.passwordFile = passwordFile
    }
}

/// `ridealong review [TRAINEE]`
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "The FTO's review: the roster, a trainee's DOR grid and timelines, comments and sign-off.",
        discussion: "Comments and sign-offs are append-only: a correction is a new note with --corrects NOTE-ID.")

    @Argument(help: "A trainee id; without it, the roster.")
    var trainee: String?

    @Flag(help: "For instructors: how all trainees chose at each decision.")
    var analytics = false

    @Option(help: "Add a comment about the trainee.")
    var comment: String?

    @Option(help: "Sign off the trainee (with a short statement).")
    var signOff: String?

    @Option(help: "The module a comment or sign-off is about.")
    var module: String?

    @Option(help: "The id (or its first 8 characters) of the note a new note corrects.")
    var corrects: String?

    @Option(help: "Your name or FTO id for comments and sign-offs.")
    var fto = ProcessInfo.processInfo.environment["USER"] ?? "fto"

    @Option(help: "Add or update the trainee on the roster: badge number.")
    var badge: String?

    @Option(help: "Roster: unit.")
    var unit: String?

    @Option(help: "Roster: assigned FTO.")
    var assignedFTO: String?

    @Option(help: "Roster: the trainee's name (for a trainee not seen yet).")
    var name: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var credential: CredentialOptions

    func run() throws {
        let records = try store.open()
        try credential.authorize(records)
        let training = TrainingRecords(records)
        if analytics {
            print(ReviewReport.analytics(try training.choiceCounts()), terminator: "")
            return
        }
        guard let trainee else {
            print(ReviewReport.roster(try training.roster()), terminator: "")
            return
        }
        let known = try training.trainees().first { $0.0.id == trainee }?.0
        if badge != nil || unit != nil || assignedFTO != nil || name != nil {
            try training.setRoster(Trainee(id: trainee, name: name ?? known?.name ?? trainee), badge: badge, unit: unit, fto: assignedFTO)
        }
        guard let person = try training.trainees().first(where: { $0.0.id == trainee })?.0 else {
            throw CommandFailure("no trainee '\(trainee)' in the records; add one with --name NAME")
        }
        let notes = try training.notes(of: trainee)
        var corrected: String?
        if let corrects {
            guard let note = notes.first(where: { $0.statementID.hasPrefix(corrects) }) else { throw CommandFailure("no note '\(corrects)' for \(trainee)") }
            corrected = note.statementID
        }
        let reference = module.map { id -> ModuleReference in
            let course = (try? training.attempts(of: trainee))?.first { $0.module == id }?.course ?? ""
            return ModuleReference(course: course, module: id)
        }
        if let comment { try training.addNote(kind: "commented", text: comment, fto: fto, trainee: person, module: reference, corrects: corrected) }
        if let signOff { try training.addNote(kind: "signed-off", text: signOff, fto: fto, trainee: person, module: reference, corrects: corrected) }
        print(ReviewReport.trainee(person, attempts: try training.attempts(of: trainee), notes: try training.notes(of: trainee)), terminator: "")
    }
}

/// `ridealong export --format csv|json|xapi|report [TRAINEE]`
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export training records: csv, json, xapi (JSON lines) or a printable report.")

    @Option(help: "csv, json, xapi or report.")
    var format: Exporter.Format = .csv

    @Argument(help: "Only this trainee.")
    var trainee: String?

    @Option(help: "Write to this file instead of standard output.", completion: .file())
    var output: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var credential: CredentialOptions

    func run() throws {
        let records = try store.open()
        try credential.authorize(records)
        let text = try Exporter.export(TrainingRecords(records), format: format, trainee: trainee)
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw CommandFailure("cannot write \(output)")
            }
        } else {
            print(text, terminator: "")
        }
    }
}

extension Exporter.Format: ExpressibleByArgument {}
