/// The files `ridealong new` writes: a course and a module that pass `check --strict` and use every
/// construct of the language, for instructors to copy from.
public enum Starter {
    /// A course file with id `id`, listing `firstModule`.
    public static func course(id: String, firstModule: String) -> String {
        courseTemplate.replacingAll("my-course", with: id).replacingAll("module my-module.ride", with: "module \(firstModule).ride")
    }

    /// A module with id `id` (its file is `id.ride`).
    public static func module(id: String) -> String {
        moduleTemplate.replacingAll("module my-module", with: "module \(id)").replacingAll("my-module.ride", with: "\(id).ride")
    }

    /// The shared sub-scene file the starter module includes.
    public static let sharedFile = "shared-radio.ride"
    public static let shared = #"""
// Shared scenes that several modules include. No `module` line here.
speaker DISPATCH "Dispatch"

=== radio_check ===
You key the radio and give your location.
DISPATCH: Copy. Units are four minutes out. No prior calls at that address.
->->
"""#

    private static let courseTemplate = #"""
// A course: its competencies (with the FTO category each maps to), rating rules and modules in order.
course my-course
title: My course
description: Replace this with one sentence on what the course trains.
pass: 70%
bands: 30% 45% 60% 70% 80% 90%
critical-cap: 2
critical-fails: yes
competency comm.listen "Active listening" fto "Control of conflict: voice command"
competency pj.respect "Dignity and respect" fto "Relationships with the public"
competency safety.tactics "Officer and public safety" fto "Officer safety: general"
competency self.regulation "Self-regulation" fto "Lifestyle stressors and self-awareness"
module my-module.ride
"""#

    private static let moduleTemplate = #"""
// A starter module that uses every construct of the language. Check it with
//   ridealong check --strict .
// and play it with `ridealong play --watch my-module.ride`.
module my-module
title: A neighbour dispute over a fence
revision: 1
minutes: 8
feedback: immediate
objective: Introduce yourself and listen before you decide.
objective: Keep distance and call for information when a situation changes.
competencies: comm.listen pj.respect safety.tactics self.regulation
speaker OWNER "Mr. Haddad, the homeowner"
speaker PARTNER "Officer Cole, your partner"
var calm = 0
var warned = false
var neighbour = "Ms. Brooks"
include shared-radio.ride

=== arrival ===
It is 19:10 on a Sunday. A man stands by a half-built fence, holding a tape measure.
OWNER: Finally. She has been moving my stakes all week.

* introduce: "Good evening, I'm Officer Reyes. Tell me what's been going on."
  -> listen
  score comm.listen +2 pj.respect +1
  ~ calm += 1
  feedback: He lowers the tape and starts at the beginning.
  why: Your name and an open question invite his side of it before anything else.
  tag skill:introduction
  ideal
* check_radio: Step back and call in for history first.
  -> radio_check -> listen
  score safety.tactics +1
  feedback: You learn there are no prior calls, and he watches you talk.
  why: Information first is sound, but a word to him before you turn away would help.
* order: "Put the tape measure down and stay there."
  -> listen
  score pj.respect -1
  ~ warned = true
  feedback: He drops it on the grass and folds his arms.
  why: An order with no reason, to a man holding a tape measure, spends trust for no gain.

=== listen ===
@if warned: OWNER: I'm not a criminal, officer.
@if calm > 0: He points to the survey marker by the sidewalk.
Across the yard, {neighbour} comes out onto her porch.

* ask_both: "Could you both show me where you think the line is?"
  -> line
  score comm.listen +1 pj.respect +2
  feedback: They walk the line together, a metre apart, talking to you instead of at each other.
  why: Giving each person voice in front of the other lowers the heat.
  ideal
+ wait: (Let him finish venting.)
  if calm < 3 else "He has said his piece"
  -> listen
  score comm.listen +1
  ~ calm += 1
  feedback: He keeps talking, but more slowly.
  why: Letting someone finish is listening; three times round is enough.
* side: "Ma'am, you need to leave his stakes alone."
  -> line
  score pj.respect -2
  critical pj.respect: Took a side before hearing the other person
  feedback: She goes back inside and slams the door.
  why: Deciding before hearing both people is the opposite of neutrality.

=== line ===
@timer 15s
He suddenly swings the tape measure case toward the fence post, inches from her hand.
PARTNER: Reyes, watch his hands.

* distance: "Sir, step back with me. Nobody needs to get hurt over a fence."
  -> pause
  score safety.tactics +2 comm.listen +1
  feedback: He steps back and the case drops to his side.
  why: Distance and a calm, clear request buy time for everyone.
  ideal
* grab: Grab his wrist.
  -> escalated
  score safety.tactics -2
  critical safety.tactics: Went hands-on when distance and words were still open
  feedback: He pulls away and shouts; the neighbours come out onto their lawns.
  why: Closing distance first removed the time you had to talk him down.
* freeze: (You hesitate.)
  on timeout
  -> escalated
  feedback: The moment passes without you, and he keeps swinging.
  why: Hesitation hands the encounter to the other person.

=== pause ===
Your heart is still going hard.
@breathe 2 cycles 4-4-4-4
@checkin body: How does your body feel now? [Tense | Tired | Steady]
@reflect moment: What did you notice in yourself when he swung the case?

* debrief_partner: Talk it over with Officer Cole before you leave.
  -> resolved
  score self.regulation +1
  feedback: Cole says the step back was the right call, and you agree to write it up together.
  why: A short talk after a spike of stress helps you settle and learn from it.
  ideal
* drive_on: Clear the call and drive to the next one.
  -> resolved
  feedback: You clear the call. The tightness in your chest stays for a while.
  why: Moving on is sometimes necessary; noticing the stress first is a skill.

=== resolved ===
They agree to wait for the city surveyor.
@end resolved: The fence waits for the surveyor
@debrief You listened first, kept your distance when it mattered, and left both neighbours heard.

=== escalated ===
A second unit arrives to help separate them.
@end escalated: A second unit and a report
@debrief The dispute grew because distance and words were given up too early.
"""#
}

extension String {
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        self[...].components(separatedBy: target).joined(separator: replacement)
    }
}
