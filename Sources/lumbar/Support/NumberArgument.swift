import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// A whole-number option value checked against its range when the command line is parsed.
protocol NumberArgument: ExpressibleByArgument, ListedArgument, Sendable {
    /// The values allowed.
    static var range: ClosedRange<Int> { get }
    /// The refusal for `text`, given the option name.
    static func refusal(_ text: String, option: String) -> String
    /// The value.
    var value: Int { get }
    /// A value already known to be in `range`.
    init(checked value: Int)
}

extension NumberArgument {
    /// Every value when there are few enough to offer (a 0–10 score), else none.
    static var completionWords: [String] { range.count <= 11 ? range.map(String.init) : [] }

    static var defaultCompletionKind: CompletionKind { completionWords.isEmpty ? .default : .list(completionWords) }

    init?(argument: String) {
        guard let value = Int(argument.trimmingSpaces()), Self.range.contains(value) else {
            ArgumentProblem.record(argument) { Self.refusal(argument, option: $0) }
            return nil
        }
        self.init(checked: value)
    }

    /// "--minutes must be the session's length in minutes, a whole number from 1 to 1440, got 'x'".
    static func wholeNumber(_ text: String, option: String, meaning: String) -> String {
        "\(option) must be \(meaning), a whole number from \(range.lowerBound) to \(range.upperBound), got '\(text)'"
    }

    /// "--width must be from 20 to 1000, got 5".
    static func between(_ text: String, option: String) -> String {
        "\(option) must be from \(range.lowerBound) to \(range.upperBound), got \(text)"
    }
}

/// A 0–10 pain score (`--pain`, `--worst`).
struct PainArgument: NumberArgument {
    static let range = 0...10
    let value: Int
    init(checked value: Int) { self.value = value }
    static func refusal(_ text: String, option: String) -> String {
        "\(option) must be a whole number from 0 (no pain) to 10 (worst imaginable), got '\(text)'"
    }
}

/// A session's length in minutes, up to a day.
struct MinutesArgument: NumberArgument {
    static let range = 1...1440
    let value: Int
    init(checked value: Int) { self.value = value }
    static func refusal(_ text: String, option: String) -> String { wholeNumber(text, option: option, meaning: "the session's length in minutes") }
}

/// Rating of perceived exertion, 1–10.
struct RPEArgument: NumberArgument {
    static let range = 1...10
    let value: Int
    init(checked value: Int) { self.value = value }
    static func refusal(_ text: String, option: String) -> String { wholeNumber(text, option: option, meaning: "the effort") }
}

/// A year of birth, from 1900 to this year.
struct BirthYearArgument: NumberArgument {
    static var range: ClosedRange<Int> {
        1900...LocalDate(instant: (try? TimeSource.now()) ?? Date(), in: TimeSource.timeZone).year
    }
    let value: Int
    init(checked value: Int) { self.value = value }
    static func refusal(_ text: String, option: String) -> String { wholeNumber(text, option: option, meaning: "the year you were born") }
}

/// Columns for `show`.
struct ScreenWidthArgument: NumberArgument {
    static let range = 20...1000
    let value: Int
    init(checked value: Int) { self.value = value }
    static func refusal(_ text: String, option: String) -> String { between(text, option: option) }
}

/// Rows for `show`.
struct ScreenHeightArgument: NumberArgument {
    static let range = 6...1000
    let value: Int
    init(checked value: Int) { self.value = value }
    static func refusal(_ text: String, option: String) -> String { between(text, option: option) }
}

/// The wrap width for `guide`.
struct GuideWidthArgument: NumberArgument {
    static let range = 30...300
    let value: Int
    init(checked value: Int) { self.value = value }
    static func refusal(_ text: String, option: String) -> String { between(text, option: option) }
}
