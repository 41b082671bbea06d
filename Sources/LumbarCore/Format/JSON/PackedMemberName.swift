/// A name of up to 16 bytes as three integers, so names can be compared without a byte loop.
///
/// The key holds the length and the first and last eight bytes (overlapping for shorter
/// names), so two names of at most 16 bytes have equal keys exactly when they are equal.
/// Longer names get a key that no short name has (their length differs).
struct PackedMemberName: Equatable, Sendable {
    let length: Int
    let head: UInt64
    let tail: UInt64

    /// The key of `name`'s UTF-8 bytes.
    init(_ name: StaticString) {
        self.init(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    }

    /// The key of `name`'s UTF-8 bytes.
    init(_ name: String) {
        self = Array(name.utf8).withUnsafeBufferPointer(PackedMemberName.init)
    }

    /// The key of `bytes`.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        length = bytes.count
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            head = 0
            tail = 0
            return
        }
        if bytes.count >= 8 {
            head = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self))
            tail = UInt64(littleEndian: UnsafeRawPointer(base + bytes.count - 8).loadUnaligned(as: UInt64.self))
        } else {
            var value: UInt64 = 0
            var i = 0
            while i < bytes.count {
                value |= UInt64(bytes[i]) << UInt64(8 * i)
                i += 1
            }
            head = value
            tail = value
        }
    }
}
