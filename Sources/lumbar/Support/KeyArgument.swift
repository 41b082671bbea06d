#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ArgumentParser
import LumbarCore
import LumbarUI

/// A vocabulary the command line takes keys from: symptoms, self-care, history items, rule ids,
/// levels, screens.
protocol ArgumentVocabulary: Sendable, Equatable {
    /// Every key the command line accepts, in the order help and completion list them.
    static var argumentKeys: [Self] { get }
    /// The key as typed.
    var argumentKey: String { get }
    /// The refusal of `key` given to `option`; `hint` (a "did you mean", or empty) follows the key.
    static func unknown(_ key: String, option: String, hint: String) -> String
}

extension ArgumentVocabulary {
    /// The key `text` names (trimmed, any case), or nil.
    static func match(_ text: String) -> Self? {
        let key = text.trimmingSpaces().lowercased()
        return argumentKeys.first { $0.argumentKey == key }
    }

    /// The refusal of `key` with the nearest known key, when one is close enough to be a typo.
    static func refusal(_ key: String, option: String) -> String {
        let known = argumentKeys.map(\.argumentKey)
        let hint = UsageSuggestion.closest(to: key.lowercased(), in: known).map { " (did you mean '\($0)'?)" } ?? ""
        return unknown(key, option: option, hint: hint)
    }
}

/// A value type whose values can be listed for shell completion.
protocol ListedArgument {
    /// The words completion offers.
    static var completionWords: [String] { get }
}

/// One key from a vocabulary (`--fail-at see-doctor`, `show status`).
struct KeyArgument<Key: ArgumentVocabulary>: ExpressibleByArgument, ListedArgument, Sendable {
    /// The key.
    let value: Key

    init?(argument: String) {
        guard let key = Key.match(argument) else {
            ArgumentProblem.record(argument) { Key.refusal(argument, option: $0) }
            return nil
        }
        value = key
    }

    static var allValueStrings: [String] { completionWords }
    static var completionWords: [String] { Key.argumentKeys.map(\.argumentKey) }
    static var defaultCompletionKind: CompletionKind { .list(completionWords) }
}

/// Keys from a vocabulary, several in one value separated by commas (`--care heat,active`).
struct KeyListArgument<Key: ArgumentVocabulary>: ExpressibleByArgument, ListedArgument, Sendable {
    /// The keys, in the order given.
    let values: [Key]

    init?(argument: String) {
        var values: [Key] = []
        for word in argument.split(separator: ",") {
            let key = word.trimmingSpaces()
            if key.isEmpty { continue }
            guard let match = Key.match(key) else {
                ArgumentProblem.record(argument) { Key.refusal(key, option: $0) }
                return nil
            }
            values.append(match)
        }
        self.values = values
    }

    static var completionWords: [String] { Key.argumentKeys.map(\.argumentKey) }
    static var defaultCompletionKind: CompletionKind { .list(completionWords) }
}

/// A value that may also be `none`, which clears what it sets (`edit --worst none`).
enum Clearable<Value: ExpressibleByArgument & Sendable>: ExpressibleByArgument, Sendable {
    /// `none`: clear it.
    case clear
    /// A value to set.
    case set(Value)

    init?(argument: String) {
        let words = argument.split(separator: ",").map { $0.trimmingSpaces().lowercased() }
        if words == ["none"] {
            self = .clear
        } else if words.contains("none") {
            ArgumentProblem.record(argument) { Self.alone(option: $0) }
            return nil
        } else if let value = Value(argument: argument) {
            self = .set(value)
        } else {
            return nil
        }
    }

    /// The refusal of `none` given with other values: "--history none clears the history; give it alone, ...".
    static func alone(option: String) -> String {
        let what = ["--history": "the history", "--symptom": "the symptoms", "--care": "the self-care"][option] ?? "it"
        return "\(option) none clears \(what); give it alone, without other items"
    }

    /// The value, or nil for `none`.
    var value: Value? {
        if case .set(let value) = self { return value }
        return nil
    }

    static var defaultCompletionKind: CompletionKind {
        guard let listed = Value.self as? any ListedArgument.Type else { return Value.defaultCompletionKind }
        return .list(["none"] + listed.completionWords)
    }
}

/// Flattens repeated list options into one list of keys.
extension Array {
    /// Every key of every value, in order.
    func keys<Key>() -> [Key] where Element == KeyListArgument<Key> { flatMap(\.values) }
}

extension Symptom: ArgumentVocabulary {
    static var argumentKeys: [Symptom] { known }
    var argumentKey: String { rawValue }
    static func unknown(_ key: String, option: String, hint: String) -> String {
        "unknown symptom '\(key)'\(hint); known symptoms: \(known.map(\.rawValue).joined(separator: ", "))"
    }
}

/// A warning-sign key (`checkin --no`): a symptom that one of the questions asks about.
struct WarningSign: ArgumentVocabulary {
    /// The symptom the question asks about.
    let symptom: Symptom
    static var argumentKeys: [WarningSign] { Symptom.warningSigns.map(WarningSign.init) }
    var argumentKey: String { symptom.rawValue }
    static func unknown(_ key: String, option: String, hint: String) -> String {
        let kind = Symptom.ordinary.contains { $0.rawValue == key.lowercased() } ? "is not a warning sign" : "is not a known warning sign"
        return "\(option) '\(key)' \(kind)\(hint); \(option) takes warning signs: \(Symptom.warningSigns.map(\.rawValue).joined(separator: ", "))"
    }
}

extension SelfCare: ArgumentVocabulary {
    static var argumentKeys: [SelfCare] { known }
    var argumentKey: String { rawValue }
    static func unknown(_ key: String, option: String, hint: String) -> String {
        "unknown self-care '\(key)'\(hint); known self-care: \(known.map(\.rawValue).joined(separator: ", "))"
    }
}

extension HistoryItem: ArgumentVocabulary {
    static var argumentKeys: [HistoryItem] { known }
    var argumentKey: String { rawValue }
    static func unknown(_ key: String, option: String, hint: String) -> String {
        "unknown history item '\(key)'\(hint); known history items: \(known.map(\.rawValue).joined(separator: ", "))"
    }
}

extension RuleID: ArgumentVocabulary {
    static var argumentKeys: [RuleID] { allCases }
    var argumentKey: String { rawValue }
    static func unknown(_ key: String, option: String, hint: String) -> String {
        "unknown rule '\(key)'\(hint); rule ids: \(allCases.map(\.rawValue).joined(separator: ", "))"
    }
}

extension Level: ArgumentVocabulary {
    static var argumentKeys: [Level] { allCases }
    var argumentKey: String { key }
    static func unknown(_ key: String, option: String, hint: String) -> String {
        "\(option) must be one of \(allCases.map(\.key).joined(separator: ", ")), got '\(key)'\(hint)"
    }
}

extension ScreenName: ArgumentVocabulary {
    static var argumentKeys: [ScreenName] { allCases }
    var argumentKey: String { rawValue }
    static func unknown(_ key: String, option: String, hint: String) -> String {
        "unknown screen '\(key)'\(hint); screens: \(allCases.map(\.rawValue).joined(separator: ", "))"
    }
}
