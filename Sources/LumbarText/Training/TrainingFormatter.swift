#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// Renders a `TrainingReport` for people (`lumbar training`) and for programs (`training --json`).
public enum TrainingFormatter {
    /// The line that says what the numbers are and are not.
    public static let factsLine = "Facts from your log, not a risk score: lumbar does not predict injuries from load."

    /// The human text: today's answer and why, the week's load, each kind, and what came before
    /// the episodes. Ends with a newline.
    public static func text(_ report: TrainingReport, timeZone: ZoneInfo, clock: Preferences.ClockStyle = .twentyFourHour) -> String {
        var lines = ["Today: " + report.today.answer.headline]
        lines += report.today.reasons.map { "  - " + $0.text }
        lines.append("  Source: " + StatusFormatter.sourceText(report.today.answer.sources))
        lines.append("")
        lines.append("Load: " + capitalized(LoadText.week(report.week)) + " (load = minutes × RPE).")
        if report.sessionsWithoutLoad > 0 {
            lines.append(
                "  \(report.sessionsWithoutLoad) of \(report.sessions) sessions have no minutes or RPE, so no load; log both with --minutes and --rpe."
            )
        }
        if !report.recentSessions.isEmpty {
            lines.append("")
            lines.append("Latest sessions (pain before → highest in the 24 h after):")
            lines += report.recentSessions.suffix(5).map { "  " + sessionText($0, timeZone: timeZone, clock: clock) }
        }
        lines.append("")
        lines.append("By kind of session:")
        if report.kinds.isEmpty {
            lines.append("  No sessions logged yet.")
        } else {
            lines.append("  " + kindHeader())
            lines += report.kinds.map { "  " + kindRow($0) }
            lines.append("  flared = pain 2 or more points higher in the 24 h after than before; triggered = began an episode.")
        }
        lines.append("")
        lines.append("Before each episode:")
        if report.leads.isEmpty {
            lines.append("  No episode of back pain in the log yet.")
        } else {
            for lead in report.leads.suffix(5) { lines.append("  " + leadText(lead, timeZone: timeZone, clock: clock)) }
            if report.leads.count > 5 { lines.append("  (the latest 5 of \(report.leads.count); --json lists them all)") }
            lines += report.counts.sentences.map { "  " + $0 }
        }
        lines.append("")
        lines.append(factsLine)
        lines.append(StatusFormatter.disclaimer)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The column titles of the per-kind table.
    public static func kindHeader() -> String {
        TextColumns.row(["kind", "sessions", "median load", "flared", "triggered", "sudden"], widths: kindWidths)
    }

    /// One kind as a table row.
    public static func kindRow(_ kind: KindSummary) -> String {
        TextColumns.row(
            [
                kind.kind, String(kind.sessions), kind.medianLoad.map { LoadText.number(Int($0.rounded())) } ?? "–",
                "\(kind.flared) of \(kind.judged)", String(kind.triggers), String(kind.suddenTriggers),
            ], widths: kindWidths)
    }

    static let kindWidths = [14, 8, 11, 8, 9, 6]

    /// "Tue 3 Mar: after the deadlift of Mon 2 Mar 18:00 (load 360, 27 % of the usual week; sudden); week 2,150, 60 % above the usual 1,340".
    public static func leadText(_ lead: EpisodeLead, timeZone: ZoneInfo, clock: Preferences.ClockStyle = .twentyFourHour) -> String {
        var text = lead.episode.onset.date.shortDescription + ": "
        if let trigger = lead.trigger {
            text += "after the \(trigger.session.kindName) of \(TimeText.dateTime(trigger.session.at, in: timeZone, clock: clock))"
            var details: [String] = []
            if let load = trigger.session.load {
                details.append("load \(LoadText.number(load))" + (lead.triggerShareOfUsual.map { ", \($0) % of the usual week" } ?? ""))
            } else {
                details.append("no load logged")
            }
            if trigger.isSudden { details.append("sudden") }
            text += " (" + details.joined(separator: "; ") + ")"
        } else {
            text += "no session in the \(Episode.triggerWindowHours) h before"
        }
        return text + "; " + LoadText.week(lead.week).replacing("this week", with: "week")
    }

    /// "Mon 2 Mar 18:00 deadlift, load 675: pain 1 → 6 (next morning 6); flared; sudden".
    public static func sessionText(_ pain: SessionPain, timeZone: ZoneInfo, clock: Preferences.ClockStyle = .twentyFourHour) -> String {
        var text = TimeText.dateTime(pain.session.at, in: timeZone, clock: clock) + " " + pain.session.kindName
        text += pain.session.load.map { ", load \(LoadText.number($0))" } ?? ", no load"
        text += ": pain " + (pain.before.map { String($0.pain) } ?? "–") + " → " + (pain.after.map { String($0.pain) } ?? "–")
        if let morning = pain.nextMorning { text += " (next morning \(morning.pain))" }
        if pain.flared { text += "; flared" }
        if pain.isSudden { text += "; sudden" }
        return text
    }

    /// The report as JSON for `training --json`.
    public static func json(_ report: TrainingReport, timeZone: ZoneInfo) -> JSONValue {
        let time = { (t: Timestamp) -> JSONValue in .string(t.converted(to: timeZone).description) }
        return .object(
            JSONObject([
                ("now", time(report.now)),
                ("today", todayJSON(report.today, time: time)),
                ("week", json(report.week)),
                ("weeks", .array(report.weeks.map { weekJSON($0, time: time) })),
                ("kinds", .array(report.kinds.map(kindJSON))),
                ("sessions", .int(report.sessions)),
                ("sessionsWithoutLoad", .int(report.sessionsWithoutLoad)),
                ("recentSessions", .array(report.recentSessions.map { sessionJSON($0, time: time) })),
                ("episodes", .array(report.leads.map { leadJSON($0, time: time) })),
                (
                    "episodeCounts",
                    .object(
                        JSONObject([
                            ("episodes", .int(report.counts.episodes)),
                            (
                                "afterKind",
                                .array(
                                    report.counts.afterKind.map {
                                        .object(JSONObject([("kind", .string($0.kind)), ("episodes", .int($0.episodes))]))
                                    })
                            ),
                            ("afterHeavyWeek", .int(report.counts.afterHeavyWeek)),
                            ("suddenTriggers", .int(report.counts.suddenTriggers)),
                        ]))
                ),
                ("note", .string(factsLine)),
            ]))
    }

    /// Today's answer: whether to train, why, and from which check-in and flags.
    private static func todayJSON(_ today: TrainingToday, time: (Timestamp) -> JSONValue) -> JSONValue {
        .object(
            JSONObject([
                ("answer", .string(today.answer.key)), ("headline", .string(today.answer.headline)),
                ("reasons", .array(today.reasons.map { .string($0.text) })),
                ("sources", .array(today.answer.sources.map { .string($0.title) })),
                ("pain", today.painCheckIn.map { .int($0.pain) } ?? .null),
                ("painAt", today.painCheckIn.map { time($0.at) } ?? .null),
                ("checkInIsStale", .bool(today.isStale)),
                ("flags", .array(today.unassessedFlags.map { .string($0.rule.rawValue) })),
            ]))
    }

    /// One kind of session: how many, their usual load, and how the back answered them.
    private static func kindJSON(_ kind: KindSummary) -> JSONValue {
        .object(
            JSONObject([
                ("kind", .string(kind.kind)), ("sessions", .int(kind.sessions)), ("sessionsWithoutLoad", .int(kind.sessionsWithoutLoad)),
                ("medianLoad", kind.medianLoad.map(number) ?? .null), ("judged", .int(kind.judged)), ("flared", .int(kind.flared)),
                ("triggers", .int(kind.triggers)), ("suddenTriggers", .int(kind.suddenTriggers)),
            ]))
    }

    /// One week's bar: its span, load, sessions and pain.
    private static func weekJSON(_ bar: WeekBar, time: (Timestamp) -> JSONValue) -> JSONValue {
        .object(
            JSONObject([
                ("start", time(bar.start)), ("end", time(bar.end)), ("load", .int(bar.load)), ("sessions", .int(bar.sessions)),
                ("highestPain", bar.highestPain.map(JSONValue.int) ?? .null), ("meanPain", bar.meanPain.map(number) ?? .null),
            ]))
    }

    /// One recent session with the pain before, after and the next morning.
    private static func sessionJSON(_ pain: SessionPain, time: (Timestamp) -> JSONValue) -> JSONValue {
        .object(
            JSONObject([
                ("kind", .string(pain.session.kindName)), ("at", time(pain.session.at)),
                ("load", pain.session.load.map(JSONValue.int) ?? .null),
                ("painBefore", pain.before.map { .int($0.pain) } ?? .null),
                ("painAfter", pain.after.map { .int($0.pain) } ?? .null),
                ("nextMorning", pain.nextMorning.map { .int($0.pain) } ?? .null),
                ("flared", .bool(pain.flared)), ("sudden", .bool(pain.isSudden)),
            ]))
    }

    /// One episode and what came before it: its trigger, the week's load, the kinds trained.
    private static func leadJSON(_ lead: EpisodeLead, time: (Timestamp) -> JSONValue) -> JSONValue {
        let trigger: JSONValue =
            lead.trigger.map {
                .object(
                    JSONObject([
                        ("kind", .string($0.session.kindName)), ("at", time($0.session.at)),
                        ("load", $0.session.load.map(JSONValue.int) ?? .null), ("sudden", .bool($0.isSudden)),
                    ]))
            } ?? .null
        return .object(
            JSONObject([
                ("onset", time(lead.episode.onset.at)), ("trigger", trigger),
                ("triggerShareOfUsual", lead.triggerShareOfUsual.map(JSONValue.int) ?? .null),
                ("week", json(lead.week)), ("kindsBefore", .array(lead.kindsBefore.map(JSONValue.string))),
            ]))
    }

    /// A load week as JSON: load, usual (rounded), change in percent, sessions.
    static func json(_ week: LoadWeek) -> JSONValue {
        .object(
            JSONObject([
                ("load", .int(week.load)), ("usual", .int(week.usualRounded)),
                ("changePercent", week.changePercent.map(JSONValue.int) ?? .null),
                ("atLeastOneAndAHalfTimesUsual", .bool(week.isHeavy)),
                ("sessions", .int(week.sessions)), ("sessionsWithoutLoad", .int(week.sessionsWithoutLoad)),
            ]))
    }

    /// A number with at most two decimals, written without a fraction when whole.
    static func number(_ value: Double) -> JSONValue {
        let hundredths = Int((value * 100).rounded())
        if hundredths % 100 == 0 { return .int(hundredths / 100) }
        let fraction = abs(hundredths % 100)
        let whole = (hundredths < 0 ? "-" : "") + String(abs(hundredths / 100))
        let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
        return .number(whole + "." + digits)
    }

    private static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}
