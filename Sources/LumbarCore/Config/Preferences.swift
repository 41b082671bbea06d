/// The person's settings (from `config.toml`, the environment or a flag), with lumbar's defaults.
///
/// A plain value passed to what reads it, so every consumer can be tested with any setting
/// and, given `Preferences.standard`, behaves exactly as lumbar did before settings existed.
public struct Preferences: Hashable, Sendable {
    /// The day a calendar week begins on.
    public var weekStart: WeekStart
    /// How clock times are written.
    public var clock: ClockStyle
    /// When a check-in logged for an earlier date (with no time) is put on that date.
    public var backfillTime: TimeOfDay
    /// Ordinary symptoms to list first on the check-in form, in this order.
    public var usualSymptoms: [Symptom]
    /// Self-care to list first on the check-in form, in this order.
    public var usualCare: [SelfCare]
    /// Whether to colour output.
    public var color: ColorMode
    /// `remind` says nothing before this local hour (0: at any hour).
    public var remindHour: Int

    /// lumbar's defaults: Monday weeks, the 24-hour clock, backfill at 12:00, the form ordered
    /// from the log alone, colour on a terminal, reminders at any hour.
    public static let standard = Preferences()

    /// Settings with the given values; each left out is its default.
    public init(
        weekStart: WeekStart = .monday, clock: ClockStyle = .twentyFourHour, backfillTime: TimeOfDay = .noon,
        usualSymptoms: [Symptom] = [], usualCare: [SelfCare] = [], color: ColorMode = .auto, remindHour: Int = 0
    ) {
        self.weekStart = weekStart
        self.clock = clock
        self.backfillTime = backfillTime
        self.usualSymptoms = usualSymptoms
        self.usualCare = usualCare
        self.color = color
        self.remindHour = remindHour
    }

    /// The first day of a calendar week.
    public enum WeekStart: String, CaseIterable, Hashable, Sendable {
        case monday, sunday

        /// The ISO weekday (Monday 1 … Sunday 7) a week starts on.
        public var isoWeekday: Int { self == .monday ? 1 : 7 }

        /// The 0-based column of `date` in a week that starts on this day.
        public func column(of date: LocalDate) -> Int { (date.isoWeekday - isoWeekday + 7) % 7 }

        /// Two-letter day names in the order of this week ("Mo Tu … Su").
        public var dayInitials: [String] {
            let monday = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
            return self == .monday ? monday : ["Su"] + monday.dropLast()
        }
    }

    /// The 24-hour or the 12-hour clock.
    public enum ClockStyle: String, CaseIterable, Hashable, Sendable {
        case twentyFourHour = "24h"
        case twelveHour = "12h"
    }

    /// When colour is used.
    public enum ColorMode: String, CaseIterable, Hashable, Sendable {
        /// On a terminal, unless `NO_COLOR` is set or `TERM` is `dumb`.
        case auto
        /// Always, even into a pipe or with `NO_COLOR`.
        case always
        /// Never.
        case never

        /// Whether to colour, for an output that is or is not a terminal, in `environment`.
        public func enabled(isTerminal: Bool, environment: [String: String]) -> Bool {
            switch self {
            case .always: return true
            case .never: return false
            case .auto:
                if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
                if environment["TERM"] == "dumb" { return false }
                return isTerminal
            }
        }
    }
}
