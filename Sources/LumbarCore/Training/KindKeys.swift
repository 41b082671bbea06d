/// Kind keys remembered per spelling: trimming and case folding cost more than the rest of the
/// per-session work, and a log holds few distinct spellings.
struct KindKeys {
    private var known: [String: String] = [:]

    /// The case-folded kind of `session`.
    mutating func key(of session: Session) -> String {
        if let key = known[session.kind] { return key }
        let key = session.kindKey
        known[session.kind] = key
        return key
    }
}
