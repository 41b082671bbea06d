import Foundation

/// Placeholder formatting until the engine branch lands.
public enum StatusFormatter {
    /// The status as text.
    public static func text(_ status: Status, timeZone: TimeZone, color: Bool) -> String {
        "Level: \(status.level.key)\n" + status.flags.map { "\($0.level.key): \($0.headline)\n" }.joined()
    }

    /// The status as JSON.
    public static func json(_ status: Status) -> JSONValue {
        .object(JSONObject([("now", .string(status.now.description)), ("level", .string(status.level.key)), ("flags", .array([])), ("episode", .null)]))
    }
}
