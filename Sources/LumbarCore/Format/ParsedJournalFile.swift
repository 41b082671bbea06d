#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The bytes a journal was read from, with the entries as read (in file order) and the span of
/// the text of each entry that `JournalCodec.write` would spell exactly the same way.
struct ParsedJournalFile: Sendable {
    /// The file's bytes.
    let bytes: [UInt8]
    /// The sessions in file order, and where each canonically written one's text is.
    let sessions: [Session], sessionSpans: [Range<Int>?]
    /// The check-ins in file order, and where each canonically written one's text is.
    let checkIns: [CheckIn], checkInSpans: [Range<Int>?]

    /// Whether `a` and `b` are one array (the same storage, the same count): a journal whose
    /// entries were not changed since the read still holds the reader's arrays.
    static func sharesStorage<Entry>(_ a: [Entry], _ b: [Entry]) -> Bool {
        a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress && x.count == y.count } }
    }

    /// Where the text of `entry` is, if it is unchanged and was written canonically.
    ///
    /// The journal being saved and the source are both in time order, so the entry is looked
    /// for at `next` (unchanged) and just after it (the one at `next` was deleted or moved);
    /// `next` moves past a match. An entry not found there is simply written anew.
    func span<Entry: Identifiable & Equatable>(
        of entry: Entry, among originals: [Entry], spans: [Range<Int>?],
        next: inout Int
    ) -> Range<Int>? where Entry.ID == UUID {
        originals.withUnsafeBufferPointer { originals in
            for candidate in next..<min(next + 2, originals.count) where originals[candidate].id == entry.id {
                next = candidate + 1
                return originals[candidate] == entry ? spans[candidate] : nil
            }
            return nil
        }
    }
}
