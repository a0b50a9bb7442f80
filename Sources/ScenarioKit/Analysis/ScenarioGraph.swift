/// `ridealong graph`: the scenario as scenes, choices and endings, with the ideal path highlighted, as
/// Graphviz DOT, Mermaid or indented text.
public enum ScenarioGraph {
    /// An arrow between scenes.
    struct Arrow {
        var from: Int
        var to: Int
        var label: String
        var isIdeal: Bool
        var style: Style
        enum Style { case choice, divert, call }
    }

    static func arrows(_ scenario: Scenario) -> [Arrow] {
        var arrows: [Arrow] = []
        func content(_ item: ContentItem, in scene: Int) {
            switch item {
            case .divert(let target): arrows.append(Arrow(from: scene, to: target, label: "", isIdeal: false, style: .divert))
            case .call(let target): arrows.append(Arrow(from: scene, to: target, label: "call", isIdeal: false, style: .call))
            case .conditional(_, let inner): content(inner, in: scene)
            default: break
            }
        }
        for scene in scenario.scenes {
            scene.content.forEach { content($0, in: scene.index) }
            for choice in scenario.choices(of: scene) {
                let label = choice.id + (choice.isTimeoutFallback ? " (timeout)" : "") + (choice.criticalErrors.isEmpty ? "" : " ⚠")
                switch choice.target {
                case .scene(let target): arrows.append(Arrow(from: scene.index, to: target, label: label, isIdeal: choice.isIdeal, style: .choice))
                case .callThen(let sub, let then):
                    arrows.append(Arrow(from: scene.index, to: sub, label: label + " (call)", isIdeal: choice.isIdeal, style: .call))
                    arrows.append(Arrow(from: scene.index, to: then, label: label, isIdeal: choice.isIdeal, style: .choice))
                case .returnFromCall: break
                }
            }
        }
        return arrows
    }

    public static func dot(_ scenario: Scenario) -> String {
        var out = "digraph \"\(scenario.id)\" {\n  rankdir=TB;\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=10];\n"
        for scene in scenario.scenes {
            if let ending = scene.ending {
                out += "  \(quote(scene.id)) [shape=ellipse, style=filled, fillcolor=\"\(colour(ending.outcome))\", label=\(quote("\(scene.id)\\n\(ending.outcome.rawValue)"))];\n"
            } else {
                let timer = scene.timerSeconds.map { "\\n⏱ \($0)s" } ?? ""
                out += "  \(quote(scene.id)) [label=\(quote(scene.id + timer))\(scene.index == scenario.start ? ", penwidth=2" : "")];\n"
            }
        }
        for arrow in arrows(scenario) {
            var attributes = ["label=\(quote(arrow.label))"]
            if arrow.isIdeal { attributes += ["color=\"#1a7f37\"", "penwidth=2.5", "fontcolor=\"#1a7f37\""] }
            if arrow.style == .divert { attributes.append("style=dashed") }
            if arrow.style == .call { attributes.append("style=dotted") }
            out += "  \(quote(scenario.scenes[arrow.from].id)) -> \(quote(scenario.scenes[arrow.to].id)) [\(attributes.joined(separator: ", "))];\n"
        }
        return out + "}\n"
    }

    public static func mermaid(_ scenario: Scenario) -> String {
        var out = "flowchart TD\n"
        for scene in scenario.scenes {
            if let ending = scene.ending {
                out += "  \(scene.id)([\"\(scene.id)<br/>\(ending.outcome.rawValue)\"]):::\(ending.outcome.rawValue.replacingHyphens)\n"
            } else {
                out += "  \(scene.id)[\"\(scene.id)\(scene.timerSeconds.map { " ⏱ \($0)s" } ?? "")\"]\n"
            }
        }
        var idealLinks: [Int] = []
        for (index, arrow) in arrows(scenario).enumerated() {
            let link = arrow.style == .choice ? "-->" : "-.->"
            let label = arrow.label.isEmpty ? "" : "|\"\(arrow.label)\"|"
            out += "  \(scenario.scenes[arrow.from].id) \(link)\(label) \(scenario.scenes[arrow.to].id)\n"
            if arrow.isIdeal { idealLinks.append(index) }
        }
        if !idealLinks.isEmpty { out += "  linkStyle \(idealLinks.map(String.init).joined(separator: ",")) stroke:#1a7f37,stroke-width:3px\n" }
        for outcome in Outcome.allCases { out += "  classDef \(outcome.rawValue.replacingHyphens) fill:\(colour(outcome))\n" }
        return out
    }

    public static func text(_ scenario: Scenario) -> String {
        var out = "\(scenario.title) (\(scenario.id)) — ★ marks the ideal path\n"
        for scene in scenario.scenes {
            if let ending = scene.ending {
                out += "\n[\(scene.id)] END \(ending.outcome.label): \(ending.title)\n"
                continue
            }
            out += "\n[\(scene.id)]\(scene.index == scenario.start ? " START" : "")\(scene.timerSeconds.map { " ⏱ \($0)s" } ?? "")\n"
            for arrow in arrows(scenario) where arrow.from == scene.index {
                let mark = arrow.isIdeal ? "★" : " "
                let how = arrow.style == .divert ? "goes on to" : (arrow.label == "call" ? "calls" : arrow.label)
                out += "  \(mark) \(how) → \(scenario.scenes[arrow.to].id)\n"
            }
        }
        return out
    }

    private static func quote(_ text: String) -> String {
        "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\\\"") + "\""
    }

    private static func colour(_ outcome: Outcome) -> String {
        switch outcome {
        case .resolved, .completed: "#b7e4c7"
        case .resolvedArrest, .resolvedReferral: "#d8f3dc"
        case .escalated, .withdrawn: "#ffe8a1"
        case .criticalFailure: "#f4a6a6"
        }
    }
}

extension String {
    fileprivate var replacingHyphens: String { String(map { $0 == "-" ? "_" : $0 }) }
}
