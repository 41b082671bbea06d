import LumbarCore

/// `--json` output: one pretty-printed JSON document on standard output, ending in a newline.
enum JSONOutput {
    /// Writes `value` as it is (JSON escapes every control character, so nothing is neutralised).
    static func print(_ value: JSONValue) {
        var writer = JSONWriter()
        writer.writePretty(value)
        Output.write(writer.bytes + [0x0A])
    }

    /// An object from its members, in order.
    static func object(_ members: [(String, JSONValue)]) -> JSONValue { .object(JSONObject(members)) }

    /// A string, or null.
    static func string(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    /// A whole number, or null.
    static func int(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }
}
