/// The full-screen UI's keys as the `?` overlay lists them, for the manual page.
public enum KeyReference {
    /// Each key (or group of keys) and what it does, in the overlay's order.
    public static var entries: [(keys: String, action: String)] {
        HelpOverlay.entries.map { ($0.key, $0.long) }
    }
}
