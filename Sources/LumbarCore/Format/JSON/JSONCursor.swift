/// A read position in JSON bytes and the strict grammar's pieces.
///
/// `JSONParser` builds a `JSONValue` tree with it; `JournalCodec` uses the same pieces to read
/// a journal straight into the model, so both accept exactly the same grammar.
struct JSONCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    let maximumDepth: Int
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    func error(_ reason: String, at position: Int? = nil) -> JSONSyntaxError {
        let end = min(position ?? index, bytes.count)
        var line = 1
        var lineStart = 0
        var i = 0
        while i < end {
            if bytes[i] == UInt8(ascii: "\n") { line += 1; lineStart = i + 1 }
            i += 1
        }
        return JSONSyntaxError(reason: reason, line: line, column: end - lineStart + 1)
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    func describeByte(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte == 0 { return "a NUL byte" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard index < bytes.count else { throw error("the file ends in the middle of the JSON (truncated?)") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("expected a JSON value but found \(describeByte(bytes[index]))")
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let count = literal.utf8CodeUnitCount
        let start = literal.utf8Start
        guard index + count <= bytes.count else { throw error("the file ends in the middle of the JSON (truncated?)") }
        for offset in 0..<count where bytes[index + offset] != start[offset] {
            throw error("expected '\(literal)'")
        }
        index += count
    }

    mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        if depth > maximumDepth { throw error("nesting is deeper than \(maximumDepth) levels") }
        index += 1
        var object = JSONObject()
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "}") { index += 1; return .object(object) }
        // Small objects (every journal entry) check for a repeated name by a scan of the names
        // read so far; only a large object pays for a hash set.
        var seen: Set<String>?
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw error("the file ends inside an object (truncated?)") }
            guard bytes[index] == UInt8(ascii: "\"") else { throw error("expected a quoted member name but found \(describeByte(bytes[index]))") }
            let keyStart = index
            let key = try parseString()
            if Self.isRepeated(key, in: object, index: &seen) {
                throw error("the member \"\(key.escapingControlCharacters)\" appears twice in one object", at: keyStart)
            }
            skipWhitespace()
            guard index < bytes.count else { throw error("the file ends inside an object (truncated?)") }
            guard bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after a member name but found \(describeByte(bytes[index]))") }
            index += 1
            skipWhitespace()
            let value = try parseValue(depth: depth)
            object.appendUnchecked(key, value)
            skipWhitespace()
            guard index < bytes.count else { throw error("the file ends inside an object (truncated?)") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return .object(object)
            default: throw error("expected ',' or '}' but found \(describeByte(bytes[index]))")
            }
        }
    }

    /// Whether `key` is already a member of `object`; switches to a hash set past 16 members.
    static func isRepeated(_ key: String, in object: JSONObject, index: inout Set<String>?) -> Bool {
        if index == nil && object.count < 16 {
            return object.members.contains { $0.key == key }
        }
        if index == nil { index = Set(object.members.map(\.key)) }
        return index?.insert(key).inserted == false
    }

    mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        if depth > maximumDepth { throw error("nesting is deeper than \(maximumDepth) levels") }
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            guard index < bytes.count else { throw error("the file ends inside an array (truncated?)") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return .array(elements)
            default: throw error("expected ',' or ']' but found \(describeByte(bytes[index]))")
            }
        }
    }

    mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw error("a number needs digits") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count && isDigit(bytes[index]) { throw error("a number may not start with 0") }
        } else {
            while index < bytes.count && isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("a decimal point needs digits after it") }
            while index < bytes.count && isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("an exponent needs digits") }
            while index < bytes.count && isDigit(bytes[index]) { index += 1 }
        }
        if index - start > 400 { throw error("a number is too long", at: start) }
        return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
    }

    func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    mutating func parseString() throws(JSONSyntaxError) -> String {
        index += 1
        let start = index
        // Fast path: no escapes; validate UTF-8 once over the whole run.
        var plainASCII = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let run = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                if plainASCII { return String(decoding: run, as: UTF8.self) }
                guard let text = String(validating: run, as: UTF8.self) else {
                    throw error("a string is not valid UTF-8", at: start + firstInvalidUTF8(run))
                }
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error("a control character (\(describeByte(byte))) inside a string must be escaped") }
            if byte >= 0x80 { plainASCII = false }
            index += 1
        }
        guard index < bytes.count else { throw error("the file ends inside a string (truncated?)", at: start - 1) }
        // Slow path with escapes.
        var scratch = [UInt8](UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                guard let text = String(validating: scratch, as: UTF8.self) else {
                    throw error("a string is not valid UTF-8", at: start)
                }
                return text
            }
            if byte < 0x20 { throw error("a control character (\(describeByte(byte))) inside a string must be escaped") }
            if byte != UInt8(ascii: "\\") { scratch.append(byte); index += 1; continue }
            index += 1
            guard index < bytes.count else { break }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""): scratch.append(0x22)
            case UInt8(ascii: "\\"): scratch.append(0x5C)
            case UInt8(ascii: "/"): scratch.append(0x2F)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try parseHex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                        throw error("a \\u escape holds an unpaired surrogate")
                    }
                    index += 2
                    let low = try parseHex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw error("a \\u escape holds an unpaired surrogate") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw error("a \\u escape holds an unpaired surrogate")
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw error("a \\u escape is not a Unicode scalar") }
                scratch.append(contentsOf: Array(String(Character(unicode)).utf8))
            default:
                throw error("unknown escape '\\\(String(Character(Unicode.Scalar(escape))).escapingControlCharacters)' in a string", at: index - 2)
            }
        }
        throw error("the file ends inside a string (truncated?)", at: start - 1)
    }

    mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("the file ends inside a \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("a \\u escape needs four hex digits")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    func firstInvalidUTF8(_ run: UnsafeBufferPointer<UInt8>) -> Int {
        var decoder = UTF8()
        var iterator = run.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }

    // MARK: Pieces for readers that know the document's shape

    /// Consumes `byte` if it is next; white space is not skipped.
    mutating func consume(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Consumes the literal `null` if it is next.
    mutating func consumeNull() -> Bool {
        guard index + 4 <= bytes.count, bytes[index] == UInt8(ascii: "n"), bytes[index + 1] == UInt8(ascii: "u"),
            bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "l")
        else { return false }
        index += 4
        return true
    }

    /// The bytes of the string that starts here, when it is printable ASCII without escapes.
    ///
    /// Returns the range between the quotes and moves past the closing quote; returns `nil` and
    /// stays put for anything else (escapes, non-ASCII, control bytes, not a string), which the
    /// caller hands to `parseString()` so that every check and message stays in one place.
    mutating func plainString() -> Range<Int>? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let base = bytes.baseAddress else { return nil }
        var i = index + 1
        // Eight bytes at a time up to the first quote, backslash, control byte or non-ASCII
        // byte; the byte loop below then decides what that byte means.
        while i + 8 <= bytes.count {
            let flags = Self.bytesNeedingCare(UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)))
            if flags != 0 {
                i += flags.trailingZeroBitCount >> 3
                break
            }
            i += 8
        }
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") {
                let range = (index + 1)..<i
                index = i + 1
                return range
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { return nil }
            i += 1
        }
        return nil
    }

    /// The high bit of each byte of `word` (first byte lowest) that is below 0x20, 0x80 or above,
    /// `"` or `\\`.
    ///
    /// The tests borrow across bytes, so a byte above a flagged one may be flagged wrongly; the
    /// lowest flag is always right, which is all the caller uses.
    private static func bytesNeedingCare(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let control = (word &- ones &* 0x20) & ~word
        let quote = (quotes &- ones) & ~quotes
        let backslash = (backslashes &- ones) & ~backslashes
        return (word | control | quote | backslash) & highs
    }

    /// A JSON number written as a plain integer of at most 18 digits (what `Int(text)` reads).
    ///
    /// Returns `nil` and stays put for anything else: a fraction, an exponent, a leading zero,
    /// more digits, or not a number.
    mutating func plainInteger() -> Int? {
        var i = index
        let negative = i < bytes.count && bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        let start = i
        var value = 0
        // At most 18 digits are summed, so the value cannot overflow; a longer number is declined.
        while i < bytes.count, isDigit(bytes[i]) {
            if i - start == 18 { return nil }
            value = value * 10 + Int(bytes[i] - UInt8(ascii: "0"))
            i += 1
        }
        let count = i - start
        guard count > 0, !(count > 1 && bytes[start] == UInt8(ascii: "0")) else { return nil }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            return nil
        }
        index = i
        return negative ? -value : value
    }

    /// The bytes in `range` (of `bytes`' indices).
    ///
    /// Built from the base address rather than as a slice, which costs nothing in an optimised
    /// build but a good deal in a debug build (where the test suite runs).
    func buffer(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        guard let base = bytes.baseAddress else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    /// The short-name key of the bytes in `range` (see `PackedMemberName`).
    func shortName(_ range: Range<Int>) -> PackedMemberName {
        PackedMemberName(buffer(range))
    }
}
