#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The two clocks a program reads: the wall clock, for `.tick` (under `LUMBAR_NOW` it stands
/// still), and a monotonic one for timers, which a wall clock that jumps or stands still must not drive.
public struct ProgramClock {
    /// The wall-clock time now.
    public var now: () -> Date
    /// Time since some fixed start, never going back.
    public var elapsed: () -> Duration

    /// A clock from the two readings (tests pass ones they move by hand).
    public init(now: @escaping () -> Date, elapsed: @escaping () -> Duration) {
        self.now = now
        self.elapsed = elapsed
    }

    /// The wall clock `now` with the system's monotonic clock for timers.
    public static func system(now: @escaping () -> Date) -> ProgramClock {
        let start = ContinuousClock.now
        return ProgramClock(now: now, elapsed: { ContinuousClock.now - start })
    }
}
