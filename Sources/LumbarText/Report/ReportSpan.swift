#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// A piece of report text; the renderers decide how each kind looks and escape all text.
enum ReportSpan: Hashable, Sendable {
    /// Plain text (possibly the person's own words).
    case text(String)
    /// Emphasised text.
    case strong(String)
    /// A red-flag symptom answered yes.
    case redFlag(String)
    /// A level name, shown in its colour where the format has colour.
    case level(Level)
    /// A rule id or other literal key.
    case code(String)
    /// A line break inside a note.
    case lineBreak
}
