import TerminalKit

/// The FTO review area's keys: typing the password (never shown), choosing a trainee, scrolling.
enum ReviewReducer {
    static func context(_ review: ReviewState) -> KeyContext { review.isUnlocked ? .review : .reviewPassword }

    static func key(_ review: inout ReviewState, _ key: Key, state: inout AppState) -> [Effect] {
        let command = Keymap.command(for: key, in: context(review))
        if command == .back {
            if review.traineePage != nil {
                review.traineePage = nil
                review.scroll = 0
            } else {
                state.screen = .courses(CourseListState())
            }
            return []
        }
        guard review.isUnlocked else {
            switch key {
            case .enter: return [.openReview(password: review.password)]
            case .backspace: _ = review.password.popLast()
            case .character(let c) where review.password.count < 200: review.password.append(c)
            default: break
            }
            return []
        }
        if reduceCommon(command, &state) { return [] }
        switch command {
        case .up?: review.selected = max(0, review.selected - 1)
        case .down?: review.selected = min(max(0, review.trainees.count - 1), review.selected + 1)
        case .pageUp?: review.scroll = max(0, review.scroll - max(1, state.height / 2))
        case .pageDown?: review.scroll += max(1, state.height / 2)
        case .confirm? where review.traineePage == nil && review.trainees.indices.contains(review.selected):
            return [.openTraineeReview(review.trainees[review.selected])]
        default: break
        }
        return []
    }
}
