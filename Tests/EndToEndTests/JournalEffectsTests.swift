import Foundation
import LumbarCore
import LumbarTestSupport
import LumbarUI
import Testing
@testable import lumbar

/// The TUI's journal effects against a real file: saves keep what another process wrote, the
/// poll notices outside changes by the file's fingerprint, a failed save writes nothing.
@Suite(.serialized) struct JournalEffectsTests {
    /// Directories of the stores made here, removed when the tests end.
    nonisolated(unsafe) static var scratch: [TemporaryDirectory] = []

    static func temporaryStore() throws -> JournalStore {
        let directory = TemporaryDirectory("effects")
        scratch.append(directory)
        return JournalStore(path: directory.file("journal.json"))
    }

    static let zone = ZoneInfo(identifier: "Europe/Stockholm")!

    @Test func savingKeepsWhatAnotherProcessWroteMeanwhile() throws {
        let store = try Self.temporaryStore()
        let now = Date(timeIntervalSince1970: 1_772_737_200)  // 2026-03-05 20:00 +01:00
        let stamp = Timestamp(now, in: Self.zone)
        var effects = JournalEffects(store: store, timeZone: Self.zone, now: { now }, fingerprint: nil)
        // Another lumbar logs a session after the TUI read the (empty) journal.
        let outside = Session(at: stamp.adding(hours: -2), kind: "run", updatedAt: stamp)
        try store.update { $0.upsert(outside) }
        let checkIn = CheckIn(date: stamp.localDate, at: stamp, pain: 4, updatedAt: stamp)
        let result = effects.save(Transaction(changes: [.upsertCheckIn(checkIn)], purpose: .checkIn, summary: "saved"))
        guard case .saved(_, let journal, let undo) = result else {
            Issue.record("expected .saved, got \(result)")
            return
        }
        #expect(journal.sessions.map(\.id) == [outside.id])
        #expect(journal.checkIns.map(\.id) == [checkIn.id])
        #expect(undo == [.delete(checkIn.id)])
        let onDisk = try store.load()
        #expect(onDisk.sessions.count == 1 && onDisk.checkIns.count == 1)
        // The TUI's own save is not reported back as an outside change.
        #expect(effects.reloadIfChanged() == nil)
    }

    @Test func anOutsideChangeIsNoticedByItsFingerprint() throws {
        let store = try Self.temporaryStore()
        let now = Date(timeIntervalSince1970: 1_772_737_200)
        let stamp = Timestamp(now, in: Self.zone)
        try store.update { $0.upsert(CheckIn(date: stamp.localDate, at: stamp, pain: 2, updatedAt: stamp)) }
        let snapshot = try store.read()
        var effects = JournalEffects(store: store, timeZone: Self.zone, now: { now }, fingerprint: snapshot.fingerprint)
        #expect(effects.reloadIfChanged() == nil)
        try store.update { $0.upsert(Session(at: stamp, kind: "swim", updatedAt: stamp)) }
        guard case .journalReloaded(let journal) = effects.reloadIfChanged() else {
            Issue.record("the change was not noticed")
            return
        }
        #expect(journal.sessions.first?.kind == "swim")
        #expect(effects.reloadIfChanged() == nil)
    }

    @Test func aFailedSaveSaysWhyAndWritesNothing() throws {
        let store = try Self.temporaryStore()
        try "not json".write(toFile: store.path, atomically: true, encoding: .utf8)
        let now = Date(timeIntervalSince1970: 1_772_737_200)
        let stamp = Timestamp(now, in: Self.zone)
        var effects = JournalEffects(store: store, timeZone: Self.zone, now: { now }, fingerprint: nil)
        let result = effects.save(
            Transaction(
                changes: [.upsertCheckIn(CheckIn(date: stamp.localDate, at: stamp, pain: 1, updatedAt: stamp))],
                purpose: .checkIn, summary: "saved"))
        guard case .saveFailed(_, let reason) = result else {
            Issue.record("expected a failure, got \(result)")
            return
        }
        #expect(reason.contains("cannot read the journal"))
        #expect(try String(contentsOfFile: store.path, encoding: .utf8) == "not json")
    }

    @Test func thePollEffectReportsAnOutsideChangeOnce() throws {
        let store = try Self.temporaryStore()
        let now = Date(timeIntervalSince1970: 1_772_737_200)
        let stamp = Timestamp(now, in: Self.zone)
        var effects = JournalEffects(store: store, timeZone: Self.zone, now: { now }, fingerprint: nil)
        #expect(effects.perform(.pollJournal).isEmpty, "no file yet, nothing changed")
        try store.update { $0.upsert(Session(at: stamp, kind: "swim", updatedAt: stamp)) }
        let messages = effects.perform(.pollJournal)
        #expect(messages.count == 1)
        if case .journalReloaded(let journal)? = messages.first { #expect(journal.sessions.count == 1) } else { Issue.record("got \(messages)") }
        #expect(effects.perform(.pollJournal).isEmpty)
    }
}
