import LumbarCore

/// Bounds on what lumbar accepts as input, so that it never writes a journal it cannot read back.
enum StoreLimits {
    /// The instants (epoch milliseconds) that are in years 1–9999 in every time zone: from
    /// 0001-01-01T18:00Z to 9999-12-31T06:00Z, since UTC offsets reach ±18 hours.
    static let acceptedInstants: ClosedRange<Int64> = {
        let first = LocalDate(year: 1, month: 1, day: 1).map { Int64($0.dayNumber) } ?? 0
        let last = LocalDate(year: 9999, month: 12, day: 31).map { Int64($0.dayNumber) } ?? 0
        let day: Int64 = 86_400_000
        let hour: Int64 = 3_600_000
        return (first * day + 18 * hour)...(last * day + 6 * hour)
    }()
}
