#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where the journal lives: `--store`, else `LUMBAR_STORE`, else the XDG data directory.
public enum StoreLocation {
    /// The journal path for an optional `--store` value and an environment.
    ///
    /// A relative `XDG_DATA_HOME` is ignored, as the XDG Base Directory spec requires.
    public static func journalPath(explicit: String?, environment: [String: String]) -> String {
        if let explicit, !explicit.isEmpty { return absolute(explicit) }
        if let fromEnvironment = environment["LUMBAR_STORE"], !fromEnvironment.isEmpty { return absolute(fromEnvironment) }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return StorePath.joining(xdg, "lumbar/journal.json")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "/"
        return StorePath.joining(home, ".local/share/lumbar/journal.json")
    }

    static func absolute(_ path: String) -> String {
        var expanded = path
        if path == "~" || path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty {
            expanded = home + path.dropFirst()
        }
        if expanded.hasPrefix("/") { return expanded }
        return StorePath.joining(FileManager.default.currentDirectoryPath, expanded)
    }
}
