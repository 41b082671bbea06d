#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The process's environment variables, read once.
///
/// `ProcessInfo.processInfo.environment` builds a new dictionary from `environ` on every call
/// (about 400,000 instructions each); a check-in asked for it six times. lumbar never changes
/// its own environment, so one copy serves the whole run.
enum ProcessEnvironment {
    /// The variables, as `ProcessInfo` gives them.
    static let variables: [String: String] = ProcessInfo.processInfo.environment
}
