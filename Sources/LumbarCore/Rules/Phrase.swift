/// A sentence as Core words it, with its times, dates and loads kept as values: LumbarText writes them.
///
/// The rules decide what a flag or a training reason says; how "Mon 18:00" or "2,150" reads is
/// presentation, so Core never turns a time or a load into characters. Rule code builds one with
/// string interpolation: `"last check-in \(dateTime: latest.at, in: zone), \(days) days ago"`.
public struct Phrase: Hashable, Sendable, ExpressibleByStringInterpolation {
    /// One piece of a phrase.
    public enum Part: Hashable, Sendable {
        /// Words as they are.
        case text(String)
        /// An instant, written as `Time` says.
        case time(Time)
        /// A calendar date, "Tue 3 Mar"; with the year ("Thu 7 Apr 2022") when it is not the year of `seenOn`.
        case date(LocalDate, seenOn: LocalDate?)
        /// A load (minutes × RPE), written with thousands separated.
        case load(Int)
    }

    /// An instant and everything needed to write it: the form, the zone, the clock.
    public struct Time: Hashable, Sendable {
        /// The forms a time is written in.
        public enum Style: Hashable, Sendable {
            /// "Mon 18:00".
            case weekdayTime
            /// "Mon 2 Mar 18:00".
            case dateTime
            /// The weekday form within 6 days of `reference`, else the dated form.
            case near(reference: Timestamp)
            /// "18:00": the clock time alone.
            case clock
        }

        /// The instant.
        public var instant: Timestamp
        /// The form.
        public var style: Style
        /// The zone it is seen in.
        public var zone: ZoneInfo
        /// The 24- or 12-hour clock.
        public var clock: Preferences.ClockStyle

        /// `instant` in `style`, seen in `zone` on `clock`.
        public init(_ instant: Timestamp, style: Style, in zone: ZoneInfo, clock: Preferences.ClockStyle = .twentyFourHour) {
            self.instant = instant
            self.style = style
            self.zone = zone
            self.clock = clock
        }
    }

    /// The parts in order; neighbouring words are kept as one text part and empty ones dropped,
    /// so two phrases that read alike are equal.
    public private(set) var parts: [Part] = []

    /// A phrase of `parts`.
    public init(parts: [Part]) {
        for part in parts { append(part) }
    }

    /// A phrase of plain words.
    public init(_ text: String) { append(.text(text)) }

    /// A phrase of plain words.
    public init(stringLiteral value: String) { self.init(value) }

    /// A phrase built by string interpolation.
    public init(stringInterpolation: StringInterpolation) { parts = stringInterpolation.phrase.parts }

    /// Whether it has no parts.
    public var isEmpty: Bool { parts.isEmpty }

    /// Adds `part` at the end.
    public mutating func append(_ part: Part) {
        guard case .text(let text) = part else {
            parts.append(part)
            return
        }
        guard !text.isEmpty else { return }
        if case .text(let last) = parts.last {
            parts[parts.count - 1] = .text(last + text)
        } else {
            parts.append(part)
        }
    }

    /// Adds `other` at the end.
    public mutating func append(_ other: Phrase) {
        for part in other.parts { append(part) }
    }

    /// Adds plain words at the end.
    public mutating func append(_ text: String) { append(.text(text)) }

    /// `lhs` followed by `rhs`.
    public static func + (lhs: Phrase, rhs: Phrase) -> Phrase {
        var joined = lhs
        joined.append(rhs)
        return joined
    }

    private init() {}

    /// The pieces of an interpolated phrase literal.
    public struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var phrase = Phrase()

        /// An empty interpolation.
        public init(literalCapacity: Int, interpolationCount: Int) {}

        /// Words of the literal.
        public mutating func appendLiteral(_ literal: String) { phrase.append(literal) }

        /// Words.
        public mutating func appendInterpolation(_ text: String) { phrase.append(text) }

        /// A count, a pain score or hours, written in digits.
        public mutating func appendInterpolation(_ number: some BinaryInteger) { phrase.append(String(number)) }

        /// Another phrase.
        public mutating func appendInterpolation(_ other: Phrase) { phrase.append(other) }

        /// "Mon 18:00".
        public mutating func appendInterpolation(weekdayTime time: Timestamp, in zone: ZoneInfo, clock: Preferences.ClockStyle = .twentyFourHour) {
            phrase.append(.time(Time(time, style: .weekdayTime, in: zone, clock: clock)))
        }

        /// "Mon 2 Mar 18:00".
        public mutating func appendInterpolation(dateTime time: Timestamp, in zone: ZoneInfo, clock: Preferences.ClockStyle = .twentyFourHour) {
            phrase.append(.time(Time(time, style: .dateTime, in: zone, clock: clock)))
        }

        /// "Mon 18:00" within 6 days of `reference`, else "Mon 2 Mar 18:00".
        public mutating func appendInterpolation(
            near time: Timestamp, reference: Timestamp, in zone: ZoneInfo, clock: Preferences.ClockStyle = .twentyFourHour
        ) {
            phrase.append(.time(Time(time, style: .near(reference: reference), in: zone, clock: clock)))
        }

        /// "18:00".
        public mutating func appendInterpolation(clock time: Timestamp, in zone: ZoneInfo, clock: Preferences.ClockStyle = .twentyFourHour) {
            phrase.append(.time(Time(time, style: .clock, in: zone, clock: clock)))
        }

        /// "Tue 3 Mar".
        public mutating func appendInterpolation(date: LocalDate) { phrase.append(.date(date, seenOn: nil)) }

        /// "Tue 3 Mar" in the year of `today`, else "Thu 7 Apr 2022".
        public mutating func appendInterpolation(date: LocalDate, seenOn today: LocalDate) { phrase.append(.date(date, seenOn: today)) }

        /// "2,150".
        public mutating func appendInterpolation(load: Int) { phrase.append(.load(load)) }
    }
}
