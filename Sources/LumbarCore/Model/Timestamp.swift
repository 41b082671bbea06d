#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An instant together with the UTC offset it was recorded in ("2026-03-02T18:00:00+01:00").
///
/// Comparisons and differences use the instant only; the offset is kept so the entry reads
/// as the person logged it.
public struct Timestamp: Hashable, Sendable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var epochMilliseconds: Int64
    /// Seconds east of UTC at which the time was recorded.
    public var utcOffsetSeconds: Int

    /// A timestamp from its parts.
    public init(epochMilliseconds: Int64, utcOffsetSeconds: Int) {
        self.epochMilliseconds = epochMilliseconds
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// The instant `date` recorded with the offset `timeZone` has at that instant.
    public init(_ date: Date, in timeZone: ZoneInfo) {
        epochMilliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        utcOffsetSeconds = timeZone.secondsFromGMT(for: date)
    }

    /// The instant as a Foundation `Date`.
    public var date: Date { Date(timeIntervalSince1970: Double(epochMilliseconds) / 1000) }

    /// Real elapsed hours from `self` to `other` (fractional).
    public func hours(to other: Timestamp) -> Double {
        Double(other.epochMilliseconds - epochMilliseconds) / 3_600_000
    }

    /// The timestamp `hours` real hours later, keeping this offset.
    public func adding(hours: Double) -> Timestamp {
        Timestamp(epochMilliseconds: epochMilliseconds + Int64((hours * 3_600_000).rounded()), utcOffsetSeconds: utcOffsetSeconds)
    }

    /// The same instant seen with the offset that `timeZone` has at it.
    public func converted(to timeZone: ZoneInfo) -> Timestamp {
        Timestamp(epochMilliseconds: epochMilliseconds, utcOffsetSeconds: timeZone.secondsFromGMT(for: date))
    }

    /// The instant with its milliseconds dropped (whole seconds).
    public var truncatedToSeconds: Timestamp {
        let ms = epochMilliseconds
        let floored = ms >= 0 ? ms - ms % 1000 : ms - ((ms % 1000) + 1000) % 1000
        return Timestamp(epochMilliseconds: floored, utcOffsetSeconds: utcOffsetSeconds)
    }

    /// Local wall-clock parts at the recorded offset.
    public var localParts: (date: LocalDate, hour: Int, minute: Int, second: Int, millisecond: Int) {
        let localMs = epochMilliseconds + Int64(utcOffsetSeconds) * 1000
        var days = localMs / 86_400_000
        var rest = localMs % 86_400_000
        if rest < 0 { rest += 86_400_000; days -= 1 }
        let ms = Int(rest)
        return (LocalDate(dayNumber: Int(days)), ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000)
    }

    /// The local date at the recorded offset.
    public var localDate: LocalDate { localParts.date }

    /// ISO 8601 with the offset (`Z` for UTC); milliseconds only when not zero.
    public var description: String {
        let p = localParts
        var text = p.date.description + "T" + Digits.pad(p.hour, 2) + ":" + Digits.pad(p.minute, 2) + ":" + Digits.pad(p.second, 2)
        if p.millisecond != 0 { text += "." + Digits.pad(p.millisecond, 3) }
        if utcOffsetSeconds == 0 { return text + "Z" }
        let sign = utcOffsetSeconds < 0 ? "-" : "+"
        let magnitude = abs(utcOffsetSeconds) / 60
        return text + sign + Digits.pad(magnitude / 60, 2) + ":" + Digits.pad(magnitude % 60, 2)
    }

    /// Why a time could not be read.
    public enum ParseError: Error, Equatable, Sendable {
        /// Not in a shape lumbar understands.
        case malformed
        /// The shape is right but a field is out of range (month 13, 25:00).
        case outOfRange
        /// A local time that the time zone skips (spring forward) or that is otherwise unresolvable.
        case nonexistentLocalTime
    }

    /// Parses ISO 8601: `YYYY-MM-DDTHH:MM[:SS[.fff]]` followed by `Z`, `±HH:MM`, `±HHMM`, or
    /// nothing (a local time, resolved in `localTimeZone`). A space may stand for `T`.
    public static func parse(_ text: String, localTimeZone: ZoneInfo) -> Result<Timestamp, ParseError> {
        let b = Array(text.utf8)
        guard b.count >= 16, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
            b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == UInt8(ascii: " "),
            b[13] == UInt8(ascii: ":"),
            let year = Digits.value(b, 0, 4), let month = Digits.value(b, 5, 2), let day = Digits.value(b, 8, 2),
            let hour = Digits.value(b, 11, 2), let minute = Digits.value(b, 14, 2)
        else { return .failure(.malformed) }
        var i = 16
        var second = 0
        var millisecond = 0
        if i < b.count, b[i] == UInt8(ascii: ":") {
            guard let s = Digits.value(b, i + 1, 2) else { return .failure(.malformed) }
            second = s
            i += 3
            if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
                i += 1
                var digits = 0
                var fraction = 0
                while i < b.count, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") {
                    if digits < 3 { fraction = fraction * 10 + Int(b[i] - UInt8(ascii: "0")) }
                    digits += 1
                    i += 1
                }
                guard digits > 0 else { return .failure(.malformed) }
                for _ in digits..<max(digits, 3) { fraction *= 10 }
                millisecond = fraction
            }
        }
        guard let date = LocalDate(year: year, month: month, day: day) else { return .failure(.outOfRange) }
        guard hour < 24, minute < 60, second < 60 else { return .failure(.outOfRange) }
        let localMs = Int64(date.dayNumber) * 86_400_000 + Int64(hour * 3_600_000 + minute * 60_000 + second * 1000 + millisecond)
        if i == b.count {
            return resolveLocal(localMs, in: localTimeZone)
        }
        var offset = 0
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
            guard i + 1 == b.count else { return .failure(.malformed) }
        } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
            guard let oh = Digits.value(b, i + 1, 2) else { return .failure(.malformed) }
            var om = 0
            if i + 3 == b.count {
                om = 0
            } else if i + 6 == b.count, b[i + 3] == UInt8(ascii: ":"), let m = Digits.value(b, i + 4, 2) {
                om = m
            } else if i + 5 == b.count, let m = Digits.value(b, i + 3, 2) {
                om = m
            } else {
                return .failure(.malformed)
            }
            guard oh <= 18, om < 60 else { return .failure(.outOfRange) }
            offset = sign * (oh * 3600 + om * 60)
        } else {
            return .failure(.malformed)
        }
        return .success(Timestamp(epochMilliseconds: localMs - Int64(offset) * 1000, utcOffsetSeconds: offset))
    }

    /// Resolves a wall-clock time in a zone; a time in a spring-forward gap is refused.
    private static func resolveLocal(_ localMs: Int64, in zone: ZoneInfo) -> Result<Timestamp, ParseError> {
        // Try the offsets in force around that wall time; keep the first that maps back to it.
        let guess = Date(timeIntervalSince1970: Double(localMs) / 1000)
        let candidates = [
            zone.secondsFromGMT(for: guess.addingTimeInterval(-86_400)),
            zone.secondsFromGMT(for: guess),
            zone.secondsFromGMT(for: guess.addingTimeInterval(86_400)),
        ]
        for offset in candidates {
            let instantMs = localMs - Int64(offset) * 1000
            let instant = Date(timeIntervalSince1970: Double(instantMs) / 1000)
            if zone.secondsFromGMT(for: instant) == offset {
                return .success(Timestamp(epochMilliseconds: instantMs, utcOffsetSeconds: offset))
            }
        }
        return .failure(.nonexistentLocalTime)
    }
}

extension Timestamp: Comparable {
    /// Orders by instant; two records of one instant in different offsets are neither before nor after.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.epochMilliseconds < rhs.epochMilliseconds
    }
}
