@testable import ScenarioKit

/// Small scripts and helpers shared by the ScenarioKit tests.
enum Fixtures {
    static let catalogue = [
        Competency(id: "comm.listen", label: "Active listening", ftoCategory: "Control of conflict: voice command"),
        Competency(id: "pj.respect", label: "Dignity and respect", ftoCategory: "Relationships with the public"),
        Competency(id: "safety.tactics", label: "Officer and public safety", ftoCategory: "Officer safety"),
    ]

    /// A module header followed by `body`.
    static func module(_ body: String, header: String = "") -> String {
        """
        module sample
        title: Sample
        competencies: comm.listen pj.respect safety.tactics
        speaker HOST "Dev, the host"
        \(header)
        \(body)
        """
    }

    static func compile(_ text: String) -> ScriptLoader.ModuleResult {
        ScriptLoader.compileModule(text: text, catalogue: catalogue)
    }

    static func scenario(_ text: String) throws -> Scenario {
        let result = compile(text)
        guard let scenario = result.scenario else {
            throw FixtureError.didNotCompile(result.diagnostics.map { "\($0.location): \($0.code.rawValue) \($0.message)" })
        }
        return scenario
    }

    enum FixtureError: Error { case didNotCompile([String]) }

    /// A module with a decision, a sticky loop, a condition, a timer, a sub-scene call and three endings.
    static let noise = module("""
    === door ===
    Bass thumps through the door.
    HOST: Is there a problem, officer?
    * introduce: "Evening. I'm Officer Ruiz."
      -> talk
      score comm.listen +1 pj.respect +2
      feedback: He steps out.
      why: Introductions set the tone.
      ideal
    * demand: "Turn it off. Now."
      -> talk
      score pj.respect -2
      ~ warned = true
      feedback: He rolls his eyes.
      why: Orders without reasons invite resistance.
    * radio: Check in with dispatch first.
      -> radio_check -> door_again
      score safety.tactics +1
      feedback: Dispatch confirms no prior calls.
      why: Information first.

    === door_again ===
    Dev is still waiting.
    + wait: Say nothing for a moment.
      -> door_again
      feedback: The silence stretches.
      why: Silence can help, but not forever.
    * introduce_late: "Sorry. I'm Officer Ruiz."
      -> talk
      score pj.respect +1
      feedback: He nods.
      why: Late is better than never.

    === radio_check ===
    DISPATCH is quiet for a second, then answers.
    ->->

    === talk ===
    @timer 10s
    @if warned: HOST: You already told me. Fine.
    HOST: It's my sister's birthday.
    * thank: "Thanks. Enjoy the party, quietly."
      -> calm
      score comm.listen +2 pj.respect +1
      feedback: The music drops.
      why: Thanks build goodwill.
      ideal
    * cite: "I'm writing you a citation."
      -> citation
      score pj.respect -1
      critical pj.respect: Cited without a warning
      feedback: He argues loudly.
      why: Escalates a first-time noise call.
    * freeze: (You say nothing.)
      on timeout
      -> argue
      feedback: He shrugs and goes back in.
      why: Hesitation hands over the encounter.

    === calm ===
    The street goes quiet.
    @end resolved: Music down
    @debrief Respect resolves most noise calls.

    === citation ===
    @end escalated: A citation and an argument
    @debrief A citation on a first call spends trust.

    === argue ===
    @end withdrawn: Nothing settled
    @debrief Nothing was resolved.
    """, header: "var warned = false\nspeaker DISPATCH \"Dispatch\"")
}
