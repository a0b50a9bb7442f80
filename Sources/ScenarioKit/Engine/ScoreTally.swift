/// Points earned and available per competency along one path, and the critical errors made.
public struct ScoreTally: Sendable, Hashable {
    public var earned: [Int]
    public var available: [Int]
    /// Whether any decision on the path offered or gave points on the competency.
    public var exercised: [Bool]
    public var criticalErrors: [CriticalError]

    public init(competencyCount: Int) {
        earned = Array(repeating: 0, count: competencyCount)
        available = Array(repeating: 0, count: competencyCount)
        exercised = Array(repeating: false, count: competencyCount)
        criticalErrors = []
    }

    /// Adds one decision: the best points any offered choice gave each competency, and the choice taken.
    public mutating func record(offered: some Sequence<Choice>, taken: Choice) {
        // On the stack: tallying a path of 100,000 decisions allocates nothing per decision.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: earned.count) { best in
            best.initialize(repeating: 0)
            for choice in offered {
                for change in choice.scores {
                    best[change.competency] = max(best[change.competency], change.points)
                    exercised[change.competency] = true
                }
            }
            for (index, points) in best.enumerated() { available[index] += points }
        }
        for change in taken.scores {
            earned[change.competency] += change.points
            exercised[change.competency] = true
        }
        if !taken.criticalErrors.isEmpty { criticalErrors += taken.criticalErrors }
    }
}

/// The result of a path in the FTO's terms: a 0–1 score and a 1–7 rating per competency (or "not
/// observed"), an overall score, critical errors and pass or fail.
public struct Scorecard: Sendable, Hashable {
    /// One competency's result.
    public struct Entry: Sendable, Hashable {
        public var competency: Competency
        public var earned: Int
        public var available: Int
        /// nil when the path never exercised the competency ("not observed").
        public var score: Double?
        public var rating: Int?
        public var cappedByCriticalError: Bool
    }

    public var entries: [Entry]
    public var overall: Double?
    public var criticalErrors: [CriticalError]
    public var passed: Bool

    public init(tally: ScoreTally, competencies: [Competency], rules: RatingRules) {
        var entries: [Entry] = []
        for (index, competency) in competencies.enumerated() {
            var entry = Entry(competency: competency, earned: tally.earned[index], available: tally.available[index], score: nil,
                              rating: nil, cappedByCriticalError: false)
            if tally.exercised[index] {
                let score = tally.available[index] > 0 ? min(1, max(0, Double(tally.earned[index]) / Double(tally.available[index]))) : 0
                entry.score = score
                var rating = rules.rating(for: score)
                if tally.criticalErrors.contains(where: { $0.competency == index }), rating > rules.criticalCap {
                    rating = rules.criticalCap
                    entry.cappedByCriticalError = true
                }
                entry.rating = rating
            }
            entries.append(entry)
        }
        self.entries = entries
        let earned = tally.earned.reduce(0, +), available = tally.available.reduce(0, +)
        overall = available > 0 ? min(1, max(0, Double(earned) / Double(available))) : (tally.exercised.contains(true) ? 0 : nil)
        criticalErrors = tally.criticalErrors
        passed = (overall ?? 1) >= rules.passMark - 1e-9 && !(rules.criticalFails && !tally.criticalErrors.isEmpty)
    }
}
