/// Reads the TZif files of the tz database (RFC 8536): the transitions, their offsets and the
/// POSIX rule in the footer that continues them.
enum TZif {
    /// The rules of a TZif file, or nil when `bytes` is not one lumbar can read.
    static func rules(from bytes: [UInt8]) -> ZoneInfo.Rules? {
        guard let first = Header(bytes, at: 0) else { return nil }
        guard first.version >= 2 else { return block(bytes, header: first, at: Header.size, timeSize: 4, footer: nil) }
        // Version 2 and later repeat the data with 64-bit times after the 32-bit block.
        let secondAt = Header.size + first.blockSize(timeSize: 4)
        guard let second = Header(bytes, at: secondAt) else { return nil }
        let dataAt = secondAt + Header.size
        let footerAt = dataAt + second.blockSize(timeSize: 8)
        return block(bytes, header: second, at: dataAt, timeSize: 8, footer: footer(bytes, at: footerAt))
    }

    private static func block(
        _ bytes: [UInt8], header: Header, at start: Int, timeSize: Int,
        footer: POSIXZoneRule?
    ) -> ZoneInfo.Rules? {
        guard start + header.blockSize(timeSize: timeSize) <= bytes.count, header.typeCount > 0 else { return nil }
        var transitions: [Int64] = []
        transitions.reserveCapacity(header.timeCount)
        for i in 0..<header.timeCount {
            let at = start + i * timeSize
            transitions.append(timeSize == 8 ? Int64(bitPattern: be64(bytes, at)) : Int64(Int32(bitPattern: be32(bytes, at))))
        }
        let indexAt = start + header.timeCount * timeSize
        let typesAt = indexAt + header.timeCount
        func offset(ofType type: Int) -> Int32 { Int32(bitPattern: be32(bytes, typesAt + type * 6)) }
        var offsets: [Int32] = []
        offsets.reserveCapacity(header.timeCount)
        for i in 0..<header.timeCount {
            let type = Int(bytes[indexAt + i])
            guard type < header.typeCount else { return nil }
            offsets.append(offset(ofType: type))
        }
        // RFC 8536: times before the first transition use local time type 0.
        return ZoneInfo.Rules(transitions: transitions, offsets: offsets, initialOffset: Int(offset(ofType: 0)), footer: footer)
    }

    private static func footer(_ bytes: [UInt8], at start: Int) -> POSIXZoneRule? {
        guard start < bytes.count, bytes[start] == 0x0A else { return nil }
        guard let end = bytes[(start + 1)...].firstIndex(of: 0x0A), end > start + 1 else { return nil }
        return POSIXZoneRule(parsing: String(decoding: bytes[(start + 1)..<end], as: UTF8.self))
    }

    private struct Header {
        static let size = 44
        let version: Int
        let isUTCCount, isStandardCount, leapCount, timeCount, typeCount, charCount: Int

        init?(_ bytes: [UInt8], at start: Int) {
            guard start + Self.size <= bytes.count,
                bytes[start] == 0x54, bytes[start + 1] == 0x5A, bytes[start + 2] == 0x69, bytes[start + 3] == 0x66
            else { return nil }
            let v = bytes[start + 4]
            version = v == 0 ? 1 : Int(v) - 0x30
            func count(_ n: Int) -> Int { Int(be32(bytes, start + 20 + 4 * n)) }
            isUTCCount = count(0)
            isStandardCount = count(1)
            leapCount = count(2)
            timeCount = count(3)
            typeCount = count(4)
            charCount = count(5)
        }

        func blockSize(timeSize: Int) -> Int {
            timeCount * timeSize + timeCount + typeCount * 6 + charCount + leapCount * (timeSize + 4)
                + isStandardCount + isUTCCount
        }
    }

    private static func be32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
    }

    private static func be64(_ bytes: [UInt8], _ at: Int) -> UInt64 {
        UInt64(be32(bytes, at)) << 32 | UInt64(be32(bytes, at + 4))
    }
}
