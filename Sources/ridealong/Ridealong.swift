import ArgumentParser

/// The `ridealong` command: the player by default, and the authoring and records tools.
struct Ridealong: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ridealong",
        abstract: "A terminal player for police training scenarios, with authoring and review tools.",
        version: "0.1.0",
        subcommands: [PlayCommand.self, CheckCommand.self, ExploreCommand.self, PlaytestCommand.self, GraphCommand.self, TestCommand.self,
                      NewCommand.self, ReviewCommand.self, ExportCommand.self, RecordsCommand.self, FTOCommand.self],
        defaultSubcommand: PlayCommand.self
    )
}

/// Starts the player straight away for the everyday invocation; everything else goes through ArgumentParser.
@main
enum Entry {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let options = QuickStart.playOptions(from: arguments) else { return Ridealong.main(arguments) }
        do {
            try options.launch()
        } catch {
            Ridealong.exit(withError: error)
        }
    }
}
