/// Why the last typed option value was refused, in lumbar's words.
///
/// ArgumentParser calls `init?(argument:)`, which cannot say why it failed; it then reports
/// "The value 'X' is invalid for '--opt <name>'". The value types record their reason here and
/// `LumbarMain` words the error with it, naming the option the parser names.
enum ArgumentProblem {
    /// A refused value and the one-line message for it, given the option's name.
    struct Record: Sendable {
        /// The text that was refused.
        var value: String
        /// The message, given the option name as typed (`--pain`).
        var message: @Sendable (String) -> String
    }

    private static let last = Locked<Record?>(nil)

    /// Notes why `value` was refused.
    static func record(_ value: String, _ message: @escaping @Sendable (String) -> String) {
        last.withLock { $0 = Record(value: value, message: message) }
    }

    /// lumbar's message for ArgumentParser's `parserMessage`, when that message is about a value
    /// a lumbar type refused; nil for any other message.
    static func message(for parserMessage: String) -> String? {
        guard let record = last.withLock({ $0 }),
            let option = option(in: parserMessage, value: record.value)
        else { return nil }
        return record.message(option)
    }

    /// The option named in "The value 'V' is invalid for '--opt <v>'..." when V is `value`;
    /// `<v>` alone (an argument) gives its value name.
    static func option(in parserMessage: String, value: String) -> String? {
        let prefix = "The value '\(value)' is invalid for '"
        guard let found = parserMessage.indices.first(where: { parserMessage[$0...].hasPrefix(prefix) }) else { return nil }
        let rest = parserMessage[parserMessage.index(found, offsetBy: prefix.count)...]
        let name = rest.prefix { $0 != " " && $0 != "'" }
        return name.isEmpty ? nil : String(name)
    }
}
