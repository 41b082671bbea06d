/// `recurring-pain`: pain on many of the last 28 dates, over two or more episodes.
enum RecurringPainRule {
    /// The counted dates needed among the 28.
    static let countedDates = 14

    /// The flag, or `nil` when the pain does not keep coming back.
    static func flag(_ context: RuleContext) -> RuleFlag? {
        let first = context.windowStart
        let checkIns = context.journal.checkIns
        var index = ChronologicalSearch.start(
            of: checkIns[..<context.checkInEnd],
            from: first.start(in: context.timeZone).epochMilliseconds - RuleContext.dateSlack, by: \.at)
        // For each counted date, the episodes (by position in recentEpisodes) its counted check-ins belong to.
        var counted: [LocalDate: CheckIn] = [:]
        var episodes = Set<Int>()
        var episodeIndex = 0
        let recent = context.recentEpisodes
        while index < context.checkInEnd {
            let checkIn = checkIns[index]
            defer { index += 1 }
            guard checkIn.date >= first, checkIn.date <= context.today, checkIn.pain >= 1,
                !context.isTrainingSoreness(checkIn)
            else { continue }
            while episodeIndex < recent.count, recent[episodeIndex].checkInRange.upperBound <= index { episodeIndex += 1 }
            if episodeIndex < recent.count, recent[episodeIndex].checkInRange.contains(index) { episodes.insert(episodeIndex) }
            if counted[checkIn.date] == nil { counted[checkIn.date] = checkIn }
        }
        let lastWeek = context.today.adding(days: -6)
        guard counted.count >= countedDates, counted.keys.contains(where: { $0 >= lastWeek }), episodes.count >= 2 else { return nil }
        var evidence = EvidenceList()
        for date in counted.keys.sorted() {
            if let checkIn = counted[date] { evidence.add(checkIn) }
        }
        let window = FlagWindow(
            start: first.start(in: context.timeZone), end: context.now,
            text: "the 28 dates \(date: first) – \(date: context.today)")
        return RuleFlag(
            rule: .recurringPain, level: .seeDoctor,
            headline:
                "Pain on \(counted.count) of the last 28 dates, over \(episodes.count) episodes: the articles treat pain that keeps coming back as a reason to be seen.",
            action: Phrase(Level.seeDoctor.action), evidence: evidence.lines, evidenceDates: evidence.dates,
            window: window, sources: RuleID.recurringPain.sources)
    }
}
