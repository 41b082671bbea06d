/// One top-level key of a TOML document, its value, and the line it is on.
struct TOMLEntry: Equatable {
    var key: String
    var value: ConfigValue
    /// 1-based.
    var line: Int

    /// A document TOML itself refuses, with where the reader found the fault.
    struct SyntaxError: Error {
        var line: Int
        var message: String
    }

    /// The document's top-level keys in the order of their lines.
    static func entries(in text: String) throws(SyntaxError) -> [TOMLEntry] {
        do {
            return try TOMLReader.entries(in: text).map { TOMLEntry(key: $0.key, value: $0.value, line: $0.line) }
        } catch {
            throw SyntaxError(
                line: error.line,
                message: "not valid TOML: \(error.reason) (column \(error.column)); settings are written key = value, strings in double quotes")
        }
    }
}
