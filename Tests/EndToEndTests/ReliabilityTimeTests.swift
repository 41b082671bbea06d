import Foundation
import LumbarCore
import Testing

/// Promise 8: clocks set back, time zones changed, leap days and DST never move, drop or miscount an entry.
@Suite("Reliability: time")
struct ReliabilityTimeTests {
    /// The flags `status --json` reports, rule id → level.
    static func flags(
        _ sandbox: ReliabilitySandbox, now: String, timeZone: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [String: String] {
        let outcome = try sandbox.lumbar(["status", "--json", "--now", now], timeZone: timeZone)
        try #require(outcome.status == .exited(0), "\(outcome)", sourceLocation: sourceLocation)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any], sourceLocation: sourceLocation)
        let flags = try #require(root["flags"] as? [[String: Any]], "no flags array in \(outcome.stdout)", sourceLocation: sourceLocation)
        var result: [String: String] = [:]
        for flag in flags {
            if let rule = flag["rule"] as? String, let level = flag["level"] as? String { result[rule] = level }
        }
        return result
    }

    /// Logs a check-in and requires success.
    static func log(
        _ sandbox: ReliabilitySandbox, _ arguments: [String], timeZone: String? = nil, now: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let outcome = try sandbox.lumbar(arguments, timeZone: timeZone, now: now)
        try #require(outcome.status == .exited(0), "lumbar \(arguments.joined(separator: " ")): \(outcome)", sourceLocation: sourceLocation)
    }

    @Test("With the clock set before the newest entry, later entries are ignored by the rules and never dropped by a save")
    func clockSetBack() throws {
        let sandbox = try ReliabilitySandbox(timeZone: "Europe/Berlin")
        for day in 1...3 {
            try Self.log(sandbox, ["checkin", "--pain", "2", "--note", "rel-\(day)"], now: "2026-03-0\(day)T09:00:00+01:00")
        }
        try Self.log(sandbox, ["checkin", "--pain", "6", "--symptom", "bladder-bowel", "--note", "rel-future"], now: "2026-03-10T09:00:00+01:00")
        let before = try sandbox.load()

        // Control: at the time of the newest entry, its red flag is raised.
        #expect(try Self.flags(sandbox, now: "2026-03-10T12:00:00+01:00")["bladder-bowel"] == "emergency")
        // With the clock back on the 5th, the entry of the 10th has not happened yet.
        let earlier = try Self.flags(sandbox, now: "2026-03-05T12:00:00+01:00")
        #expect(earlier["bladder-bowel"] == nil, "an entry after now was counted: \(earlier)")

        try Self.log(sandbox, ["checkin", "--pain", "1", "--note", "rel-clock-back"], now: "2026-03-05T12:00:00+01:00")
        let after = try sandbox.load()
        #expect(after.checkIns.map(\.note) == ["rel-1", "rel-2", "rel-3", "rel-clock-back", "rel-future"])
        for entry in before.checkIns {
            #expect(after.checkIn(id: entry.id) == entry, "\(entry.note) changed when a check-in was saved with the clock set back")
        }
        let history = try sandbox.lumbar(["history"], now: "2026-03-05T12:00:00+01:00")
        #expect(history.stdout.contains("rel-future"), "history hides an entry after now: \(history.stdout)")
    }

    @Test("A time zone change between two runs changes no entry's date, time or offset")
    func timeZoneChanged() throws {
        let sandbox = try ReliabilitySandbox()
        // 07:30 on the 3rd in Tokyo is 14:30 on the 2nd in Los Angeles.
        try Self.log(sandbox, ["checkin", "--pain", "4", "--note", "rel-tokyo"], timeZone: "Asia/Tokyo", now: "2026-03-03T07:30:00+09:00")
        // The store keeps one entry per line; compare the line without the comma that joins it to the next.
        func storedLine() -> String? {
            String(decoding: sandbox.bytes(), as: UTF8.self).split(separator: "\n").first { $0.contains("rel-tokyo") }
                .map { $0.hasSuffix(",") ? String($0.dropLast()) : String($0) }
        }
        let tokyoLine = storedLine()
        try Self.log(sandbox, ["checkin", "--pain", "2", "--note", "rel-la"], timeZone: "America/Los_Angeles", now: "2026-03-03T10:00:00-08:00")
        let journal = try sandbox.load()
        let tokyo = try #require(journal.checkIns.first { $0.note == "rel-tokyo" })
        #expect(tokyo.date.description == "2026-03-03")
        #expect(tokyo.at.description == "2026-03-03T07:30:00+09:00")
        #expect(tokyoLine != nil && storedLine() == tokyoLine, "the stored entry was rewritten in another time zone")

        // Seen from Los Angeles, the entry still belongs to the 3rd.
        let onThird = try sandbox.lumbar(["history", "--since", "2026-03-03", "--until", "2026-03-03"], timeZone: "America/Los_Angeles")
        #expect(onThird.stdout.contains("rel-tokyo") && onThird.stdout.contains("rel-la"), "\(onThird)")
        let onSecond = try sandbox.lumbar(["history", "--since", "2026-03-02", "--until", "2026-03-02"], timeZone: "America/Los_Angeles")
        #expect(!onSecond.stdout.contains("rel-tokyo"), "the entry moved to the previous day in another zone: \(onSecond.stdout)")
        let json = try sandbox.lumbar(["history", "--json"], timeZone: "UTC")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let dates = (root["checkIns"] as? [[String: Any]])?.compactMap { $0["date"] as? String }
        #expect(dates == ["2026-03-03", "2026-03-03"])
    }

    @Test("A leap day: logged, backfilled and listed as 29 February; 29 February of a common year refused; day counts across it are calendar days")
    func leapDay() throws {
        let sandbox = try ReliabilitySandbox(timeZone: "Europe/Berlin")
        try Self.log(sandbox, ["checkin", "--pain", "3", "--note", "rel-leap-now"], now: "2028-02-29T20:00:00+01:00")
        try Self.log(sandbox, ["checkin", "--pain", "2", "--date", "2028-02-29", "--note", "rel-leap-backfill"], now: "2028-03-01T09:00:00+01:00")
        try Self.log(sandbox, ["checkin", "--pain", "2", "--at", "2028-02-29T23:59", "--note", "rel-leap-late"], now: "2028-03-01T09:00:00+01:00")
        let journal = try sandbox.load()
        #expect(journal.checkIns.map(\.date.description) == ["2028-02-29", "2028-02-29", "2028-02-29"])
        let listed = try sandbox.lumbar(["history", "--since", "2028-02-29", "--until", "2028-02-29"])
        #expect(listed.stdout.split(separator: "\n").count == 3, "\(listed.stdout)")

        let common = try sandbox.lumbar(["checkin", "--pain", "2", "--date", "2027-02-29"], now: "2027-03-05T09:00:00+01:00")
        #expect(common.status == .exited(64) && common.stderr.contains("2027-02-29"), "\(common)")
        let bad = try sandbox.lumbar(["checkin", "--pain", "2", "--at", "2027-02-29T10:00"], now: "2027-03-05T09:00:00+01:00")
        #expect(bad.status == .exited(64), "\(bad)")

        // Day 27 and day 28 of an episode that began on 15 February 2028 (29 days that February).
        let episode = try ReliabilitySandbox(timeZone: "Europe/Berlin")
        try Self.log(episode, ["checkin", "--pain", "8", "--at", "2028-02-15T09:00"], now: "2028-02-15T09:00:00+01:00")
        try Self.log(episode, ["checkin", "--pain", "4", "--at", "2028-03-12T09:00"], now: "2028-03-12T09:00:00+01:00")
        #expect(try Self.flags(episode, now: "2028-03-13T12:00:00+01:00")["pain-2-4-weeks"] == "watch", "day 27 (improved) should be watch")
        #expect(try Self.flags(episode, now: "2028-03-14T12:00:00+01:00")["pain-2-4-weeks"] == "see-doctor", "day 28 should be see-doctor")
    }

    @Test("A journal across both DST changes: the skipped hour refused, the repeated hour kept in order, offsets and dates stable")
    func daylightSaving() throws {
        let sandbox = try ReliabilitySandbox(timeZone: "Europe/Berlin")
        let now = "2026-11-01T12:00:00+01:00"
        for (at, note) in [
            ("2026-03-29T01:30", "spring-before"), ("2026-03-29T03:30", "spring-after"),
            ("2026-10-25T01:30", "fall-before"), ("2026-10-25T02:30", "fall-first-0230"),
            ("2026-10-25T02:30+01:00", "fall-second-0230"), ("2026-10-25T03:30", "fall-after"),
        ] {
            try Self.log(sandbox, ["checkin", "--pain", "2", "--at", at, "--note", note], now: now)
        }
        let skipped = try sandbox.lumbar(["checkin", "--pain", "2", "--at", "2026-03-29T02:30"], now: now)
        #expect(skipped.status == .exited(64) && skipped.stderr.contains("does not exist"), "\(skipped)")

        let journal = try sandbox.load()
        #expect(
            journal.checkIns.map(\.note) == ["spring-before", "spring-after", "fall-before", "fall-first-0230", "fall-second-0230", "fall-after"])
        #expect(
            journal.checkIns.map(\.at.description) == [
                "2026-03-29T01:30:00+01:00", "2026-03-29T03:30:00+02:00",
                "2026-10-25T01:30:00+02:00", "2026-10-25T02:30:00+02:00", "2026-10-25T02:30:00+01:00", "2026-10-25T03:30:00+01:00",
            ])
        #expect(Set(journal.checkIns.map(\.date.description)) == ["2026-03-29", "2026-10-25"])
        let spring = journal.checkIns[0].at.hours(to: journal.checkIns[1].at)
        let fall = journal.checkIns[2].at.hours(to: journal.checkIns[5].at)
        #expect(spring == 1 && fall == 3, "real hours across the changes: \(spring), \(fall)")

        // Rewritten from another zone, every entry keeps its offset and date.
        try Self.log(sandbox, ["checkin", "--pain", "1", "--note", "rel-utc"], timeZone: "UTC", now: "2026-11-02T12:00:00Z")
        let again = try sandbox.load()
        for entry in journal.checkIns { #expect(again.checkIn(id: entry.id) == entry) }
        let history = try sandbox.lumbar(["history"])
        let order = ["spring-before", "spring-after", "fall-before", "fall-first-0230", "fall-second-0230", "fall-after"]
            .compactMap { note in history.stdout.range(of: note)?.lowerBound }
        #expect(order == order.sorted() && order.count == 6, "history is out of time order:\n\(history.stdout)")
    }

    @Test(
        "The 72-hour soreness window counts real hours across both DST changes, not wall-clock hours",
        arguments: [("2026-03-27T18:00", "2026-03-30T18:30", "2026-03-30T19:15"), ("2026-10-23T18:00", "2026-10-26T16:45", "2026-10-26T17:15")])
    func realHoursAcrossDaylightSaving(session: String, inside: String, outside: String) throws {
        let sandbox = try ReliabilitySandbox(timeZone: "Europe/Berlin")
        try Self.log(sandbox, ["session", "--kind", "run", "--at", session], now: session + ":00Z")
        let day = String(session.prefix(8)) + String(format: "%02d", Int(session.dropFirst(8).prefix(2))! + 1)
        try Self.log(sandbox, ["checkin", "--pain", "4", "--at", day + "T09:00"], now: day + "T09:00:00Z")
        // Under 72 real hours (a wall clock says 72.5 in spring) and 72.25 real hours (a wall clock says 71.25 in autumn).
        #expect(try Self.flags(sandbox, now: inside)["doms-window"] == "info", "under 72 real hours after the session at \(inside)")
        #expect(try Self.flags(sandbox, now: outside)["doms-window"] == nil, "over 72 real hours after the session at \(outside)")
    }
}
