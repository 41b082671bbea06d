/// Writes JSON text: compact values, with an optional newline between the elements of chosen arrays.
///
/// The bytes live in memory of the writer's own, written through a pointer: appending one byte
/// or a short run is a store and an add, where `Array.append` checks uniqueness and capacity on
/// every call, which was most of the cost of writing a long document.
public struct JSONWriter {
    /// Owns the memory (frees it); the pointer and counts live in the struct itself, so the hot
    /// path touches no class property (which would be checked for exclusive access at run time).
    private final class Owner {
        let base: UnsafeMutablePointer<UInt8>

        init(capacity: Int) { base = .allocate(capacity: capacity) }

        deinit { base.deallocate() }
    }

    private var owner: Owner
    private var base: UnsafeMutablePointer<UInt8>
    private var used = 0
    private var capacity: Int

    /// The bytes written so far (a copy).
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// The number of bytes written so far.
    public var count: Int { used }

    /// Calls `body` with the bytes written so far, without copying them.
    public func withUnsafeBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withExtendedLifetime(owner) { try body(UnsafeBufferPointer(start: base, count: used)) }
    }

    /// An empty writer, reserving room for `capacity` bytes.
    public init(capacity: Int = 4096) {
        self.capacity = Swift.max(capacity, 16)
        owner = Owner(capacity: self.capacity)
        base = owner.base
    }

    /// Makes the memory this writer's own (a copy shares it until then) with room for `extra` more bytes.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if used + extra > capacity || !isKnownUniquelyReferenced(&owner) { grow(extra) }
    }

    private mutating func grow(_ extra: Int) {
        let size = used + extra > capacity ? Swift.max(capacity * 2, used + extra) : capacity
        let moved = Owner(capacity: size)
        moved.base.update(from: base, count: used)
        owner = moved
        base = moved.base
        capacity = size
    }

    /// Appends `count` bytes from `source`.
    @inline(__always)
    private mutating func append(_ source: UnsafePointer<UInt8>, count: Int) {
        reserve(count)
        (base + used).update(from: source, count: count)
        used += count
    }

    /// Appends raw, already-valid JSON text.
    @inline(__always)
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { utf8 in
            if let base = utf8.baseAddress { append(base, count: utf8.count) }
        }
    }

    /// Appends a value in compact form.
    public mutating func write(_ value: JSONValue) {
        switch value {
        case .null: raw("null")
        case .bool(let b): if b { raw("true") } else { raw("false") }
        case .number(let text): self.text(text)
        case .string(let s): string(s)
        case .array(let elements):
            byte(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { byte(UInt8(ascii: ",")) }
                write(element)
            }
            byte(UInt8(ascii: "]"))
        case .object(let object):
            byte(UInt8(ascii: "{"))
            var first = true
            for member in object {
                if !first { byte(UInt8(ascii: ",")) }
                first = false
                string(member.key)
                byte(UInt8(ascii: ":"))
                write(member.value)
            }
            byte(UInt8(ascii: "}"))
        }
    }

    /// Appends an integer.
    public mutating func int(_ value: Int) {
        if value >= 0 && value < 10_000 {
            digits(value, width: 1)
        } else {
            text(String(value))
        }
    }

    /// Hands the bytes written so far to `sink` once there are at least `threshold` of them,
    /// and goes on writing into the same memory, so a long document needs one chunk of room.
    public mutating func drain(ifAtLeast threshold: Int = 0, into sink: ([UInt8]) -> Void) {
        guard used > 0, used >= threshold else { return }
        sink(bytes)
        removeAll()
    }

    /// Forgets what was written, keeping the memory.
    mutating func removeAll() {
        used = 0
    }

    /// Appends the UTF-8 of `text` as it is (not as a JSON string).
    mutating func text(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            if let base = utf8.baseAddress { append(base, count: utf8.count) }
        }
    }

    /// Appends already-valid JSON text.
    mutating func append(_ text: ArraySlice<UInt8>) {
        text.withUnsafeBufferPointer { slice in
            if let base = slice.baseAddress { append(base, count: slice.count) }
        }
    }

    /// Appends one byte of already-valid JSON text.
    @inline(__always)
    mutating func byte(_ byte: UInt8) {
        reserve(1)
        base[used] = byte
        used += 1
    }

    /// Appends a non-negative `value` below 10 000 in decimal, zero-padded to at least `width` digits.
    mutating func digits(_ value: Int, width: Int) {
        if value >= 1000 || width >= 4 {
            twoDigits(value / 100)
            twoDigits(value % 100)
        } else if value >= 100 || width == 3 {
            byte(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / 100))
            twoDigits(value % 100)
        } else if value >= 10 || width == 2 {
            twoDigits(value)
        } else {
            byte(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value))
        }
    }

    /// Appends `value` (0...99) as exactly two digits.
    @inline(__always)
    mutating func twoDigits(_ value: Int) {
        reserve(2)
        base[used] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / 10)
        base[used + 1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10)
        used += 2
    }

    /// Appends a quoted, escaped string.
    public mutating func string(_ s: String) {
        byte(UInt8(ascii: "\""))
        // Native strings are contiguous UTF-8; copy the runs that need no escape in one go.
        let copied: Void? = s.utf8.withContiguousStorageIfAvailable { utf8 in appendEscaped(utf8) }
        if copied == nil {
            var contiguous = s
            contiguous.withUTF8 { appendEscaped($0) }
        }
        byte(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard let base = utf8.baseAddress else { return }
        var runStart = 0
        var i = 0
        while i < utf8.count {
            let byte = utf8[i]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                if runStart < i { append(base + runStart, count: i - runStart) }
                escape(byte)
                runStart = i + 1
            }
            i += 1
        }
        if runStart < utf8.count { append(base + runStart, count: utf8.count - runStart) }
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
            self.byte(Self.hexDigit(byte >> 4))
            self.byte(Self.hexDigit(byte & 0xF))
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
                if i < elements.count - 1 { byte(UInt8(ascii: ",")) }
                byte(0x0A)
            }
            pad(indent)
            byte(UInt8(ascii: "]"))
        case .object(let object) where !object.isEmpty:
            raw("{\n")
            for (i, member) in object.members.enumerated() {
                pad(indent + 2)
                string(member.key)
                raw(": ")
                writePretty(member.value, indent: indent + 2)
                if i < object.count - 1 { byte(UInt8(ascii: ",")) }
                byte(0x0A)
            }
            pad(indent)
            byte(UInt8(ascii: "}"))
        default:
            write(value)
        }
    }

    /// Appends `count` spaces (indentation).
    mutating func pad(_ count: Int) {
        guard count > 0 else { return }
        reserve(count)
        (base + used).update(repeating: UInt8(ascii: " "), count: count)
        used += count
    }

}
