#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// The time sources a command uses: the clock (or `LUMBAR_NOW` for reproducible runs) and `TZ`.
enum TimeSource {
    /// The process time zone (`TZ`, else the system's).
    static var timeZone: ZoneInfo { ZoneInfo.current }

    /// Now, or the instant in `LUMBAR_NOW` when set (for tests and demos).
    static func now() throws -> Date {
        if let fixed = ProcessEnvironment.variables["LUMBAR_NOW"], !fixed.isEmpty {
            // The real clock anchors a relative LUMBAR_NOW; asking TimeSource.now() here would recurse.
            return try Input.timestamp(fixed, option: "LUMBAR_NOW", now: Date()).date
        }
        return Date()
    }
}
