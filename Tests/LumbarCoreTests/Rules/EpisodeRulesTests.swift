import Foundation
import Testing
@testable import LumbarCore
import LumbarText
import LumbarTestSupport

/// The episode rules, each with both sides of its boundaries. Stockholm, March 2026: the
/// deadlift is Mon 2 Mar 18:00 and the onset Tue 3 Mar 09:00 unless a test says otherwise.
@Suite("Episode rules")
struct EpisodeRulesTests {
    static let deadlift = "2026-03-02 18:00"
    static let onset = "2026-03-03 09:00"

    /// A journal with the deadlift and an onset of `pain`.
    static func base(onsetPain: Int = 4, suddenPain: Bool = false) -> JournalBuilder {
        var b = JournalBuilder()
        b.session(deadlift, suddenPain: suddenPain)
        b.checkIn(onset, pain: onsetPain)
        return b
    }

    // MARK: intense-pain

    @Test(
        "intense-pain: latest pain ≥ 7 within the last 7 days is watch, ≥ 9 see-doctor",
        arguments: [
            (7, 0, Level?.some(.watch)), (8, 0, .watch), (9, 0, .seeDoctor), (10, 0, .seeDoctor), (6, 0, nil),
            (7, 168 * 60, .watch), (7, 168 * 60 + 1, nil), (9, 168 * 60, .seeDoctor), (9, 168 * 60 + 1, nil),
        ])
    func intensePain(pain: Int, minutesLater: Int, expected: Level?) {
        var b = Self.base()
        b.checkIn("2026-03-04 09:00", pain: pain)
        let now = b.time("2026-03-04 09:00", plusHours: 0, minutes: minutesLater)
        #expect(b.level(.intensePain, at: now) == expected)
    }

    @Test("intense-pain reads the latest check-in, not the worst one")
    func intensePainLatest() {
        var b = Self.base(onsetPain: 9)
        b.checkIn("2026-03-04 09:00", pain: 3)
        #expect(b.level(.intensePain, at: "2026-03-04 10:00") == nil)
        let flag = Self.base(onsetPain: 8).flag(.intensePain, at: "2026-03-03 10:00")
        #expect(flag?.evidence.map(\.text) == ["2026-03-03: pain 8, latest check-in"])
        #expect(flag?.window?.text.text == "7 days after the check-in of Tue 3 Mar 09:00 = Tue 10 Mar 09:00")
        #expect(flag?.action.text.contains("96 h after the Mon 18:00 deadlift") == true)
    }

    // MARK: acute-injury

    @Test(
        "acute-injury: see-doctor when pain ≥ 7 within 48 h of a sudden-pain trigger, else watch",
        arguments: [
            (48 * 60, 7, Level?.some(.seeDoctor)), (48 * 60 + 1, 7, .watch), (24 * 60, 6, .watch), (30, 10, .seeDoctor),
        ])
    func acuteInjury(minutesAfterTrigger: Int, pain: Int, expected: Level?) {
        var b = Self.base(suddenPain: true)
        b.checkIn(b.time(Self.deadlift, plusHours: 0, minutes: minutesAfterTrigger), pain: pain)
        #expect(b.level(.acuteInjury, at: "2026-03-05 20:00") == expected)
    }

    @Test("acute-injury needs the trigger to be marked sudden pain")
    func acuteInjuryNeedsSuddenPain() {
        var b = Self.base(suddenPain: false)
        b.checkIn("2026-03-03 12:00", pain: 9)
        #expect(b.level(.acuteInjury, at: "2026-03-03 13:00") == nil)
        // A sudden session more than 7 days before the onset is too far.
        var far = JournalBuilder()
        far.session("2026-02-24 08:59", suddenPain: true)
        far.checkIn(Self.onset, pain: 8)
        #expect(far.status(at: "2026-03-03 10:00").episode?.trigger == nil)
        #expect(far.level(.acuteInjury, at: "2026-03-03 10:00") == nil)
    }

    @Test(
        "acute-injury: a first check-in days after a sudden session is judged on that check-in",
        arguments: [
            ("2026-02-24 09:00", 8, false, Level?.some(.seeDoctor)),  // exactly 7 days before the onset
            ("2026-02-24 08:59", 8, false, nil),  // a minute more
            ("2026-02-26 09:00", 6, false, .watch),  // not severe at the first check-in
            ("2026-02-26 09:00", 8, true, nil),  // a check-in came between: not a late first check-in
        ])
    func acuteInjuryLateFirstCheckIn(sessionAt: String, pain: Int, checkInBetween: Bool, expected: Level?) {
        var b = JournalBuilder()
        b.session(sessionAt, suddenPain: true)
        if checkInBetween { b.checkIn("2026-02-27 09:00", pain: 0) }
        b.checkIn(Self.onset, pain: pain)
        #expect(b.level(.acuteInjury, at: "2026-03-03 10:00") == expected)
    }

    @Test("acute-injury: a sudden session during the episode counts, and an easy session after it hides nothing")
    func acuteInjuryDuringEpisode() {
        var b = Self.base(onsetPain: 3)
        b.session("2026-03-05 18:00", "deadlift", suddenPain: true)
        b.checkIn("2026-03-05 20:00", pain: 8)
        b.session("2026-03-06 10:00", "walk")
        b.checkIn("2026-03-06 12:00", pain: 6)
        let flag = b.flag(.acuteInjury, at: "2026-03-06 13:00")
        #expect(flag?.level == .seeDoctor)
        #expect(flag?.evidence.first?.text == "2026-03-05: deadlift at 18:00, marked as sudden pain")
    }

    @Test(
        "acute-injury: a sharp-pain yes within 48 h makes a session sudden",
        arguments: [
            (48 * 60, Level?.some(.seeDoctor)), (48 * 60 + 1, nil),
        ])
    func acuteInjurySharpPain(minutesAfter: Int, expected: Level?) {
        var b = JournalBuilder()
        b.session(Self.deadlift)
        b.checkIn(b.time(Self.deadlift, plusHours: 0, minutes: 30), pain: 8)
        b.checkIn(b.time(Self.deadlift, plusHours: 0, minutes: minutesAfter), pain: 8, [.sharpPain])
        #expect(b.level(.acuteInjury, at: "2026-03-05 20:00") == expected)
    }

    @Test("acute-injury shows the 48 h window and what would escalate it")
    func acuteInjuryWindow() {
        let b = Self.base(suddenPain: true)
        let flag = b.flag(.acuteInjury, at: "2026-03-03 10:00")
        #expect(flag?.window?.text.text == "48 h after Mon 18:00 deadlift = Wed 18:00")
        #expect(flag?.action.text == "Keep logging; if the pain reaches 7/10 by Wed 18:00, book a doctor or physiotherapist.")
        #expect(flag?.evidence.first?.text == "2026-03-02: deadlift at 18:00, marked as sudden pain")
    }

    // MARK: severe-72-96h

    @Test(
        "severe-72-96h: watch from 72 h, see-doctor from 96 h, only while the latest pain is ≥ 7",
        arguments: [
            (71 * 60 + 59, 8, Level?.none), (72 * 60, 7, .watch), (95 * 60 + 59, 9, .watch),
            (96 * 60, 7, .seeDoctor), (100 * 60, 6, nil), (200 * 60, 7, .seeDoctor),
        ])
    func severe(minutesAfterTrigger: Int, pain: Int, expected: Level?) {
        var b = Self.base()
        let at = b.time(Self.deadlift, plusHours: 0, minutes: minutesAfterTrigger)
        b.checkIn(at, pain: pain)
        #expect(b.level(.severe72to96h, at: at) == expected)
    }

    @Test("severe-72-96h windows name the marks in local time")
    func severeWindows() {
        var b = Self.base()
        b.checkIn("2026-03-05 20:00", pain: 8)
        let watch = b.flag(.severe72to96h, at: "2026-03-05 21:00")
        #expect(watch?.window?.text.text == "72 h after Mon 18:00 deadlift = Thu 18:00; 96 h = Fri 18:00")
        #expect(watch?.action.text == "Keep logging; if it is still 7 or more at the 96 h mark (Fri 18:00), book a doctor or physiotherapist.")
        #expect(watch?.sources.first?.title == "When Post-Exercise Lower Back Discomfort Calls for Attention")
        b.checkIn("2026-03-06 18:30", pain: 8)
        let seeDoctor = b.flag(.severe72to96h, at: "2026-03-06 19:00")
        #expect(seeDoctor?.window?.text.text == "96 h after Mon 18:00 deadlift = Fri 18:00")
        #expect(seeDoctor?.headline.text.hasPrefix("Pain is still severe (8/10) 96 h after the Mon 18:00 deadlift") == true)
        #expect(seeDoctor?.evidenceDates.map(\.description) == ["2026-03-02", "2026-03-06"])
    }

    @Test(
        "severe-72-96h without a session counts from the onset",
        arguments: [
            (71 * 60 + 59, Level?.none), (72 * 60, .watch), (96 * 60, .seeDoctor),
        ])
    func severeWithoutTrigger(minutesAfterOnset: Int, expected: Level?) {
        var b = JournalBuilder()
        b.checkIn(Self.onset, pain: 8)
        let at = b.time(Self.onset, plusHours: 0, minutes: minutesAfterOnset)
        b.checkIn(at, pain: 8)
        #expect(b.level(.severe72to96h, at: at) == expected)
        if expected == .seeDoctor {
            #expect(b.flag(.severe72to96h, at: at)?.window?.text.text == "96 h after the onset at Tue 09:00 = Sat 09:00")
        }
    }

    // MARK: pain-2-4-weeks

    @Test(
        "pain-2-4-weeks: from day 14 see-doctor unless improved; from day 28 see-doctor",
        arguments: [
            (5, 4, 13, Level?.none), (5, 4, 14, .seeDoctor),
            (6, 4, 14, .watch),  // a drop of exactly 2 points
            (8, 7, 14, .seeDoctor),  // 1 point, 12.5 %
            (3, 2, 14, .watch),  // 1 point, 33 %
            (4, 3, 14, .seeDoctor),  // 1 point, 25 %
            (10, 7, 20, .watch),  // exactly 30 %
            (6, 4, 27, .watch), (6, 4, 28, .seeDoctor), (6, 1, 40, .seeDoctor),
            (6, 0, 28, nil),  // the latest check-in is pain-free: a lull, nothing to flag
        ])
    func painWeeks(peak: Int, latest: Int, day: Int, expected: Level?) {
        var b = JournalBuilder()
        b.checkIn(Self.onset, pain: peak)
        let date = LocalDate("2026-03-03")!.adding(days: day)
        b.checkIn("\(date) 09:00", pain: latest)
        #expect(b.level(.pain2to4Weeks, at: "\(date) 10:00") == expected)
    }

    @Test("pain-2-4-weeks counts calendar days from the onset date, not 24 h periods")
    func painWeeksCalendar() {
        var b = JournalBuilder()
        b.checkIn("2026-03-03 23:00", pain: 5)
        b.checkIn("2026-03-17 00:30", pain: 5)
        // 13 days and 1.5 h of real time, but 17 Mar is day 14.
        let flag = b.flag(.pain2to4Weeks, at: "2026-03-17 01:00")
        #expect(flag?.level == .seeDoctor)
        #expect(flag?.window?.text.text == "day 14 since Tue 3 Mar = Tue 17 Mar")
        #expect(b.level(.pain2to4Weeks, at: "2026-03-16 23:59") == nil)
    }

    @Test("pain-2-4-weeks at watch says when it escalates")
    func painWeeksWatch() {
        var b = JournalBuilder()
        b.checkIn(Self.onset, pain: 7)
        b.checkIn("2026-03-18 09:00", pain: 3)
        let flag = b.flag(.pain2to4Weeks, at: "2026-03-18 10:00")
        #expect(flag?.level == .watch)
        #expect(flag?.window?.text.text == "day 14 since Tue 3 Mar = Tue 17 Mar; day 28 = Tue 31 Mar")
        #expect(flag?.action.text.contains("day 28 (Tue 31 Mar)") == true)
        #expect(flag?.evidence.map(\.text) == ["2026-03-03: pain 7, onset, peak", "2026-03-18: pain 3, latest"])
    }

    @Test(
        "improved: a drop of 2 points or 30 % of the peak",
        arguments: [
            (10, 7, true), (10, 8, true), (8, 6, true), (8, 7, false), (3, 2, true), (4, 3, false),
            (2, 1, true), (1, 0, true), (5, 5, false), (4, 6, false), (10, 10, false),
        ])
    func improved(peak: Int, latest: Int, expected: Bool) {
        #expect(PainScale.isImproved(peak: peak, latest: latest) == expected)
    }

    // MARK: not-improving

    @Test(
        "not-improving: day 7 to 13, latest ≥ 1 and not improved",
        arguments: [
            (5, 5, 6, Level?.none), (5, 5, 7, .watch), (5, 4, 13, .watch), (5, 5, 14, nil),
            (5, 3, 10, nil),  // improved by 2
            (3, 2, 10, nil),  // improved by a third
            (5, 0, 10, nil),  // pain-free latest
        ])
    func notImproving(peak: Int, latest: Int, day: Int, expected: Level?) {
        var b = JournalBuilder()
        b.checkIn(Self.onset, pain: peak)
        let date = LocalDate("2026-03-03")!.adding(days: day)
        b.checkIn("\(date) 09:00", pain: latest)
        #expect(b.level(.notImproving, at: "\(date) 10:00") == expected)
    }

    // MARK: getting-worse

    @Test(
        "getting-worse: W starts at the 72 h mark (inclusive); latest ≥ 4 and ≥ 2 above the lowest other",
        arguments: [
            ("2026-03-05 18:00", 3, 5, Level?.some(.seeDoctor)),
            ("2026-03-05 17:59", 3, 5, nil),
            ("2026-03-05 18:00", 3, 4, nil),  // a rise of 1
            ("2026-03-05 18:00", 1, 3, nil),  // a rise within mild pain is not worse
            ("2026-03-05 18:00", 2, 4, .seeDoctor),
        ])
    func worse(lowAt: String, lowPain: Int, latestPain: Int, expected: Level?) {
        var b = Self.base()
        b.checkIn(lowAt, pain: lowPain)
        b.checkIn("2026-03-06 18:00", pain: latestPain)
        #expect(b.level(.gettingWorse, at: "2026-03-06 18:30") == expected)
    }

    @Test("getting-worse needs no self-care, and names the self-care logged in W")
    func worseNamesCare() {
        var b = Self.base()
        b.checkIn("2026-03-04 09:00", pain: 4, care: [.ice])
        b.checkIn("2026-03-05 19:00", pain: 3)
        b.checkIn("2026-03-06 18:00", pain: 5)
        let bare = b.flag(.gettingWorse, at: "2026-03-06 18:30")
        #expect(bare?.level == .seeDoctor)
        #expect(bare?.headline.text.hasPrefix("Pain rose from 3 to 5;") == true)
        var withCare = b
        withCare.checkIn("2026-03-06 19:00", pain: 6, care: [.heat, .rest])
        let flag = withCare.flag(.gettingWorse, at: "2026-03-06 19:30")
        #expect(flag?.headline.text.hasPrefix("Pain rose from 3 to 6 despite heat and rest;") == true)
        #expect(flag?.window?.text.text == "from 72 h after Mon 18:00 deadlift = Thu 18:00, to now")
    }

    @Test("getting-worse compares the latest with the lowest of the others")
    func worseLowestOther() {
        var b = Self.base()
        b.checkIn("2026-03-05 19:00", pain: 5, care: [.heat])
        b.checkIn("2026-03-06 09:00", pain: 3)
        b.checkIn("2026-03-06 18:00", pain: 5)
        #expect(b.level(.gettingWorse, at: "2026-03-06 18:30") == .seeDoctor)
        var flat = Self.base()
        flat.checkIn("2026-03-05 19:00", pain: 5, care: [.heat])
        flat.checkIn("2026-03-06 18:00", pain: 6)
        #expect(flat.level(.gettingWorse, at: "2026-03-06 18:30") == nil)
    }

    @Test(
        "getting-worse: W keeps only the 168 h up to now (inclusive)",
        arguments: [
            ("2026-03-13 12:00", Level?.some(.seeDoctor)), ("2026-03-13 12:01", nil),
        ])
    func worseWeek(now: String, expected: Level?) {
        var b = Self.base()
        b.checkIn("2026-03-06 12:00", pain: 2, care: [.ice])
        b.checkIn("2026-03-10 12:00", pain: 5, care: [.ice])
        b.checkIn("2026-03-13 12:00", pain: 6)
        #expect(b.level(.gettingWorse, at: now) == expected)
    }

    @Test("getting-worse without a trigger counts 72 h from the onset")
    func worseWithoutTrigger() {
        var b = JournalBuilder()
        b.checkIn(Self.onset, pain: 4)
        b.checkIn("2026-03-06 09:00", pain: 3, care: [.active])
        b.checkIn("2026-03-07 09:00", pain: 6)
        #expect(b.level(.gettingWorse, at: "2026-03-07 10:00") == .seeDoctor)
        var early = JournalBuilder()
        early.checkIn(Self.onset, pain: 4)
        early.checkIn("2026-03-06 08:59", pain: 3, care: [.active])
        early.checkIn("2026-03-07 09:00", pain: 6, care: [.active])
        #expect(early.level(.gettingWorse, at: "2026-03-07 10:00") == nil)
    }

    // MARK: six-week-risk

    @Test(
        "six-week-risk: day ≥ 42, pain not improved or severe, and a risk factor",
        arguments: [
            (6, 5, 42, Int?.none, true, Level?.some(.seeDoctor)),
            (6, 5, 41, nil, true, nil),
            (6, 4, 42, nil, true, nil),  // improved by 2 and not severe
            (10, 7, 42, nil, true, .seeDoctor),  // improved, but still severe
            (6, 5, 42, nil, false, nil),  // no risk factor
            (6, 0, 42, nil, true, nil),  // latest pain 0
            (6, 5, 42, 2007, false, .seeDoctor),  // age 19
            (6, 5, 42, 2006, false, nil),  // age 20
            (6, 5, 42, 1971, false, nil),  // age 55
            (6, 5, 42, 1970, false, .seeDoctor),  // age 56
        ])
    func sixWeeks(peak: Int, latest: Int, day: Int, birthYear: Int?, fever: Bool, expected: Level?) {
        var b = JournalBuilder()
        b.birthYear = birthYear
        // A yes the episode later answered no still counts as a risk factor.
        b.checkIn(Self.onset, pain: peak, fever ? [.fever] : [])
        let date = LocalDate("2026-03-03")!.adding(days: day)
        b.checkIn("\(date) 09:00", pain: latest, no: [.fever])
        #expect(b.level(.sixWeekRisk, at: "\(date) 10:00") == expected)
    }

    @Test("six-week-risk: any profile history item is a risk factor")
    func sixWeeksHistory() {
        var b = JournalBuilder()
        b.history = [.osteoporosis]
        b.checkIn(Self.onset, pain: 5)
        b.checkIn("2026-04-14 09:00", pain: 5)
        #expect(b.level(.sixWeekRisk, at: "2026-04-14 10:00") == .seeDoctor)
        #expect(b.level(.sixWeekRisk, at: "2026-04-13 23:00") == nil)
    }

    @Test(
        "six-week-risk reads weight loss and tender-to-tap anywhere in the episode, not before it",
        arguments: [Symptom.weightLoss, .tenderToTap, .fever])
    func sixWeeksSymptoms(symptom: Symptom) {
        var b = JournalBuilder()
        b.checkIn("2026-02-20 09:00", pain: 0, [symptom])
        b.checkIn("2026-02-21 09:00", pain: 0)
        b.checkIn(Self.onset, pain: 6)
        b.checkIn("2026-03-20 09:00", pain: 6)
        b.checkIn("2026-04-14 09:00", pain: 5)
        #expect(b.level(.sixWeekRisk, at: "2026-04-14 10:00") == nil)
        b.checkIn("2026-03-21 09:00", pain: 6, [symptom])
        let flag = b.flag(.sixWeekRisk, at: "2026-04-14 10:00")
        #expect(flag?.level == .seeDoctor)
        #expect(flag?.evidence.map(\.text).contains("2026-03-21: pain 6, \(symptom.label)") == true)
        #expect(flag?.window?.text.text == "day 42 since Tue 3 Mar = Tue 14 Apr")
    }

    @Test("an entry that is evidence twice gets one line with both details")
    func mergedEvidence() {
        var b = JournalBuilder()
        b.birthYear = 1960
        b.checkIn(Self.onset, pain: 6)
        b.checkIn("2026-04-15 09:00", pain: 6, [.fever])
        let flag = b.flag(.sixWeekRisk, at: "2026-04-15 10:00")
        #expect(
            flag?.evidence.map(\.text) == [
                "2026-03-03: pain 6, onset, peak", "2026-04-15: pain 6, latest, fever", "profile: born 1960, age 66 in 2026",
            ])
        #expect(flag?.evidenceDates.map(\.description) == ["2026-03-03", "2026-04-15"])
        #expect(
            flag?.headline.text == "Pain has lasted 43 days, is not improving (peak 6, now 6), with a risk factor the articles name: age 66, fever.")
    }

    // MARK: doms-window

    @Test(
        "doms-window: info while now < trigger + 72 h and peak ≤ 6",
        arguments: [
            (71 * 60 + 59, 6, Level?.some(.info)), (72 * 60, 4, nil), (10 * 60, 7, nil), (20 * 60, 1, .info),
        ])
    func doms(minutesAfterTrigger: Int, peak: Int, expected: Level?) {
        let b = Self.base(onsetPain: peak)
        #expect(b.level(.domsWindow, at: b.time(Self.deadlift, plusHours: 0, minutes: minutesAfterTrigger)) == expected)
    }

    @Test("doms-window says what is typical and when the window ends")
    func domsText() {
        let flag = Self.base().flag(.domsWindow, at: "2026-03-03 10:00")
        #expect(flag?.window?.text.text == "72 h after Mon 18:00 deadlift = Thu 18:00")
        #expect(flag?.action.text.contains("24–48 h") == true)
        #expect(flag?.action.text.contains("(Thu 18:00)") == true)
        #expect(flag?.sources.count == 3)
        var noTrigger = JournalBuilder()
        noTrigger.checkIn(Self.onset, pain: 3)
        #expect(noTrigger.level(.domsWindow, at: "2026-03-03 10:00") == nil)
    }

    // MARK: log-today

    @Test(
        "log-today: now's date at least 2 calendar days after the latest check-in's date",
        arguments: [
            ("2026-03-05 00:10", Level?.some(.info)), ("2026-03-04 23:59", nil),
        ])
    func logToday(now: String, expected: Level?) {
        var b = JournalBuilder()
        b.checkIn("2026-03-03 23:50", pain: 3)
        #expect(b.level(.logToday, at: now) == expected)
        #expect(b.flag(.logToday, at: now)?.sources.isEmpty ?? true)
    }

    @Test("log-today needs an open episode")
    func logTodayNeedsEpisode() {
        var b = JournalBuilder()
        b.checkIn("2026-03-01 09:00", pain: 0)
        #expect(b.status(at: "2026-03-10 09:00").flags.isEmpty)
    }

    // MARK: the whole status

    @Test("each rule id at most once, the level is the highest, and the episode summary is filled in")
    func wholeStatus() {
        var b = Self.base(onsetPain: 5, suddenPain: true)
        b.checkIn("2026-03-04 09:00", pain: 8, [.numbness])
        b.checkIn("2026-03-06 19:00", pain: 8, [.numbness, .legWeakness])
        let status = b.status(at: "2026-03-06 20:00")
        #expect(Set(status.flags.map(\.rule)).count == status.flags.count)
        #expect(status.flags.map(\.rule) == [.legWeakness, .nerveSigns, .acuteInjury, .severe72to96h, .intensePain])
        #expect(status.level == .urgent)
        #expect(status.episodeDay == 3)
        #expect(status.episode?.peak == 8)
        #expect(status.episode?.onset.at == b.time(Self.onset))
        #expect(status.episode?.trigger?.kind == "deadlift")
        #expect(status.now == b.time("2026-03-06 20:00"))
    }
}
