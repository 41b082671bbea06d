/// Writes JSON text: compact values, with an optional newline between the elements of chosen arrays.
public struct JSONWriter {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty writer, reserving room for `capacity` bytes.
    public init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    /// Appends raw, already-valid JSON text.
    public mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends a value in compact form.
    public mutating func write(_ value: JSONValue) {
        switch value {
        case .null: raw("null")
        case .bool(let b): if b { raw("true") } else { raw("false") }
        case .number(let text): bytes.append(contentsOf: text.utf8)
        case .string(let s): string(s)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                write(element)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            bytes.append(UInt8(ascii: "{"))
            var first = true
            for member in object {
                if !first { bytes.append(UInt8(ascii: ",")) }
                first = false
                string(member.key)
                bytes.append(UInt8(ascii: ":"))
                write(member.value)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Appends an integer.
    public mutating func int(_ value: Int) {
        if value >= 0 && value < 10_000 {
            digits(value, width: 1)
        } else {
            bytes.append(contentsOf: String(value).utf8)
        }
    }

    /// Hands the bytes written so far to `sink` once there are at least `threshold` of them,
    /// and goes on writing into the same memory, so a long document needs one chunk of room.
    public mutating func drain(ifAtLeast threshold: Int = 0, into sink: ([UInt8]) -> Void) {
        guard !bytes.isEmpty, bytes.count >= threshold else { return }
        sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Forgets what was written, keeping the memory.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// Appends the UTF-8 of `text` as it is (not as a JSON string).
    mutating func text(_ text: String) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
        if copied == nil { bytes.append(contentsOf: text.utf8) }
    }

    /// Appends already-valid JSON text.
    mutating func append(_ text: ArraySlice<UInt8>) {
        bytes.append(contentsOf: text)
    }

    /// Appends one byte of already-valid JSON text.
    mutating func byte(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends a non-negative `value` below 10 000 in decimal, zero-padded to at least `width` digits.
    mutating func digits(_ value: Int, width: Int) {
        if value >= 1000 || width >= 4 {
            twoDigits(value / 100)
            twoDigits(value % 100)
        } else if value >= 100 || width == 3 {
            bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / 100))
            twoDigits(value % 100)
        } else if value >= 10 || width == 2 {
            twoDigits(value)
        } else {
            bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value))
        }
    }

    /// Appends `value` (0...99) as exactly two digits.
    mutating func twoDigits(_ value: Int) {
        bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / 10))
        bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10))
    }

    /// Appends a quoted, escaped string.
    public mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        // Native strings are contiguous UTF-8; copy the runs that need no escape in one go.
        let copied: Void? = s.utf8.withContiguousStorageIfAvailable { utf8 in appendEscaped(utf8) }
        if copied == nil {
            var contiguous = s
            contiguous.withUTF8 { appendEscaped($0) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard let base = utf8.baseAddress else { return }
        var runStart = 0
        var i = 0
        while i < utf8.count {
            let byte = utf8[i]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: i - runStart)) }
                escape(byte)
                runStart = i + 1
            }
            i += 1
        }
        if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: utf8.count - runStart)) }
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): raw("\\\"")
        case UInt8(ascii: "\\"): raw("\\\\")
        case 0x0A: raw("\\n")
        case 0x0D: raw("\\r")
        case 0x09: raw("\\t")
        default:
            raw("\\u00")
            bytes.append(Self.hexDigit(byte >> 4))
            bytes.append(Self.hexDigit(byte & 0xF))
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    /// Writes `value` with two-space indentation, for documents meant to be read by people.
    public mutating func writePretty(_ value: JSONValue, indent: Int = 0) {
        switch value {
        case .array(let elements) where !elements.isEmpty:
            raw("[\n")
            for (i, element) in elements.enumerated() {
                pad(indent + 2)
                writePretty(element, indent: indent + 2)
                if i < elements.count - 1 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(0x0A)
            }
            pad(indent)
            bytes.append(UInt8(ascii: "]"))
        case .object(let object) where !object.isEmpty:
            raw("{\n")
            for (i, member) in object.members.enumerated() {
                pad(indent + 2)
                string(member.key)
                raw(": ")
                writePretty(member.value, indent: indent + 2)
                if i < object.count - 1 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(0x0A)
            }
            pad(indent)
            bytes.append(UInt8(ascii: "}"))
        default:
            write(value)
        }
    }

    /// Appends `count` spaces (indentation).
    mutating func pad(_ count: Int) {
        var left = count
        while left > 0 {
            let run = min(left, 16)
            Self.spaces.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<run])) }
            left -= run
        }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 16)
}
