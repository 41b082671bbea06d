/// A local clock time without a date: hour and minute.
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// 0–23.
    public let hour: Int
    /// 0–59.
    public let minute: Int

    /// 12:00, clear of the small hours that daylight-saving changes skip or repeat.
    public static let noon = TimeOfDay(validHour: 12, minute: 0)

    /// A time from its parts; `nil` outside 0:00–23:59.
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    private init(validHour: Int, minute: Int) {
        hour = validHour
        self.minute = minute
    }

    /// "H:MM" or "HH:MM"; `nil` for any other text or a time past 23:59.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return nil }
        self.init(hour: hour, minute: minute)
    }

    /// The wall-clock time of `timestamp` at its recorded offset.
    public init(timestamp: Timestamp) {
        let parts = timestamp.localParts
        self.init(validHour: parts.hour, minute: parts.minute)
    }

    /// "HH:MM".
    public var description: String { Digits.pad(hour, 2) + ":" + Digits.pad(minute, 2) }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { (lhs.hour, lhs.minute) < (rhs.hour, rhs.minute) }
}
