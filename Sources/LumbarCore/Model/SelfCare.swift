/// A self-care action taken, identified by a stable string key ("heat").
public struct SelfCare: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The stable key stored in the journal.
    public let rawValue: String

    /// A self-care action with this key, known or not.
    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static func < (lhs: SelfCare, rhs: SelfCare) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Rested.
    public static let rest = SelfCare(rawValue: "rest")
    /// Stayed active (light movement).
    public static let active = SelfCare(rawValue: "active")
    /// Went for a walk.
    public static let walking = SelfCare(rawValue: "walking")
    /// Ice.
    public static let ice = SelfCare(rawValue: "ice")
    /// Heat.
    public static let heat = SelfCare(rawValue: "heat")
    /// Over-the-counter pain relief.
    public static let painRelief = SelfCare(rawValue: "pain-relief")
    /// Stretching.
    public static let stretching = SelfCare(rawValue: "stretching")
    /// Core exercises (bird dog, dead bug, bridges).
    public static let coreExercise = SelfCare(rawValue: "core-exercise")
    /// Massage.
    public static let massage = SelfCare(rawValue: "massage")
    /// Physiotherapy.
    public static let physio = SelfCare(rawValue: "physio")

    /// Every self-care action lumbar offers, in checklist order.
    public static let known: [SelfCare] = [
        .active, .walking, .rest, .ice, .heat, .painRelief, .stretching, .coreExercise, .massage, .physio,
    ]

    /// Whether this build of lumbar knows the key.
    public var isKnown: Bool { SelfCare.known.contains(self) }

    /// A short label for lists and checklists.
    public var label: String {
        switch rawValue {
        case "active": return "stayed active"
        case "pain-relief": return "pain relief"
        case "core-exercise": return "core exercise"
        default: return rawValue
        }
    }
}
