#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// Renders a `Status` for people (the text of `lumbar status`) and for programs (`status --json`).
///
/// The CLI and the TUI share it, so a flag reads the same everywhere.
public enum StatusFormatter {
    /// The one line every output showing flags carries.
    public static let disclaimer = "This is guidance drawn from the articles lumbar cites, not a diagnosis."

    /// The line shown when no flag is raised.
    public static let calmLine = "Nothing in your log calls for action right now. Keep logging."

    /// The human text: the level first, then each flag (what to do, evidence, window, source),
    /// the episode line, and the disclaimer. Ends with a newline.
    ///
    /// - Parameters:
    ///   - timeZone: the user's zone, for the episode line's times.
    ///   - color: whether to colour level names with ANSI escapes.
    ///   - clock: the 24- or 12-hour clock for those times.
    public static func text(_ status: Status, timeZone: ZoneInfo, color: Bool, clock: Preferences.ClockStyle = .twentyFourHour) -> String {
        var lines: [String] = []
        if status.flags.isEmpty {
            lines.append("Level: " + paint(status.level.key, status.level, color) + ". " + calmLine)
        } else {
            let count = status.flags.count == 1 ? "1 flag" : "\(status.flags.count) flags"
            lines.append("Level: " + paint(status.level.key, status.level, color) + " (\(count)). " + status.level.action)
        }
        for flag in status.flags {
            lines.append("")
            lines.append(contentsOf: flagLines(flag, color: color, timeZone: timeZone, clock: clock))
        }
        lines.append("")
        if let episode = episodeLine(status, timeZone: timeZone, clock: clock) { lines.append(episode) }
        if let future = futureLine(status) { lines.append(future) }
        lines.append(status.safetyNet)
        lines.append(disclaimer)
        return lines.joined(separator: "\n") + "\n"
    }

    /// "2 entries dated after now are not counted: check their dates.", or `nil` when there are none.
    public static func futureLine(_ status: Status) -> String? {
        switch status.ignoredFutureEntries {
        case 0: return nil
        case 1: return "1 entry dated after now is not counted: check its date."
        case let count: return "\(count) entries dated after now are not counted: check their dates."
        }
    }

    /// One flag as indented lines: level and title, headline, what to do, when assessed, evidence,
    /// window, source.
    public static func flagLines(
        _ flag: RuleFlag, color: Bool, timeZone: ZoneInfo = .gmt, clock: Preferences.ClockStyle = .twentyFourHour
    ) -> [String] {
        var lines = [paint("[\(flag.level.key)]", flag.level, color) + " " + flag.rule.title + " (\(flag.rule.rawValue))"]
        lines.append("  " + flag.headline.text)
        lines.append("  What to do: " + flag.action.text)
        if let assessed = flag.assessedAt {
            lines.append("  Assessed: " + TimeText.dateTime(assessed, in: timeZone, clock: clock) + " (not counted toward the level)")
        }
        for (index, item) in flag.evidence.enumerated() {
            lines.append((index == 0 ? "  Seen: " : "        ") + item.text)
        }
        if let window = flag.window { lines.append("  Window: " + window.text.text) }
        lines.append("  Source: " + sourceText(flag.sources))
        return lines
    }

    /// "Title" or "Title (also: Title; Title)"; lumbar's own rule when there is no article.
    public static func sourceText(_ sources: [Article]) -> String {
        guard let main = sources.first else { return "lumbar's own rule (no article)" }
        let others = sources.dropFirst().map(\.title)
        return others.isEmpty ? main.title : main.title + " (also: " + others.joined(separator: "; ") + ")"
    }

    /// "Episode: day 5 since Tue 3 Mar; 83 h since the deadlift (Mon 18:00); next: 96 h mark Fri 18:00",
    /// or `nil` when no episode is open.
    public static func episodeLine(_ status: Status, timeZone: ZoneInfo, clock: Preferences.ClockStyle = .twentyFourHour) -> String? {
        episodeText(status, timeZone: timeZone, clock: clock).map { "Episode: " + $0 }
    }

    /// The episode line without its label, for screens that set the label apart:
    /// "day 5 since Tue 3 Mar; 83 h since the deadlift (Mon 18:00); next: 96 h mark Fri 18:00".
    public static func episodeText(_ status: Status, timeZone: ZoneInfo, clock: Preferences.ClockStyle = .twentyFourHour) -> String? {
        guard let episode = status.episode, let day = status.episodeDay else { return nil }
        var parts = ["day \(day) since \(episode.onset.date.shortDescription)"]
        if let trigger = episode.trigger {
            let hours = (status.now.epochMilliseconds - trigger.at.epochMilliseconds) / 3_600_000
            // Past a week, hours stop meaning much; the rules' hour marks are long gone by then.
            let since =
                hours < 168
                ? "\(hours) h"
                : "\(LocalDate(instant: trigger.at.date, in: timeZone).days(to: status.now.converted(to: timeZone).localDate)) days"
            parts.append(
                "\(since) since the \(trigger.kindName) (\(TimeText.near(trigger.at, reference: status.now, in: timeZone, clock: clock)))")
        } else {
            parts.append("no session logged in the \(Episode.triggerWindowHours) h before it began")
        }
        if let next = episode.nextMark(after: status.now, in: timeZone) {
            parts.append("next: " + markText(next, now: status.now, timeZone: timeZone, clock: clock))
        }
        return parts.joined(separator: "; ")
    }

    /// A mark ahead of now: "96 h mark Fri 18:00", or "day 14 on Tue 17 Mar".
    public static func markText(
        _ mark: EpisodeMark, now: Timestamp, timeZone: ZoneInfo,
        clock: Preferences.ClockStyle = .twentyFourHour
    ) -> String {
        if let hours = mark.kind.hours {
            return "\(hours) h mark \(TimeText.near(mark.at, reference: now, in: timeZone, clock: clock))"
        }
        return mark.kind.label + " on " + mark.at.localDate.shortDescription
    }

    /// `text` wrapped in the level's ANSI colour when `color` is on.
    static func paint(_ text: String, _ level: Level, _ color: Bool) -> String {
        guard color else { return text }
        let code: String
        switch level {
        case .emergency, .urgent: code = "1;31"
        case .seeDoctor: code = "1;33"
        case .watch: code = "33"
        case .info: code = "36"
        case .none: code = "32"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}

extension StatusFormatter {
    /// The status as JSON for `status --json`.
    ///
    /// Shape (times are ISO 8601 with offset; `now` and window bounds in the user's zone,
    /// entry times as they were logged):
    /// ```
    /// {
    ///   "now": "2026-03-06T05:00:00+01:00",
    ///   "level": "see-doctor",                 // none | info | watch | see-doctor | urgent | emergency
    ///   "flags": [                             // most urgent first; each rule at most once
    ///     { "rule": "severe-72-96h", "level": "see-doctor",
    ///       "title": "Severe pain 72–96 h after the start",
    ///       "headline": "...", "action": "...",
    ///       "evidence": ["2026-03-06: pain 8, 83 h after it"],
    ///       "evidenceDates": ["2026-03-06"],
    ///       "window": { "start": "...", "end": "..." or null, "text": "96 h after Mon 18:00 deadlift = Fri 18:00" } or null,
    ///       "source": "main article title" or null,   // null only for log-today, lumbar's own rule
    ///       "sources": ["main title", "other title"],
    ///       "assessedAt": "2026-03-05T10:00:00+01:00" }   // only when a clinician's assessment covers it
    ///   ],
    ///   "episode": {                            // null when no episode is open
    ///     "onset":  { "id": "UUID", "date": "2026-03-03", "at": "...", "pain": 4 },
    ///     "day": 5, "peak": 8,
    ///     "latest": { "id": "UUID", "date": "2026-03-06", "at": "...", "pain": 8 },
    ///     "trigger": { "id": "UUID", "at": "...", "kind": "deadlift", "suddenPain": false, "hoursSince": 83 } or null
    ///   },
    ///   "ignoredFutureEntries": 0,              // check-ins and sessions after now, not counted
    ///   "safetyNet": "Get emergency care now ... for: ...",   // on every status, at any level
    ///   "disclaimer": "This is guidance drawn from the articles lumbar cites, not a diagnosis."
    /// }
    /// ```
    public static func json(_ status: Status) -> JSONValue {
        .object(
            JSONObject([
                ("now", .string(status.now.description)),
                ("level", .string(status.level.key)),
                ("flags", .array(status.flags.map(json))),
                ("episode", status.episode.map { json($0, day: status.episodeDay ?? 0, now: status.now) } ?? .null),
                ("ignoredFutureEntries", .int(status.ignoredFutureEntries)),
                ("safetyNet", .string(status.safetyNet)),
                ("disclaimer", .string(disclaimer)),
            ]))
    }

    /// One flag as JSON.
    public static func json(_ flag: RuleFlag) -> JSONValue {
        let window: JSONValue =
            flag.window.map {
                .object(
                    JSONObject([
                        ("start", .string($0.start.description)),
                        ("end", $0.end.map { .string($0.description) } ?? .null),
                        ("text", .string($0.text.text)),
                    ]))
            } ?? .null
        var members: [(String, JSONValue)] = [
            ("rule", .string(flag.rule.rawValue)),
            ("level", .string(flag.level.key)),
            ("title", .string(flag.rule.title)),
            ("headline", .string(flag.headline.text)),
            ("action", .string(flag.action.text)),
            ("evidence", .array(flag.evidence.map { .string($0.text) })),
            ("evidenceDates", .array(flag.evidenceDates.map { .string($0.description) })),
            ("window", window),
            ("source", flag.sources.first.map { .string($0.title) } ?? .null),
            ("sources", .array(flag.sources.map { .string($0.title) })),
        ]
        if let assessed = flag.assessedAt { members.append(("assessedAt", .string(assessed.description))) }
        return .object(JSONObject(members))
    }

    /// The open episode as JSON, with its `day`; `now` gives the hours since the trigger.
    static func json(_ episode: Episode, day: Int, now: Timestamp) -> JSONValue {
        func checkIn(_ c: CheckIn) -> JSONValue {
            .object(
                JSONObject([
                    ("id", .string(c.id.uuidString)), ("date", .string(c.date.description)),
                    ("at", .string(c.at.description)), ("pain", .int(c.pain)),
                ]))
        }
        let trigger: JSONValue =
            episode.trigger.map {
                .object(
                    JSONObject([
                        ("id", .string($0.id.uuidString)), ("at", .string($0.at.description)), ("kind", .string($0.kind)),
                        ("suddenPain", .bool($0.suddenPain)),
                        ("hoursSince", .int(Int((now.epochMilliseconds - $0.at.epochMilliseconds) / 3_600_000))),
                    ]))
            } ?? .null
        return .object(
            JSONObject([
                ("onset", checkIn(episode.onset)), ("day", .int(day)), ("peak", .int(episode.peak)),
                ("latest", checkIn(episode.latest)), ("trigger", trigger),
            ]))
    }
}
