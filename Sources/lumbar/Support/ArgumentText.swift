/// Text helpers for option values that need nothing from Foundation (lumbar links
/// FoundationEssentials only, which lacks `trimmingCharacters`).
extension StringProtocol {
    /// The text without leading and trailing spaces and tabs, as an option value is compared.
    var withoutBlankEnds: String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else { return "" }
        return String(self[first...last])
    }
}
