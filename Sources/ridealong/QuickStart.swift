import CursesTerminal

/// Reads the everyday invocation — `ridealong`, or `ridealong play [COURSE[/MODULE]]` with the player's
/// options — without ArgumentParser, whose reflection over every command costs a third of the player's
/// start-up. Anything else (help, other commands, a value that looks like an option, a mistake) returns
/// nil and goes to ArgumentParser, which owns every message; both readings build the same `PlayOptions`.
enum QuickStart {
    static func playOptions(from arguments: [String]) -> PlayOptions? {
        var rest = arguments[...]
        let explicitPlay = rest.first == "play"
        if explicitPlay { rest = rest.dropFirst() }
        var options = PlayOptions()
        while let argument = rest.popFirst() {
            guard argument.hasPrefix("--") else {
                guard explicitPlay, options.module == nil, !argument.hasPrefix("-") else { return nil }
                options.module = argument
                continue
            }
            let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            let inline = parts.count == 2 ? String(parts[1]) : nil
            if name == "--plain" || name == "--no-timers" {
                guard inline == nil else { return nil }
                if name == "--plain" { options.plain = true } else { options.noTimers = true }
                continue
            }
            guard let value = inline ?? rest.popFirst(), !value.isEmpty, !value.hasPrefix("-") else { return nil }
            switch name {
            case "--courses": options.courses = value
            case "--data-dir": options.dataDir = value
            case "--trainee": options.trainee = value
            case "--name": options.name = value
            case "--watch": options.watch = value
            case "--first-frame-log": options.firstFrameLog = value
            case "--theme":
                guard let theme = CursesTerminal.Theme(rawValue: value) else { return nil }
                options.theme = theme
            default: return nil
            }
        }
        return options
    }
}
