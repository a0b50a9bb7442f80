/// A failure the user can act on: ArgumentParser prints it as "Error: …" and exits 1.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}
