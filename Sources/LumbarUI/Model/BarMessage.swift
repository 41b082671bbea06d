/// A one-line message in the bottom bar until the next key.
struct BarMessage: Hashable, Sendable {
    var text: String
    var isError = false
}
