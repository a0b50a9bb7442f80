import Foundation

/// Writes a synthetic course whose one module has `scenes` scenes shaped like the shipped ones (a
/// paragraph of narration, a speaker line, two or three choices with points, feedback and rationale,
/// a variable, a condition and an interpolation), split into up to four included files as a large
/// module would be.
enum GeneratedCourse {
    static func write(scenes: Int, to folder: String) throws -> Int {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let course = """
        course bench
        title: Benchmark
        competency comm.listen "Active listening" fto "Voice command"
        competency pj.respect "Respect" fto "Relationships with the public"
        module big.ride

        """
        try course.write(toFile: folder + "/course.ride", atomically: true, encoding: .utf8)
        let parts = scenes >= 4_000 ? 4 : 1
        var module = "module big\ntitle: Generated\nrevision: 1\nspeaker HOST \"Host\"\nvar calm = 0\n"
        for part in 1..<parts { module += "include part\(part).ride\n" }
        var bytes = course.utf8.count
        let perPart = (scenes + parts - 1) / parts
        for part in 0..<parts {
            var text = part == 0 ? module : ""
            text.reserveCapacity(perPart * 700)
            for index in (part * perPart)..<min(scenes, (part + 1) * perPart) { text += scene(index, of: scenes) }
            if part == parts - 1 { text += "=== finish ===\nThe call ends and the street settles.\n@end resolved: Calm street\n@debrief Done.\n" }
            try text.write(toFile: folder + (part == 0 ? "/big.ride" : "/part\(part).ride"), atomically: true, encoding: .utf8)
            bytes += text.utf8.count
        }
        return bytes
    }

    private static func scene(_ index: Int, of count: Int) -> String {
        let next = index + 1 == count ? "finish" : "s\(index + 1)"
        var text = """
        === s\(index) ===
        The porch light flickers while the host weighs what you said; a neighbour watches from across the street.
        HOST: I hear you, officer. Calm is {calm}, and I want this to end well for everyone here tonight.
        * a\(index): "Tell me what happened tonight, from the start. I'm listening."
          -> \(next)
          score comm.listen +2 pj.respect +1
          ~ calm = 1
          feedback: He slows down, and the story comes out in order for the first time tonight.
          why: An open question followed by real listening gives him voice and you the facts you need.
          ideal
        * b\(index): "Here is what happens next, and why I have to ask you these questions."
          -> \(next)
          score pj.respect +2
          feedback: He nods along; knowing the steps makes the wait easier to accept.
          why: Explaining what happens next and why is how people judge that a process is fair.

        """
        if index % 3 == 1 {
            text += """
            * c\(index): "That's enough. Do what I say and we'll be done sooner."
              if calm > 0 else "He is not calm enough to hear an order yet"
              -> \(next)
              score pj.respect -1
              ~ calm = 0
              feedback: He bristles and steps back, arms folded.
              why: An order without a reason spends the trust the conversation had built.

            """
        }
        return text
    }
}
