#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Why a JSON document is not a journal: the field at fault and what is wrong with it.
public struct JournalFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Where in the document, e.g. `checkIns[12].pain`.
    public var field: String
    /// What is wrong, e.g. "must be a whole number from 0 to 10, found \"x\"".
    public var problem: String

    public var description: String { field.isEmpty ? problem : "\(field) \(problem)" }
}
