import LumbarCore

/// A section of the guide ("The first days").
public struct GuideSection: Hashable, Sendable {
    /// The section heading.
    public var title: String
    /// Its items, in reading order.
    public var items: [GuideItem]

    /// A guide section.
    public init(title: String, items: [GuideItem]) {
        self.title = title
        self.items = items
    }
}
