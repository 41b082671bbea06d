#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Why an assessment could not be built.
public enum AssessmentError: Error, Equatable, Sendable {
    /// No rule was named and no flag at see-doctor was raised; `raised` lists the flags that were.
    case nothingToCover(raised: [RuleID])
    /// Named rules that were not raised at the assessment's time; `raised` lists the ones that were.
    case notRaised([RuleID], raised: [RuleID])

    /// One line saying what is wrong and how to fix it.
    public var message: String {
        switch self {
        case .nothingToCover(let raised):
            let named =
                raised.isEmpty
                ? "no flag was raised then"
                : "the flags raised then are " + raised.map(\.rawValue).joined(separator: ", ") + "; name the ones assessed with --rule ID"
            return "nothing to record as assessed: no flag at see-doctor was raised at that time (\(named))"
        case .notRaised(let rules, let raised):
            let list = raised.isEmpty ? "none" : raised.map(\.rawValue).joined(separator: ", ")
            return "not raised at that time: \(rules.map(\.rawValue).joined(separator: ", ")); the flags raised then: \(list)"
        }
    }
}
