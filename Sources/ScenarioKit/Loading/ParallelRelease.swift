import Dispatch

/// Frees compiled scenarios on two threads at once, the scenes on one and the choices on the other: a
/// 100,000-scene module is millions of objects, and freeing them on one thread is a good part of a check.
enum ParallelRelease {
    static func release(_ scenarios: consuming [Scenario]) {
        var scenes: [[Scene]] = [], choices: [[Choice]] = []
        for index in scenarios.indices {
            scenes.append(scenarios[index].scenes)
            choices.append(scenarios[index].choices)
            scenarios[index].scenes = []
            scenarios[index].choices = []
        }
        let parts = ParallelResults<Part>([.scenes(consume scenes), .choices(consume choices)])
        DispatchQueue.concurrentPerform(iterations: 2) { index in _ = parts.take(at: index) }
    }

    private enum Part: Sendable {
        case scenes([[Scene]]), choices([[Choice]])
    }
}
