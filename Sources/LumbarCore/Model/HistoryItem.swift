/// An item of the person's medical history that changes how persisting back pain is judged.
///
/// A struct rather than an enum so that a key written by a newer lumbar survives a rewrite;
/// the command line and the TUI accept only `HistoryItem.known`.
public struct HistoryItem: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The stable key stored in the journal.
    public let rawValue: String

    /// A history item with this key, known or not.
    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static func < (lhs: HistoryItem, rhs: HistoryItem) -> Bool { lhs.rawValue < rhs.rawValue }

    /// A cancer now or in the past.
    public static let cancer = HistoryItem(rawValue: "cancer")
    /// Osteoporosis (thin, fragile bones).
    public static let osteoporosis = HistoryItem(rawValue: "osteoporosis")
    /// Long-term steroid tablets.
    public static let steroids = HistoryItem(rawValue: "steroids")
    /// A weakened immune system, from illness or medicine.
    public static let immunosuppression = HistoryItem(rawValue: "immunosuppression")
    /// Injected drugs.
    public static let ivDrugs = HistoryItem(rawValue: "iv-drugs")

    /// Every history item lumbar asks about, in the contract's order.
    public static let known: [HistoryItem] = [.cancer, .osteoporosis, .steroids, .immunosuppression, .ivDrugs]

    /// Whether this build of lumbar knows the key.
    public var isKnown: Bool { HistoryItem.known.contains(self) }

    /// A short label for lists.
    public var label: String {
        switch rawValue {
        case "cancer": return "cancer (now or in the past)"
        case "steroids": return "long-term steroid tablets"
        case "immunosuppression": return "a weakened immune system"
        case "iv-drugs": return "injected drugs"
        default: return rawValue
        }
    }
}
