"""A strict check of ridealong's xAPI 1.0.3 statements (JSON lines on stdin).

Checks what the spec requires of the statements ridealong writes: UUID ids, ISO 8601 timestamps
and durations, an actor with an account, verb and activity ids that are IRIs, extension keys that
are IRIs, scores with scaled in [-1, 1] and raw within min and max, and no unknown top-level keys.
Prints one line per problem and exits 1 when there are any.
"""
import json
import re
import sys

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
DURATION = re.compile(r"^P(?!$)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$")
IRI = re.compile(r"^[a-z][a-z0-9+.-]*:[^\s]+$")
TOP = {"id", "timestamp", "actor", "verb", "object", "result", "context", "version", "stored", "authority", "attachments"}

problems = []


def problem(number, text):
    problems.append(f"statement {number}: {text}")


def check_extensions(number, extensions, where):
    if extensions is None:
        return
    if not isinstance(extensions, dict):
        problem(number, f"{where}.extensions is not an object")
        return
    for key in extensions:
        if not IRI.match(key):
            problem(number, f"{where}.extensions key {key!r} is not an IRI")


count = 0
for number, line in enumerate(sys.stdin, 1):
    count += 1
    s = json.loads(line)
    unknown = set(s) - TOP
    if unknown:
        problem(number, f"unknown keys {sorted(unknown)}")
    if not UUID.match(s.get("id", "")):
        problem(number, "id is not a UUID")
    if not TIMESTAMP.match(s.get("timestamp", "")):
        problem(number, "timestamp is not ISO 8601")
    if s.get("version") != "1.0.3":
        problem(number, "version is not 1.0.3")
    actor = s.get("actor", {})
    account = actor.get("account", {})
    if actor.get("objectType", "Agent") != "Agent" or not IRI.match(account.get("homePage", "")) or not account.get("name"):
        problem(number, "actor needs an account with an IRI homePage and a name")
    verb = s.get("verb", {})
    if not IRI.match(verb.get("id", "")) or not isinstance(verb.get("display", {}), dict):
        problem(number, "verb id is not an IRI")
    obj = s.get("object", {})
    if obj.get("objectType", "Activity") != "Activity" or not IRI.match(obj.get("id", "")):
        problem(number, "object is not an Activity with an IRI id")
    definition = obj.get("definition") or {}
    if "interactionType" in definition and definition["interactionType"] not in {
        "true-false", "choice", "fill-in", "long-fill-in", "matching", "performance", "sequencing", "likert", "numeric", "other"}:
        problem(number, "unknown interactionType")
    for choice in definition.get("choices", []) or []:
        if not choice.get("id"):
            problem(number, "a choice without an id")
    result = s.get("result")
    if result is not None:
        score = result.get("score")
        if score is not None:
            scaled = score.get("scaled")
            if scaled is not None and not (-1 <= scaled <= 1):
                problem(number, f"score.scaled {scaled} outside [-1, 1]")
            low, high, raw = score.get("min"), score.get("max"), score.get("raw")
            if low is not None and high is not None and low > high:
                problem(number, "score.min above score.max")
            if raw is not None and ((low is not None and raw < low) or (high is not None and raw > high)):
                problem(number, f"score.raw {raw} outside [{low}, {high}]")
        if "duration" in result and not DURATION.match(result["duration"]):
            problem(number, f"duration {result['duration']!r} is not ISO 8601")
        check_extensions(number, result.get("extensions"), "result")
    context = s.get("context")
    if context is not None:
        if "registration" in context and not UUID.match(context["registration"]):
            problem(number, "context.registration is not a UUID")
        check_extensions(number, context.get("extensions"), "context")
        for group in (context.get("contextActivities") or {}).values():
            for activity in group:
                if not IRI.match(activity.get("id", "")):
                    problem(number, "a context activity id is not an IRI")

for text in problems:
    print(text)
print(f"xapi: {count} statements, {len(problems)} problems")
sys.exit(1 if problems or count == 0 else 0)
