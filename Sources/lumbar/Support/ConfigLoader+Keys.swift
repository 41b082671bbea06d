#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// A setting's value as the file or the environment gave it, before lumbar checks it.
enum ConfigValue: Hashable, Sendable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    /// A TOML local time such as `12:00:00` (no quotes).
    case time(hour: Int, minute: Int, second: Int)
    case list([ConfigValue])
    /// A TOML type no setting takes, by the name people know it by ("table", "float", "date").
    case other(String)

    /// What the value is, as an error message names it ("the string \"friday\"").
    var described: String {
        switch self {
        case .string(let text): return "the string \"\(text)\""
        case .integer(let number): return "the number \(number)"
        case .boolean(let flag): return "the boolean \(flag)"
        case .time(let hour, let minute, _):
            return "the time \(TimeOfDay(hour: hour, minute: minute)?.description ?? "\(hour):\(minute)") without quotes"
        case .list: return "an array"
        case .other(let kind): return "a \(kind)"
        }
    }
}

/// Every setting `config.toml` may hold: its key, what it takes, and how it sets `Preferences`.
enum ConfigKey: String, CaseIterable, Hashable, Sendable {
    case weekStart = "week-start"
    case clock
    case backfillTime = "backfill-time"
    case usualSymptoms = "usual-symptoms"
    case usualCare = "usual-care"
    case color
    case remindHour = "remind-hour"

    /// The environment variable that overrides the file (`LUMBAR_WEEK_START`).
    var environmentName: String {
        "LUMBAR_" + rawValue.uppercased().replacing("-", with: "_")
    }

    /// The command-line flag that overrides the environment, where there is one.
    var flagName: String? {
        switch self {
        case .color: return "--color"
        case .remindHour: return "--hour"
        default: return nil
        }
    }

    /// What the key takes, for messages and `docs/config.md`.
    var expected: String {
        switch self {
        case .weekStart: return "\"monday\" or \"sunday\""
        case .clock: return "\"24h\" or \"12h\""
        case .backfillTime: return "a time \"HH:MM\" from \"00:00\" to \"23:59\""
        case .usualSymptoms: return "an array of symptom keys (\(Symptom.ordinary.map(\.rawValue).joined(separator: ", ")))"
        case .usualCare: return "an array of self-care keys (\(SelfCare.known.map(\.rawValue).joined(separator: ", ")))"
        case .color: return "\"auto\", \"always\" or \"never\""
        case .remindHour: return "a whole number from 0 to 23"
        }
    }

    /// A line that would be right, to show in a message.
    var example: String {
        switch self {
        case .weekStart: return "week-start = \"sunday\""
        case .clock: return "clock = \"12h\""
        case .backfillTime: return "backfill-time = \"09:00\""
        case .usualSymptoms: return "usual-symptoms = [\"stiffness\", \"dull-ache\"]"
        case .usualCare: return "usual-care = [\"heat\", \"walking\"]"
        case .color: return "color = \"never\""
        case .remindHour: return "remind-hour = 18"
        }
    }

    /// The setting's value in `preferences`, written as in the file.
    func text(in preferences: Preferences) -> String {
        func list(_ keys: [String]) -> String { "[" + keys.map { "\"\($0)\"" }.joined(separator: ", ") + "]" }
        switch self {
        case .weekStart: return "\"\(preferences.weekStart.rawValue)\""
        case .clock: return "\"\(preferences.clock.rawValue)\""
        case .backfillTime: return "\"\(preferences.backfillTime)\""
        case .usualSymptoms: return list(preferences.usualSymptoms.map(\.rawValue))
        case .usualCare: return list(preferences.usualCare.map(\.rawValue))
        case .color: return "\"\(preferences.color.rawValue)\""
        case .remindHour: return String(preferences.remindHour)
        }
    }

    /// The setting's value in `preferences` as JSON.
    func json(in preferences: Preferences) -> JSONValue {
        switch self {
        case .weekStart: return .string(preferences.weekStart.rawValue)
        case .clock: return .string(preferences.clock.rawValue)
        case .backfillTime: return .string(preferences.backfillTime.description)
        case .usualSymptoms: return .array(preferences.usualSymptoms.map { .string($0.rawValue) })
        case .usualCare: return .array(preferences.usualCare.map { .string($0.rawValue) })
        case .color: return .string(preferences.color.rawValue)
        case .remindHour: return .int(preferences.remindHour)
        }
    }

    /// Sets this key in `preferences` from `value`, or says what is wrong with it and how to fix it.
    func apply(_ value: ConfigValue, to preferences: inout Preferences) throws(ConfigProblem) {
        switch self {
        case .weekStart:
            preferences.weekStart = try choice(value, Preferences.WeekStart.allCases)
        case .clock:
            preferences.clock = try choice(value, Preferences.ClockStyle.allCases)
        case .color:
            preferences.color = try choice(value, Preferences.ColorMode.allCases)
        case .backfillTime:
            switch value {
            case .string(let text):
                guard let time = TimeOfDay(text.trimmingSpaces()) else { throw badValue(value) }
                preferences.backfillTime = time
            case .time(let hour, let minute, let second):
                guard second == 0, let time = TimeOfDay(hour: hour, minute: minute) else { throw badValue(value) }
                preferences.backfillTime = time
            default:
                throw wrongType(value)
            }
        case .remindHour:
            guard case .integer(let hour) = value else { throw wrongType(value) }
            guard (0...23).contains(hour) else { throw badValue(value) }
            preferences.remindHour = hour
        case .usualSymptoms:
            preferences.usualSymptoms = try keys(value, known: Symptom.ordinary, noun: "symptom") { key in
                Symptom.warningSigns.contains(Symptom(rawValue: key))
                    ? "'\(key)' is a warning sign, which the form always asks as a yes/no question; usual-symptoms takes \(Symptom.ordinary.map(\.rawValue).joined(separator: ", "))"
                    : nil
            }
        case .usualCare:
            preferences.usualCare = try keys(value, known: SelfCare.known, noun: "self-care key") { _ in nil }
        }
    }

    /// Sets this key from an environment variable's text: lists are comma-separated, numbers plain.
    func apply(environment text: String, to preferences: inout Preferences) throws(ConfigProblem) {
        let trimmed = text.trimmingSpaces()
        let value: ConfigValue
        switch self {
        case .usualSymptoms, .usualCare:
            value = .list(trimmed.split(separator: ",").map { .string($0.trimmingSpaces()) })
        case .remindHour:
            value = Int(trimmed).map(ConfigValue.integer) ?? .string(text)
        default:
            value = .string(trimmed)
        }
        try apply(value, to: &preferences)
    }

    private func choice<Choice: RawRepresentable & CaseIterable>(_ value: ConfigValue, _ choices: Choice.AllCases) throws(ConfigProblem) -> Choice
    where Choice.RawValue == String {
        guard case .string(let text) = value else { throw wrongType(value) }
        let wanted = text.trimmingSpaces().lowercased()
        guard let match = choices.first(where: { $0.rawValue == wanted }) else {
            let suggestion = UsageSuggestion.closest(to: wanted, in: choices.map(\.rawValue)).map { " (did you mean \"\($0)\"?)" } ?? ""
            throw ConfigProblem("\(rawValue) must be \(expected), not \"\(text)\"\(suggestion)")
        }
        return match
    }

    private func keys<Key: RawRepresentable & Hashable>(
        _ value: ConfigValue, known: [Key], noun: String, refusal: (String) -> String?
    ) throws(ConfigProblem) -> [Key]
    where Key.RawValue == String {
        guard case .list(let items) = value else { throw wrongType(value) }
        var result: [Key] = []
        for item in items {
            guard case .string(let text) = item else {
                throw ConfigProblem("\(rawValue) must be \(expected); it holds \(item.described)")
            }
            let key = text.trimmingSpaces().lowercased()
            if let reason = refusal(key) { throw ConfigProblem(reason) }
            guard let match = known.first(where: { $0.rawValue == key }) else {
                let suggestion = UsageSuggestion.closest(to: key, in: known.map(\.rawValue)).map { "did you mean \"\($0)\"? " } ?? ""
                throw ConfigProblem(
                    "\(rawValue) has an unknown \(noun) \"\(text)\"; \(suggestion)known: \(known.map(\.rawValue).joined(separator: ", "))")
            }
            if !result.contains(match) { result.append(match) }
        }
        return result
    }

    private func wrongType(_ value: ConfigValue) -> ConfigProblem {
        ConfigProblem("\(rawValue) must be \(expected), not \(value.described)")
    }

    private func badValue(_ value: ConfigValue) -> ConfigProblem {
        ConfigProblem("\(rawValue) must be \(expected), not \(value.described.replacing("the string ", with: ""))")
    }
}

/// What is wrong with one setting and how to fix it (the loader adds where it was).
struct ConfigProblem: Error, Equatable {
    /// One line, without the file name or line.
    var message: String

    init(_ message: String) { self.message = message }
}
