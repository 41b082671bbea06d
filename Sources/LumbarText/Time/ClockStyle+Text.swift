import LumbarCore

/// Clock times in the person's chosen style.
extension Preferences.ClockStyle {
    /// `hour`:`minute` in this style: "18:05", or "6:05 PM".
    public func format(hour: Int, minute: Int) -> String {
        let mm = Digits.pad(minute, 2)
        switch self {
        case .twentyFourHour:
            return Digits.pad(hour, 2) + ":" + mm
        case .twelveHour:
            let h = hour % 12 == 0 ? 12 : hour % 12
            return "\(h):\(mm) " + (hour < 12 ? "AM" : "PM")
        }
    }

    /// The clock time of `time` at its own offset in this style.
    public func format(_ time: Timestamp) -> String {
        let parts = time.localParts
        return format(hour: parts.hour, minute: parts.minute)
    }
}
