/// Why a byte sequence is not a JSON document lumbar can read, with the place it went wrong.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, in a few words.
    public var reason: String
    /// 1-based line of the offending byte.
    public var line: Int
    /// 1-based column (in bytes) of the offending byte.
    public var column: Int

    public var description: String { "line \(line), column \(column): \(reason)" }
}
