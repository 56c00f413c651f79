/// Bounds that keep parsing hostile input cheap and crash-free.
public struct ParseLimits: Sendable, Hashable {
    /// Largest input accepted, in bytes.
    public var maxBytes: Int
    /// Deepest nesting of collections accepted; guards the stack of every later tree walk.
    public var maxDepth: Int
    /// Most nodes that aliases may add when expanded; stops "billion laughs" documents.
    public var maxAliasExpansion: Int

    /// Creates limits; the defaults are far above any real workflow.
    public init(maxBytes: Int = 16 << 20, maxDepth: Int = 256, maxAliasExpansion: Int = 100_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
    }
}
