#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A time zone's offsets from UTC over time, read from the system's tz database.
///
/// lumbar only ever asks a zone one question, the offset in force at an instant, so it reads
/// the answer straight from the TZif files in `/usr/share/zoneinfo` (and the `TZ` variable)
/// instead of linking ICU, which Foundation's `TimeZone` needs on Linux and which would make
/// the binary four times larger and every start slower (docs/performance.md).
public struct ZoneInfo: Sendable, Hashable, CustomStringConvertible {
    /// The tz database name ("Europe/Stockholm"), or "GMT+0100" for a fixed offset.
    public let identifier: String
    private let rules: Rules

    /// Greenwich Mean Time: offset zero at every instant.
    public static let gmt = ZoneInfo(fixed: 0, identifier: "GMT")

    /// The zone this process runs in: `TZ` when set, else `/etc/localtime`, else GMT.
    public static var current: ZoneInfo { Self.processZone }

    private static let processZone: ZoneInfo = {
        resolveCurrent(tz: variable("TZ"), tzdir: variable("TZDIR"))
    }()

    /// A zone from its tz database name ("Europe/Stockholm", "UTC"), or nil when there is none.
    public init?(identifier: String) {
        self.init(identifier: identifier, tzdir: Self.variable("TZDIR"))
    }

    /// An environment variable, read with `getenv` (`ProcessInfo`'s dictionary is built anew on every call).
    private static func variable(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// A zone that is always `secondsFromGMT` east of UTC, or nil beyond ±18 hours.
    public init?(secondsFromGMT seconds: Int) {
        guard abs(seconds) <= 18 * 3600 else { return nil }
        self.init(fixed: seconds, identifier: Self.fixedName(seconds))
    }

    /// Seconds east of UTC in force at `date`.
    public func secondsFromGMT(for date: Date) -> Int {
        rules.offset(at: Int64((date.timeIntervalSince1970).rounded(.down)))
    }

    /// Seconds east of UTC in force at `epochSeconds` (seconds since 1970 in UTC).
    public func secondsFromGMT(atEpochSecond epochSeconds: Int64) -> Int {
        rules.offset(at: epochSeconds)
    }

    /// The identifier.
    public var description: String { identifier }

    /// Two zones are equal when they have the same name (the rules follow from it).
    public static func == (lhs: ZoneInfo, rhs: ZoneInfo) -> Bool {
        lhs.identifier == rhs.identifier && lhs.rules.fixedOffset == rhs.rules.fixedOffset
    }

    /// Hashes the name.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(identifier)
    }

    // MARK: - Making zones

    private init(fixed seconds: Int, identifier: String) {
        self.identifier = identifier
        rules = Rules(fixed: seconds)
    }

    private init(identifier: String, rules: Rules) {
        self.identifier = identifier
        self.rules = rules
    }

    init?(identifier: String, tzdir: String?) {
        switch identifier {
        case "GMT", "UTC", "Etc/UTC", "Etc/GMT", "Z", "Zulu", "Etc/Zulu", "UCT", "Etc/UCT":
            self.init(fixed: 0, identifier: identifier)
            return
        default: break
        }
        if let rules = Self.loadFile(named: identifier, tzdir: tzdir) {
            self.init(identifier: identifier, rules: rules)
            return
        }
        if let seconds = Self.parseFixedName(identifier) {
            self.init(fixed: seconds, identifier: identifier)
            return
        }
        return nil
    }

    /// The process zone for a `TZ` value as POSIX describes it: unset means the system's local
    /// time, empty means UTC, ":NAME" or "NAME" names a file, anything else is a POSIX rule.
    static func resolveCurrent(tz: String?, tzdir: String?) -> ZoneInfo {
        guard var name = tz else {
            if let data = Self.readFile("/etc/localtime"), let rules = TZif.rules(from: data) {
                return ZoneInfo(identifier: localtimeName() ?? "localtime", rules: rules)
            }
            return .gmt
        }
        if name.hasPrefix(":") { name.removeFirst() }
        if name.isEmpty { return ZoneInfo(fixed: 0, identifier: "UTC") }
        if name.hasPrefix("/"), let data = Self.readFile(name), let rules = TZif.rules(from: data) {
            return ZoneInfo(identifier: zoneName(fromPath: name) ?? name, rules: rules)
        }
        if let zone = ZoneInfo(identifier: name, tzdir: tzdir) { return zone }
        if let rule = POSIXZoneRule(parsing: name) { return ZoneInfo(identifier: name, rules: Rules(footer: rule)) }
        return .gmt
    }

    private static func loadFile(named name: String, tzdir: String?) -> Rules? {
        // A name is a path below the database, never a way out of it.
        guard !name.isEmpty, !name.hasPrefix("/"), !name.split(separator: "/").contains("..") else { return nil }
        let directories = [tzdir, "/usr/share/zoneinfo"].compactMap { $0 }.filter { !$0.isEmpty }
        for directory in directories {
            if let data = Self.readFile(directory + "/" + name), let rules = TZif.rules(from: data) {
                return rules
            }
        }
        return nil
    }

    private static func readFile(_ path: String) -> [UInt8]? {
        // Zone files are small; a larger one is not a zone file. Links are followed because
        // the database links names to each other (and /etc/localtime is one).
        (try? POSIXFile.readIfExists(path, limit: 1 << 20, followLinks: true))??.bytes
    }

    private static func localtimeName() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/etc/localtime", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let bytes = buffer[0..<count].map { UInt8(bitPattern: $0) }
        return zoneName(fromPath: String(decoding: bytes, as: UTF8.self))
    }

    private static func zoneName(fromPath path: String) -> String? {
        guard let range = path.firstRange(of: "zoneinfo/") else { return nil }
        let name = String(path[range.upperBound...])
        return name.isEmpty ? nil : name
    }

    /// "GMT+0100" / "GMT-0530", as Foundation names fixed-offset zones.
    static func fixedName(_ seconds: Int) -> String {
        if seconds == 0 { return "GMT" }
        let minutes = abs(seconds) / 60
        let hh = minutes / 60, mm = minutes % 60
        return "GMT" + (seconds < 0 ? "-" : "+") + (hh < 10 ? "0" : "") + String(hh) + (mm < 10 ? "0" : "") + String(mm)
    }

    /// Reads "GMT+0100", "GMT-05:30", "UTC+2" back to seconds east of UTC.
    static func parseFixedName(_ name: String) -> Int? {
        var rest = Substring(name)
        guard rest.hasPrefix("GMT") || rest.hasPrefix("UTC") else { return nil }
        rest = rest.dropFirst(3)
        guard let sign = rest.first, sign == "+" || sign == "-" else { return nil }
        let digits = rest.dropFirst().filter { $0 != ":" }
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let value = Int(digits)
        else { return nil }
        let hours = digits.count <= 2 ? value : value / 100
        let minutes = digits.count <= 2 ? 0 : value % 100
        guard hours <= 18, minutes < 60 else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return sign == "-" ? -seconds : seconds
    }
}

extension ZoneInfo {
    /// A zone's offsets: transitions read from a TZif file, and the POSIX rule that continues
    /// them past the last one. A class so that a zone is one pointer to copy.
    final class Rules: Sendable {
        /// Instants (seconds since 1970) at which the offset changes, ascending.
        let transitions: [Int64]
        /// The offset in force from each transition on.
        let offsets: [Int32]
        /// The offset before the first transition.
        let initialOffset: Int
        /// The rule after the last transition, when the file has one.
        let footer: POSIXZoneRule?
        /// The one offset of a zone that never changes.
        let fixedOffset: Int?

        init(fixed seconds: Int) {
            transitions = []
            offsets = []
            initialOffset = seconds
            footer = nil
            fixedOffset = seconds
        }

        init(footer: POSIXZoneRule) {
            transitions = []
            offsets = []
            initialOffset = footer.standardOffset
            self.footer = footer
            fixedOffset = nil
        }

        init(transitions: [Int64], offsets: [Int32], initialOffset: Int, footer: POSIXZoneRule?) {
            self.transitions = transitions
            self.offsets = offsets
            self.initialOffset = initialOffset
            self.footer = footer
            fixedOffset = transitions.isEmpty && footer == nil ? initialOffset : nil
        }

        func offset(at t: Int64) -> Int {
            if let fixedOffset { return fixedOffset }
            guard let last = transitions.last else { return footer?.offset(at: t) ?? initialOffset }
            if t >= last, let footer { return footer.offset(at: t) }
            if t < transitions[0] { return initialOffset }
            // The last transition at or before t.
            var low = 0, high = transitions.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if transitions[mid] <= t { low = mid } else { high = mid - 1 }
            }
            return Int(offsets[low])
        }
    }
}
