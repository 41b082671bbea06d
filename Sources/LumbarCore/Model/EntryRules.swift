#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The rules every new or edited entry must keep, in one place, for the command line, the TUI
/// and import alike.
///
/// The journal reader is more lenient on purpose (it keeps keys from a newer lumbar, and the
/// 0–100,000 minutes older builds wrote): these rules are for what a person enters now.
public enum EntryRules {
    /// Pain and worst pain.
    public static let pain = 0...10
    /// A session's length in minutes: up to a day.
    public static let minutes = 1...1440
    /// Rate of perceived exertion.
    public static let rpe = 1...10
    /// The instants (epoch milliseconds) that are in years 1–9999 in every time zone: from
    /// 0001-01-01T18:00Z to 9999-12-31T06:00Z, since UTC offsets reach ±18 hours. An entry
    /// outside them could be shown, and written, as year 0 or 10000, which no reader accepts.
    public static let instants: ClosedRange<Int64> = {
        let first = LocalDate(year: 1, month: 1, day: 1).map { Int64($0.dayNumber) } ?? 0
        let last = LocalDate(year: 9999, month: 12, day: 31).map { Int64($0.dayNumber) } ?? 0
        let day: Int64 = 86_400_000
        let hour: Int64 = 3_600_000
        return (first * day + 18 * hour)...(last * day + 6 * hour)
    }()

    /// The problem with an entry's time, or `nil` when every zone shows it within years 1–9999.
    public static func problem(at time: Timestamp) -> Problem? {
        guard instants.contains(time.epochMilliseconds) else {
            return Problem(field: "at", message: "the time \(time) is outside the years lumbar keeps (0001-01-02 to 9999-12-30); give a real date")
        }
        return nil
    }

    /// What is wrong with an entry: the field and a sentence saying how to fix it.
    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// The field at fault, as the command line and CSV name it ("worst", "denied").
        public var field: String
        /// What is wrong and what to give instead.
        public var message: String

        public var description: String { message }
    }

    /// The first problem with a check-in's values, or `nil` when it may be saved.
    public static func problem(
        pain: Int, worst: Int?, symptoms: [Symptom], denied: [Symptom] = [],
        care: [SelfCare] = []
    ) -> Problem? {
        guard self.pain.contains(pain) else {
            return Problem(field: "pain", message: "pain must be a whole number from 0 to 10, got \(pain)")
        }
        if let worst {
            guard self.pain.contains(worst) else {
                return Problem(field: "worst", message: "worst must be a whole number from 0 to 10, got \(worst)")
            }
            guard worst >= pain else {
                return Problem(field: "worst", message: "worst (\(worst)) cannot be lower than pain (\(pain))")
            }
        }
        if let bad = symptoms.first(where: { !$0.isKnown }) {
            return Problem(
                field: "symptoms",
                message: "unknown symptom '\(bad.rawValue)'; known symptoms: \(Symptom.known.map(\.rawValue).joined(separator: ", "))")
        }
        if let bad = denied.first(where: { !$0.isWarningSign }) {
            return Problem(
                field: "denied",
                message:
                    "'\(bad.rawValue)' is not a warning-sign question, so it cannot be answered no; warning signs: \(Symptom.warningSigns.map(\.rawValue).joined(separator: ", "))"
            )
        }
        if let both = denied.first(where: { symptoms.contains($0) }) {
            return Problem(field: "denied", message: "'\(both.rawValue)' is answered both yes and no; give it once")
        }
        if let bad = care.first(where: { !$0.isKnown }) {
            return Problem(
                field: "care",
                message: "unknown self-care '\(bad.rawValue)'; known self-care: \(SelfCare.known.map(\.rawValue).joined(separator: ", "))")
        }
        return nil
    }

    /// The first problem with a check-in, or `nil` when it may be saved.
    public static func problem(with checkIn: CheckIn) -> Problem? {
        problem(at: checkIn.at)
            ?? problem(pain: checkIn.pain, worst: checkIn.worst, symptoms: checkIn.symptoms, denied: checkIn.denied, care: checkIn.care)
    }

    /// The first problem with a session's values, or `nil` when it may be saved.
    public static func problem(kind: String, minutes: Int?, rpe: Int?) -> Problem? {
        if kind.trimmingWhitespace().isEmpty {
            return Problem(field: "kind", message: "the session kind is empty; say what you did, e.g. deadlift or run")
        }
        if let minutes, !self.minutes.contains(minutes) {
            return Problem(field: "minutes", message: "minutes must be a whole number from 1 to 1440 (a day), got \(minutes)")
        }
        if let rpe, !self.rpe.contains(rpe) {
            return Problem(field: "rpe", message: "rpe must be a whole number from 1 to 10, got \(rpe)")
        }
        return nil
    }

    /// The first problem with a session, or `nil` when it may be saved.
    public static func problem(with session: Session) -> Problem? {
        problem(at: session.at) ?? problem(kind: session.kind, minutes: session.minutes, rpe: session.rpe)
    }
}
