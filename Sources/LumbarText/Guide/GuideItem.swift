import LumbarCore

/// One piece of advice in the guide, with the articles it rests on.
public struct GuideItem: Hashable, Sendable {
    /// A short heading ("Keep moving, skip bed rest").
    public var title: String
    /// The advice, in lumbar's words.
    public var text: String
    /// The articles it comes from, the main one first; empty only for lumbar's own advice.
    public var sources: [Article]
    /// The rule the item explains, for the items that explain a flag; `nil` for advice.
    public var rule: RuleID?

    /// A guide item.
    public init(title: String, text: String, sources: [Article], rule: RuleID? = nil) {
        self.title = title
        self.text = text
        self.sources = sources
        self.rule = rule
    }
}
