/// A strict RFC 8259 parser over bytes, with a nesting limit so hostile input cannot exhaust the stack.
///
/// Hand-written because Foundation's `JSONDecoder` costs about 35 MB/s on Linux (see
/// docs/performance.md) and because a journal must be refused with a precise message.
public struct JSONParser {
    /// The deepest nesting accepted; a journal needs four levels.
    public static let defaultMaximumDepth = 64

    /// Parses one JSON document that fills `bytes` (surrounding white space allowed).
    /// - Complexity: O(n) in the number of bytes.
    public static func parse(_ bytes: [UInt8], maximumDepth: Int = defaultMaximumDepth) throws(JSONSyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) -> JSONValue in
            var parser = JSONCursor(bytes: buffer, maximumDepth: maximumDepth)
            parser.skipWhitespace()
            if parser.index >= buffer.count { throw parser.error("the file is empty (no JSON value)") }
            let value = try parser.parseValue(depth: 0)
            parser.skipWhitespace()
            if parser.index < buffer.count { throw parser.error("unexpected text after the end of the JSON value") }
            return value
        }
    }
}

extension String {
    /// The text with every character a terminal acts on (C0, DEL, C1) written as an escape such
    /// as `\n` or `\u{1B}`, so input quoted in an error stays on one line and cannot drive the terminal.
    public var escapingControlCharacters: String {
        var result = ""
        for scalar in unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                result += scalar.escaped(asASCII: true)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
