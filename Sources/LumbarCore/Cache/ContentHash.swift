/// The hash the status cache records of the journal it was made from, so that a save can tell,
/// from the bytes it read anyway, that the journal is exactly the version the cache vouches for,
/// whatever its timestamps say.
///
/// A timestamp cannot tell a version written within the same clock tick from the one before it
/// (the racy-timestamp problem); the content can. The hash is XXH64 (xxHash, 64-bit) of the
/// XXH64s of the content's 64 KiB blocks: XXH64 reads 32 bytes a step in four independent lanes
/// and has no known accidental collisions worth counting at 2⁻⁶⁴, and the blocks let a save
/// that inserts a line near the end hash again only the blocks from the insertion on. The
/// journal's size is compared as well. XXH64's constants and steps are the reference's
/// (github.com/Cyan4973/xxHash, `xxhash.h`); `ContentHashTests` checks known answers that
/// `xxhsum -H1` gives.
public enum ContentHash {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    /// The length of the blocks the content hash is made of.
    public static let blockSize = 65_536

    /// The content hash of `bytes`.
    public static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        of(parts: [bytes])
    }

    /// The content hash of `bytes`.
    public static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { of($0) }
    }

    /// The content hash of `parts` joined, without joining them (a saved journal is the bytes
    /// read with one line inserted).
    public static func of(parts: [UnsafeRawBufferPointer]) -> UInt64 {
        combine(blockHashes(of: parts))
    }

    /// The content hash made of the hashes of all the blocks, in order.
    public static func combine(_ blockHashes: [UInt64]) -> UInt64 {
        blockHashes.map(\.littleEndian).withUnsafeBytes { xxh64($0) }
    }

    /// The XXH64 of each `blockSize` block of `parts` joined (the last may be shorter), from
    /// block `first` on: the blocks before it are the caller's, unchanged.
    public static func blockHashes(of parts: [UnsafeRawBufferPointer], fromBlock first: Int = 0) -> [UInt64] {
        let total = parts.reduce(0) { $0 + $1.count }
        var hashes: [UInt64] = []
        var start = first * blockSize
        // The part holding byte `start`, and how far into it.
        var part = 0, within = start
        while part < parts.count, within >= parts[part].count {
            within -= parts[part].count
            part += 1
        }
        while start < total {
            var state = State()
            var remaining = min(blockSize, total - start)
            while remaining > 0 {
                while within == parts[part].count {
                    part += 1
                    within = 0
                }
                let take = min(remaining, parts[part].count - within)
                state.update(UnsafeRawBufferPointer(rebasing: parts[part][within..<(within + take)]))
                within += take
                remaining -= take
            }
            hashes.append(state.finish())
            start += blockSize
        }
        return hashes
    }

    /// The XXH64 of `bytes` with seed 0.
    public static func xxh64(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var state = State()
        state.update(bytes)
        return state.finish()
    }

    /// The XXH64 of `bytes` with seed 0.
    public static func xxh64(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { xxh64($0) }
    }

    /// The reference's streaming state: four lanes, the length so far, and the bytes of a
    /// 32-byte stripe not yet complete.
    private struct State {
        var v1 = prime1 &+ prime2, v2 = prime2, v3: UInt64 = 0, v4: UInt64 = 0 &- prime1
        var total = 0
        var carry = [UInt8](repeating: 0, count: 32)
        var carried = 0

        mutating func update(_ part: UnsafeRawBufferPointer) {
            total += part.count
            var offset = 0
            if carried > 0 {
                let take = min(32 - carried, part.count)
                for i in 0..<take { carry[carried + i] = part[i] }
                carried += take
                offset = take
                guard carried == 32 else { return }
                carry.withUnsafeBytes { stripe($0, at: 0) }
                carried = 0
            }
            while offset + 32 <= part.count {
                stripe(part, at: offset)
                offset += 32
            }
            for i in offset..<part.count { carry[i - offset] = part[i] }
            carried = part.count - offset
        }

        mutating func stripe(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
            v1 = round(v1, word(bytes, offset))
            v2 = round(v2, word(bytes, offset + 8))
            v3 = round(v3, word(bytes, offset + 16))
            v4 = round(v4, word(bytes, offset + 24))
        }

        func finish() -> UInt64 {
            var hash: UInt64
            if total >= 32 {
                hash = rotate(v1, 1) &+ rotate(v2, 7) &+ rotate(v3, 12) &+ rotate(v4, 18)
                hash = merge(hash, v1)
                hash = merge(hash, v2)
                hash = merge(hash, v3)
                hash = merge(hash, v4)
            } else {
                hash = prime5
            }
            hash = hash &+ UInt64(total)
            return carry.withUnsafeBytes { tail in ContentHash.finish(hash, tail: UnsafeRawBufferPointer(rebasing: tail[0..<carried])) }
        }
    }

    /// The reference's last steps: the bytes after the last whole stripe, then the avalanche.
    private static func finish(_ start: UInt64, tail bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = start
        let count = bytes.count
        var offset = 0
        while offset + 8 <= count {
            hash ^= round(0, word(bytes, offset))
            hash = rotate(hash, 27) &* prime1 &+ prime4
            offset += 8
        }
        if offset + 4 <= count {
            hash ^= UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))) &* prime1
            hash = rotate(hash, 23) &* prime2 &+ prime3
            offset += 4
        }
        while offset < count {
            hash ^= UInt64(bytes[offset]) &* prime5
            hash = rotate(hash, 11) &* prime1
            offset += 1
        }
        hash ^= hash >> 33
        hash = hash &* prime2
        hash ^= hash >> 29
        hash = hash &* prime3
        hash ^= hash >> 32
        return hash
    }

    private static func word(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    private static func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 {
        (value << bits) | (value >> (64 - bits))
    }

    private static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        rotate(accumulator &+ input &* prime2, 31) &* prime1
    }

    private static func merge(_ hash: UInt64, _ lane: UInt64) -> UInt64 {
        (hash ^ round(0, lane)) &* prime1 &+ prime4
    }
}
