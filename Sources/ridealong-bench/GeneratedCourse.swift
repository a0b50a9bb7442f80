import Foundation

/// Writes a synthetic course whose one module has `scenes` scenes, three choices each, converging on
/// the next scene, with a variable, a condition and an interpolation every few scenes — the shape of a
/// real module, at any size.
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
        var text = "module big\ntitle: Generated\nrevision: 1\nspeaker HOST \"Host\"\nvar calm = 0\n"
        text.reserveCapacity(scenes * 420)
        for index in 0..<scenes {
            let next = index + 1 == scenes ? "finish" : "s\(index + 1)"
            text += """
            === s\(index) ===
            Scene \(index): the street is quiet and the officer waits for an answer from the host.
            HOST: I hear you. Calm is {calm}.
            * a\(index): Listen and paraphrase what you heard.
              -> \(next)
              score comm.listen +2 pj.respect +1
              ~ calm = 1
              feedback: He slows down and explains.
              why: Paraphrasing shows you listened.
              ideal
            * b\(index): Explain what happens next and why.
              -> \(next)
              score pj.respect +2
              feedback: He nods.
              why: Explaining builds trust.
            * c\(index): Give an order.
              if calm > 0 else "He is not calm enough"
              -> \(next)
              score pj.respect -1
              ~ calm = 0
              feedback: He bristles.
              why: Orders spend trust.

            """
        }
        text += "=== finish ===\nThe call ends.\n@end resolved: Calm street\n@debrief Done.\n"
        try text.write(toFile: folder + "/big.ride", atomically: true, encoding: .utf8)
        return text.utf8.count + course.utf8.count
    }
}
