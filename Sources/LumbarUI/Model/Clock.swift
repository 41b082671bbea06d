import LumbarCore

/// A wall-clock time of day, "HH:MM".
struct Clock: Hashable, Sendable, CustomStringConvertible {
    var hour: Int
    var minute: Int

    /// Parses "H:MM", "HH:MM" or "HHMM".
    init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        var h: Int?
        var m: Int?
        if parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2 {
            h = Int(parts[0])
            m = Int(parts[1])
        } else if parts.count == 1, text.count == 4 {
            h = Int(text.prefix(2))
            m = Int(text.suffix(2))
        }
        guard let h, let m, (0...23).contains(h), (0...59).contains(m) else { return nil }
        hour = h
        minute = m
    }

    init(_ time: TimeOfDay) {
        hour = time.hour
        minute = time.minute
    }

    init(timestamp: Timestamp) {
        let parts = timestamp.localParts
        hour = parts.hour
        minute = parts.minute
    }

    var description: String {
        (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }
}
