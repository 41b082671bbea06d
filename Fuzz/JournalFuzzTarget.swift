// libFuzzer target over journal decoding, migration and re-encoding.
//
// Built by scripts/fuzz together with the LumbarCore sources (one module, so `internal`
// declarations are visible), not by SwiftPM. Every property below is also checked for each
// file in Tests/Fixtures/fuzz-regressions by ReliabilityHostileJournalTests.fuzzRegression.

/// The libFuzzer entry point: one input, any trap is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func lumbarFuzzJournal(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    JournalFuzzChecks.check(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

/// The properties a journal decoder must keep for any input.
enum JournalFuzzChecks {
    static func check(_ bytes: [UInt8]) {
        checkJSON(bytes)
        let journal: Journal
        do {
            journal = try JournalStore.decode(bytes, path: "/fuzz/journal.json")
        } catch let error as StoreError {
            // Refusing is fine, but only as "unreadable", naming the path, in one line.
            guard case .unreadable(let path, let reason) = error, path == "/fuzz/journal.json", !reason.contains("\n") else {
                fatalError("decode failed with an unexpected error: \(error)")
            }
            return
        } catch {
            fatalError("decode threw something other than StoreError: \(error)")
        }
        checkFastPath(bytes, journal)
        checkAnswers(journal)
        checkMigration(journal)
        checkIncrementalSave(bytes)
        checkInterchange(journal)
        checkMerge(journal)
    }

    /// The one-pass reader either gives up or gives exactly what the general path gives.
    static func checkFastPath(_ bytes: [UInt8], _ journal: Journal) {
        guard let fast = bytes.withUnsafeBufferPointer({ JournalReader.read($0) }) else { return }
        guard let tree = try? JournalCodec.decodeByTree(bytes) else { fatalError("the fast reader accepted what the general path refuses") }
        if fast != tree || fast != journal { fatalError("the fast reader and the general path disagree") }
    }

    /// No answer is both yes and no; a known key answered no is a warning sign; a version-1
    /// journal answers every version-1 warning sign, and none of the new ones.
    static func checkAnswers(_ journal: Journal) {
        for checkIn in journal.checkIns {
            if checkIn.denied.contains(where: { checkIn.symptoms.contains($0) || ($0.isKnown && !$0.isWarningSign) }) {
                fatalError("a check-in was read with a contradictory or impossible no answer")
            }
            guard journal.schemaVersion < 2 else { continue }
            if Symptom.version1WarningSigns.contains(where: { checkIn.answer(to: $0) == nil })
                || Symptom.warningSigns.contains(where: { !Symptom.version1WarningSigns.contains($0) && checkIn.answer(to: $0) != nil }) {
                fatalError("a version-1 check-in was not upgraded as the contract says")
            }
        }
    }

    /// A save that copies unchanged entries' text from the file writes the same bytes as one
    /// that writes everything anew: for the journal as read, and after an edit, a delete and an
    /// insert (what check-ins, edits and deletes do between a read and a save).
    static func checkIncrementalSave(_ bytes: [UInt8]) {
        guard let (read, source) = try? JournalCodec.decodeKeepingSource(bytes), read.schemaVersion <= Journal.currentSchemaVersion else { return }
        var journal = read
        journal.schemaVersion = Journal.currentSchemaVersion
        var variants = [journal]
        if let first = journal.checkIns.first {
            var edited = journal
            var changed = first
            changed.pain = (first.pain + 1) % 11
            changed.note += " edited"
            edited.edit(changed)
            variants.append(edited)
            var deleted = journal
            deleted.delete(id: journal.checkIns[journal.checkIns.count / 2].id, at: first.updatedAt)
            variants.append(deleted)
            var inserted = journal
            inserted.upsert(CheckIn(date: first.date, at: first.at, pain: 3, note: "inserted", updatedAt: first.updatedAt))
            variants.append(inserted)
        }
        if let session = journal.sessions.last {
            var moved = journal
            var later = session
            later.at = session.at.adding(hours: -1)
            moved.upsert(later)
            variants.append(moved)
        }
        for variant in variants where JournalCodec.encode(variant, reusing: source) != JournalCodec.encode(variant) {
            fatalError("an incremental save wrote different bytes from a full one")
        }
    }

    /// Any JSON the parser accepts is written back as JSON that parses to the same value.
    static func checkJSON(_ bytes: [UInt8]) {
        guard let value = try? JSONParser.parse(bytes) else { return }
        var writer = JSONWriter()
        writer.write(value)
        guard let again = try? JSONParser.parse(writer.bytes) else { fatalError("the writer produced JSON the parser refuses") }
        if again != value { fatalError("a JSON value changed through a write and a read") }
        var pretty = JSONWriter()
        pretty.writePretty(value)
        guard let third = try? JSONParser.parse(pretty.bytes), third == value else { fatalError("pretty JSON does not read back") }
    }

    /// What a save does (bring the journal to the current schema and encode it) must read back
    /// as the same journal, and encoding that again must give the same bytes.
    static func checkMigration(_ journal: Journal) {
        guard journal.schemaVersion <= Journal.currentSchemaVersion else { return }  // never rewritten
        var migrated = journal
        migrated.schemaVersion = Journal.currentSchemaVersion
        let encoded = JournalCodec.encode(migrated)
        let again: Journal
        do {
            again = try JournalCodec.decode(encoded)
        } catch {
            fatalError("a journal lumbar read could not be read back after saving it: \(error)")
        }
        if again != migrated { fatalError("the journal changed through a save and a read") }
        if JournalCodec.encode(again) != encoded { fatalError("saving twice gave different bytes") }
    }

    /// An export (pretty JSON without tombstones) imports as the same entries.
    static func checkInterchange(_ journal: Journal) {
        var writer = JSONWriter()
        writer.writePretty(JournalCodec.json(journal, includeTombstones: false))
        guard let imported = try? JournalCodec.decode(writer.bytes) else { fatalError("an export does not import") }
        if imported.checkIns != journal.checkIns || imported.sessions != journal.sessions || imported.profile != journal.profile
            || imported.assessments != journal.assessments {
            fatalError("an export changed the entries")
        }
    }

    /// Merging a journal with itself changes nothing (when its ids are unique, as lumbar writes them).
    static func checkMerge(_ journal: Journal) {
        var merged = journal
        let report = merged.merge(journal)
        let ids = journal.checkIns.map(\.id) + journal.sessions.map(\.id) + journal.assessments.map(\.id)
        let tombstoned = Set(journal.tombstones.map(\.id))
        guard Set(ids).count == ids.count, tombstoned.isDisjoint(with: ids) else { return }
        if report.changedSomething || merged != journal { fatalError("merging a journal with itself changed it: \(report)") }
    }
}
