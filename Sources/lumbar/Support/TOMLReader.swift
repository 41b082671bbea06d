/// Reads the TOML a settings file holds: top-level `key = value` lines, comments, and the
/// values TOML has (strings, integers, floats, booleans, dates and times, arrays, inline tables,
/// table headers), each top-level key with the line it is on.
///
/// Hand-written because the TOML packages available here wrap toml++ and pull Foundation's
/// calendar, and with it ICU, into the static binary (63 MB instead of 18; docs/performance.md).
/// Values no setting takes (floats, dates, tables) are still read, so a file that is valid TOML
/// gets the settings' own messages rather than a syntax error.
struct TOMLReader {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0

    /// A fault in the document, at a 1-based line and column.
    struct Failure: Error {
        var line: Int
        var column: Int
        var reason: String
    }

    /// The top-level keys of `text`, each with its value and line, in the order they appear.
    /// A table header counts as its top-level key, with the value "table".
    static func entries(in text: String) throws(Failure) -> [(key: String, value: ConfigValue, line: Int)] {
        var reader = TOMLReader(bytes: Array(text.utf8))
        return try reader.document()
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func fail(_ reason: String) -> Failure {
        Failure(line: line, column: index - lineStart + 1, reason: reason)
    }

    private mutating func document() throws(Failure) -> [(key: String, value: ConfigValue, line: Int)] {
        var entries: [(key: String, value: ConfigValue, line: Int)] = []
        var seen: Set<String> = []
        var inTable = false
        while true {
            skipSpaces()
            guard let byte = peek else { break }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "#") {
                try endOfLine()
                continue
            }
            let keyLine = line
            if byte == UInt8(ascii: "[") {
                let name = try tableHeader()
                if !inTable || !seen.contains(name) {
                    if !seen.insert(name).inserted { throw fail("table [\(name)] is defined twice") }
                    entries.append((name, .other("table"), keyLine))
                }
                inTable = true
                try endOfLine()
                continue
            }
            let path = try key()
            skipSpaces()
            guard peek == UInt8(ascii: "=") else { throw fail("expected = after the key '\(path.joined(separator: "."))'") }
            index += 1
            skipSpaces()
            let value = try self.value()
            if !inTable {
                let name = path[0]
                guard seen.insert(name).inserted else { throw Failure(line: keyLine, column: 1, reason: "the key '\(name)' is set twice") }
                entries.append((name, path.count > 1 ? .other("table") : value, keyLine))
            }
            try endOfLine()
        }
        return entries
    }

    private mutating func skipSpaces() {
        while let byte = peek, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { index += 1 }
    }

    /// Skips spaces, a comment, and one line break (or the end of the text).
    private mutating func endOfLine() throws(Failure) {
        skipSpaces()
        if peek == UInt8(ascii: "#") {
            while let byte = peek, byte != UInt8(ascii: "\n") { index += 1 }
        }
        if peek == UInt8(ascii: "\r") { index += 1 }
        guard let byte = peek else { return }
        guard byte == UInt8(ascii: "\n") else { throw fail("unexpected text after the value") }
        newLine()
    }

    private mutating func newLine() {
        index += 1
        line += 1
        lineStart = index
    }

    /// Skips white space, comments and line breaks inside an array.
    private mutating func skipBlank() throws(Failure) {
        while let byte = peek {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                index += 1
            } else if byte == UInt8(ascii: "\n") {
                newLine()
            } else if byte == UInt8(ascii: "#") {
                while let c = peek, c != UInt8(ascii: "\n") { index += 1 }
            } else {
                return
            }
        }
    }

    private mutating func tableHeader() throws(Failure) -> String {
        index += 1
        let isArray = peek == UInt8(ascii: "[")
        if isArray { index += 1 }
        skipSpaces()
        let path = try key()
        skipSpaces()
        guard peek == UInt8(ascii: "]") else { throw fail("expected ] to close the table header") }
        index += 1
        if isArray {
            guard peek == UInt8(ascii: "]") else { throw fail("expected ]] to close the table header") }
            index += 1
        }
        return path[0]
    }

    /// A key, bare or quoted, possibly dotted: its parts.
    private mutating func key() throws(Failure) -> [String] {
        var parts: [String] = []
        while true {
            skipSpaces()
            switch peek {
            case UInt8(ascii: "\""): parts.append(try basicString())
            case UInt8(ascii: "'"): parts.append(try literalString())
            default:
                let start = index
                while let byte = peek, Self.isBareKey(byte) { index += 1 }
                guard index > start else { throw fail("expected a key (letters, digits, - and _), or a quoted key") }
                parts.append(String(decoding: bytes[start..<index], as: UTF8.self))
            }
            skipSpaces()
            guard peek == UInt8(ascii: ".") else { return parts }
            index += 1
        }
    }

    private static func isBareKey(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    private mutating func value() throws(Failure) -> ConfigValue {
        guard let byte = peek else { throw fail("expected a value after =") }
        switch byte {
        case UInt8(ascii: "\""): return .string(try basicString())
        case UInt8(ascii: "'"): return .string(try literalString())
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "{"): return try inlineTable()
        default: return try bareValue()
        }
    }

    private mutating func array() throws(Failure) -> ConfigValue {
        index += 1
        var items: [ConfigValue] = []
        while true {
            try skipBlank()
            if peek == UInt8(ascii: "]") { index += 1; return .list(items) }
            items.append(try value())
            try skipBlank()
            if peek == UInt8(ascii: ",") { index += 1; continue }
            guard peek == UInt8(ascii: "]") else { throw fail("expected , or ] in the array") }
            index += 1
            return .list(items)
        }
    }

    private mutating func inlineTable() throws(Failure) -> ConfigValue {
        index += 1
        skipSpaces()
        if peek == UInt8(ascii: "}") { index += 1; return .other("table") }
        while true {
            _ = try key()
            skipSpaces()
            guard peek == UInt8(ascii: "=") else { throw fail("expected = in the inline table") }
            index += 1
            skipSpaces()
            _ = try value()
            skipSpaces()
            if peek == UInt8(ascii: ",") { index += 1; skipSpaces(); continue }
            guard peek == UInt8(ascii: "}") else { throw fail("expected , or } in the inline table") }
            index += 1
            return .other("table")
        }
    }

    /// A number, boolean, date or time: the run of characters up to a separator.
    private mutating func bareValue() throws(Failure) -> ConfigValue {
        let start = index
        while let byte = peek,
            !(byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}")
                || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r"))
        {
            index += 1
        }
        var text = String(decoding: bytes[start..<index], as: UTF8.self)
        while text.last == " " || text.last == "\t" { text.removeLast() }
        if text == "true" { return .boolean(true) }
        if text == "false" { return .boolean(false) }
        if let value = Self.integer(text) { return .integer(value) }
        if let time = Self.time(text) { return time }
        if Self.isDate(text) { return .other(text.count == 10 ? "date" : "date and time") }
        if Self.isFloat(text) { return .other("decimal number") }
        index = start
        throw fail(text.isEmpty ? "expected a value after =" : "'\(text)' is not a TOML value (a string needs double quotes)")
    }

    private static func integer(_ text: String) -> Int? {
        var body = Substring(text)
        var sign = 1
        if body.first == "+" || body.first == "-" { sign = body.first == "-" ? -1 : 1; body = body.dropFirst() }
        var radix = 10
        for (prefix, base) in [("0x", 16), ("0o", 8), ("0b", 2)] where body.hasPrefix(prefix) {
            guard sign == 1, text.first != "+" else { return nil }
            radix = base
            body = body.dropFirst(2)
        }
        guard !body.isEmpty, body.first != "_", body.last != "_", !body.contains("__") else { return nil }
        if radix == 10, body.count > 1, body.first == "0" { return nil }
        return Int(body.filter { $0 != "_" }, radix: radix).map { $0 * sign }
    }

    private static func time(_ text: String) -> ConfigValue? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ $0.count == 2 || ($0.count > 3 && $0.dropFirst(2).first == ".") }),
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return nil }
        let second = parts.count == 3 ? Int(parts[2].prefix(2)) : 0
        guard let second, hour < 24, minute < 60, second < 60 else { return nil }
        return .time(hour: hour, minute: minute, second: second)
    }

    private static func isDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        return bytes[0..<4].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    private static func isFloat(_ text: String) -> Bool {
        let body = text.hasPrefix("+") || text.hasPrefix("-") ? String(text.dropFirst()) : text
        if body == "inf" || body == "nan" { return true }
        return (body.contains(".") || body.contains("e") || body.contains("E")) && Double(body.filter { $0 != "_" }) != nil
    }

    private mutating func basicString() throws(Failure) -> String {
        if bytes[index...].starts(with: [0x22, 0x22, 0x22]) { return try multiLineString(quote: 0x22) }
        index += 1
        var out: [UInt8] = []
        while true {
            guard let byte = peek, byte != UInt8(ascii: "\n") else { throw fail("the string is not closed on its line (a \" is missing)") }
            index += 1
            if byte == 0x22 { return String(decoding: out, as: UTF8.self) }
            if byte == UInt8(ascii: "\\") { out += try escape() } else { out.append(byte) }
        }
    }

    private mutating func literalString() throws(Failure) -> String {
        if bytes[index...].starts(with: [0x27, 0x27, 0x27]) { return try multiLineString(quote: 0x27) }
        index += 1
        let start = index
        while let byte = peek, byte != 0x27 {
            guard byte != UInt8(ascii: "\n") else { throw fail("the string is not closed on its line (a ' is missing)") }
            index += 1
        }
        guard peek == 0x27 else { throw fail("the string is not closed on its line (a ' is missing)") }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        index += 1
        return text
    }

    private mutating func multiLineString(quote: UInt8) throws(Failure) -> String {
        index += 3
        if peek == UInt8(ascii: "\n") { newLine() }
        var out: [UInt8] = []
        while true {
            guard let byte = peek else { throw fail("the multi-line string is never closed") }
            if bytes[index...].starts(with: [quote, quote, quote]) {
                index += 3
                return String(decoding: out, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\n") { out.append(byte); newLine(); continue }
            index += 1
            if byte == UInt8(ascii: "\\"), quote == 0x22 { out += try escape() } else { out.append(byte) }
        }
    }

    private mutating func escape() throws(Failure) -> [UInt8] {
        guard let byte = peek else { throw fail("the string ends inside an escape") }
        index += 1
        switch byte {
        case UInt8(ascii: "n"): return [0x0A]
        case UInt8(ascii: "t"): return [0x09]
        case UInt8(ascii: "r"): return [0x0D]
        case UInt8(ascii: "b"): return [0x08]
        case UInt8(ascii: "f"): return [0x0C]
        case 0x22, UInt8(ascii: "\\"): return [byte]
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = byte == UInt8(ascii: "u") ? 4 : 8
            guard index + count <= bytes.count,
                let code = UInt32(String(decoding: bytes[index..<(index + count)], as: UTF8.self), radix: 16),
                let scalar = Unicode.Scalar(code)
            else { throw fail("a \\u escape needs \(count) hex digits of a Unicode character") }
            index += count
            return Array(String(Character(scalar)).utf8)
        default:
            throw fail("\\\(Character(Unicode.Scalar(byte))) is not an escape TOML knows")
        }
    }
}
