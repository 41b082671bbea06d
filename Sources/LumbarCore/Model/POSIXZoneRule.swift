/// A POSIX `TZ` rule ("CET-1CEST,M3.5.0,M10.5.0/3"): a standard offset and, optionally, a
/// daylight-saving offset with the yearly dates it starts and ends.
///
/// It is what a TZif file's footer holds for times after its last transition, and what `TZ`
/// may hold instead of a zone name.
struct POSIXZoneRule: Sendable, Hashable {
    /// Seconds east of UTC outside daylight-saving time.
    let standardOffset: Int
    /// Seconds east of UTC during daylight-saving time, when the zone has it.
    let daylightOffset: Int?
    /// When daylight-saving time starts (in standard local time) and ends (in daylight local time).
    let start: Transition?
    let end: Transition?

    /// A yearly date and the local time of day at which the offset changes.
    struct Transition: Sendable, Hashable {
        enum Day: Sendable, Hashable {
            /// Day 1...365 of the year, February 29 never counted (`Jn`).
            case julianWithoutLeap(Int)
            /// Day 0...365 of the year, February 29 counted (`n`).
            case zeroBased(Int)
            /// Weekday `weekday` (0 = Sunday) of week 1...5 of `month` (5 = the last) (`Mm.w.d`).
            case monthWeekDay(month: Int, week: Int, weekday: Int)
        }
        let day: Day
        /// Seconds after local midnight (may be negative or beyond a day).
        let time: Int
    }

    /// Parses a rule, or returns nil when `text` is not one.
    init?(parsing text: String) {
        var scanner = Scanner(Array(text.utf8))
        guard scanner.name(), let std = scanner.offset(hoursLimit: 24) else { return nil }
        standardOffset = -std
        if scanner.atEnd {
            daylightOffset = nil
            start = nil
            end = nil
            return
        }
        guard scanner.name() else { return nil }
        if !scanner.atEnd, scanner.peek != UInt8(ascii: ",") {
            guard let dst = scanner.offset(hoursLimit: 24) else { return nil }
            daylightOffset = -dst
        } else {
            daylightOffset = standardOffset + 3600
        }
        if scanner.atEnd {
            // No dates: POSIX leaves them to the implementation; the tz code uses the US rules.
            start = Transition(day: .monthWeekDay(month: 3, week: 2, weekday: 0), time: 7200)
            end = Transition(day: .monthWeekDay(month: 11, week: 1, weekday: 0), time: 7200)
            return
        }
        guard scanner.take(","), let start = scanner.transition(), scanner.take(","),
            let end = scanner.transition(), scanner.atEnd
        else { return nil }
        self.start = start
        self.end = end
    }

    /// Seconds east of UTC in force at `t` (seconds since 1970).
    func offset(at t: Int64) -> Int {
        guard let daylightOffset, let start, let end else { return standardOffset }
        let year = Self.year(ofDay: Self.floorDiv(t + Int64(standardOffset), 86_400))
        let begins = start.instant(in: year, offsetBefore: standardOffset)
        let ends = end.instant(in: year, offsetBefore: daylightOffset)
        let inDaylight = begins < ends ? (t >= begins && t < ends) : !(t >= ends && t < begins)
        return inDaylight ? daylightOffset : standardOffset
    }

    // MARK: - Civil calendar (proleptic Gregorian, days since 1970-01-01)

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : (a - b + 1) / b
    }

    static func isLeap(_ year: Int64) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// Days from 1970-01-01 to `year`-`month`-`day` (Howard Hinnant's algorithm).
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func year(ofDay days: Int64) -> Int64 {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        return yoe + era * 400 + (month <= 2 ? 1 : 0)
    }
}

extension POSIXZoneRule.Transition {
    /// The instant of this transition in `year`, given the offset in force just before it.
    func instant(in year: Int64, offsetBefore: Int) -> Int64 {
        let dayNumber: Int64
        switch day {
        case .julianWithoutLeap(let n):
            // Day 60 is March 1 in every year: February 29 is skipped.
            let skipsLeapDay = POSIXZoneRule.isLeap(year) && n >= 60
            dayNumber = POSIXZoneRule.days(year: year, month: 1, day: 1) + Int64(n - 1) + (skipsLeapDay ? 1 : 0)
        case .zeroBased(let n):
            dayNumber = POSIXZoneRule.days(year: year, month: 1, day: 1) + Int64(n)
        case .monthWeekDay(let month, let week, let weekday):
            let first = POSIXZoneRule.days(year: year, month: Int64(month), day: 1)
            // 1970-01-01 was a Thursday (weekday 4).
            let firstWeekday = Int((first % 7 + 7 + 4) % 7)
            var dayOfMonth = 1 + (weekday - firstWeekday + 7) % 7 + (week - 1) * 7
            let nextMonth =
                month == 12
                ? POSIXZoneRule.days(year: year + 1, month: 1, day: 1)
                : POSIXZoneRule.days(year: year, month: Int64(month + 1), day: 1)
            let length = Int(nextMonth - first)
            while dayOfMonth > length { dayOfMonth -= 7 }
            dayNumber = first + Int64(dayOfMonth - 1)
        }
        return dayNumber * 86_400 + Int64(time) - Int64(offsetBefore)
    }
}

/// Reads the parts of a POSIX `TZ` rule.
private struct Scanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index >= bytes.count }
    var peek: UInt8? { atEnd ? nil : bytes[index] }

    mutating func take(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue, peek == ascii else { return false }
        index += 1
        return true
    }

    /// A zone abbreviation: three or more letters, or anything but '>' inside '<' '>'.
    mutating func name() -> Bool {
        if take("<") {
            let begin = index
            while let c = peek, c != UInt8(ascii: ">") { index += 1; _ = c }
            guard index - begin >= 3, take(">") else { return false }
            return true
        }
        let begin = index
        while let c = peek, (c >= 65 && c <= 90) || (c >= 97 && c <= 122) { index += 1 }
        return index - begin >= 3
    }

    mutating func number(maxDigits: Int) -> Int? {
        var value = 0, digits = 0
        while let c = peek, c >= 48, c <= 57, digits < maxDigits {
            value = value * 10 + Int(c - 48)
            digits += 1
            index += 1
        }
        return digits == 0 ? nil : value
    }

    /// `[+-]hh[:mm[:ss]]` in seconds, as written (positive west of Greenwich for offsets).
    mutating func offset(hoursLimit: Int) -> Int? {
        var sign = 1
        if take("-") { sign = -1 } else { _ = take("+") }
        guard let hours = number(maxDigits: 3), hours <= hoursLimit else { return nil }
        var seconds = hours * 3600
        if take(":") {
            guard let minutes = number(maxDigits: 2), minutes < 60 else { return nil }
            seconds += minutes * 60
            if take(":") {
                guard let secs = number(maxDigits: 2), secs < 60 else { return nil }
                seconds += secs
            }
        }
        return sign * seconds
    }

    mutating func transition() -> POSIXZoneRule.Transition? {
        let day: POSIXZoneRule.Transition.Day
        if take("M") {
            guard let month = number(maxDigits: 2), (1...12).contains(month), take("."),
                let week = number(maxDigits: 1), (1...5).contains(week), take("."),
                let weekday = number(maxDigits: 1), weekday <= 6
            else { return nil }
            day = .monthWeekDay(month: month, week: week, weekday: weekday)
        } else if take("J") {
            guard let n = number(maxDigits: 3), (1...365).contains(n) else { return nil }
            day = .julianWithoutLeap(n)
        } else {
            guard let n = number(maxDigits: 3), n <= 365 else { return nil }
            day = .zeroBased(n)
        }
        var time = 7200
        if take("/") {
            // RFC 8536 extends the hour to -167...167.
            guard let t = offset(hoursLimit: 167) else { return nil }
            time = t
        }
        return POSIXZoneRule.Transition(day: day, time: time)
    }
}
