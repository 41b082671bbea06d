/// Where the entry arrays end in a journal file as `JournalCodec` writes it, and the time of the
/// last entry of each: enough to add an entry after the last one by inserting its line, without
/// reading the entries before it.
///
/// `JournalCodec` writes each session and check-in as one line, the arrays in time order, and
/// closes each array with a line `]`; a JSON string holds no raw line break, so these offsets
/// are only ever at the array's end. The layout is known only for bytes that are exactly what
/// the codec writes for the journal they hold (`JournalCache` records it for such a file).
struct JournalLayout: Equatable, Sendable {
    /// The offset of the line break before the `]` that closes `sessions`.
    var sessionsEnd: Int
    /// The offset of the line break before the `]` that closes `checkIns`.
    var checkInsEnd: Int
    /// The `at` (epoch milliseconds) of the last session, `nil` when there are none.
    var lastSessionAt: Int64?
    /// The `at` (epoch milliseconds) of the last check-in, `nil` when there are none.
    var lastCheckInAt: Int64?

    /// Which array an entry goes in.
    enum EntryArray: Sendable {
        /// `sessions`.
        case sessions
        /// `checkIns`.
        case checkIns
    }

    /// Where and what to insert into the file `bytes` (laid out as `self` says) to add `line`,
    /// one entry as the codec writes it, at the end of `array`, and the layout of the result;
    /// `nil` when the entry does not go last (`Journal.insert` puts an entry after those at or
    /// before its time) or the bytes are not laid out as recorded. The new file is
    /// `bytes[..<offset] + text + bytes[offset...]`.
    func insertion(of line: [UInt8], at time: Int64, to array: EntryArray, in bytes: UnsafeRawBufferPointer) -> (offset: Int, text: [UInt8], layout: JournalLayout)? {
        let end = array == .sessions ? sessionsEnd : checkInsEnd
        let last = array == .sessions ? lastSessionAt : lastCheckInAt
        let closing = Array("\n],\n\"".utf8)
        guard sessionsEnd < checkInsEnd, end >= 0, end + closing.count <= bytes.count,
            bytes[end..<(end + closing.count)].elementsEqual(closing)
        else { return nil }
        if let last, last > time { return nil }
        // An empty array is `[` then the closing line; a line after an entry needs a comma.
        let text: [UInt8] = (last == nil ? [0x0A] : [0x2C, 0x0A]) + line
        var layout = self
        let added = text.count
        switch array {
        case .sessions:
            layout.sessionsEnd += added
            layout.checkInsEnd += added
            layout.lastSessionAt = time
        case .checkIns:
            layout.checkInsEnd += added
            layout.lastCheckInAt = time
        }
        return (end, text, layout)
    }
}
