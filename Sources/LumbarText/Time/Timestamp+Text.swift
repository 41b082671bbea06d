import LumbarCore

/// A time's clock reading as people read it.
extension Timestamp {
    /// "HH:MM" at the recorded offset.
    public var clockTime: String {
        let p = localParts
        return Digits.pad(p.hour, 2) + ":" + Digits.pad(p.minute, 2)
    }
}
