/// How a scalar was written in the source (or should be written by the emitter).
public enum ScalarStyle: Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// A parsed YAML node with its exact source span. Aliases are already resolved to copies of their anchor.
public struct Node: Sendable, Hashable {
    /// The three shapes a node can take.
    public enum Kind: Sendable, Hashable {
        /// A scalar's text exactly as loaded (escapes processed), with its style.
        case scalar(String, ScalarStyle)
        /// A sequence's items in source order.
        case sequence([Node])
        /// A mapping's pairs in source order (duplicates are rejected by the parser).
        case mapping([Pair])
    }

    /// One key/value entry of a mapping.
    public struct Pair: Sendable, Hashable {
        /// The key node (a scalar in every workflow, but YAML allows any node).
        public var key: Node
        /// The value node.
        public var value: Node
        /// Creates a pair.
        public init(key: Node, value: Node) {
            self.key = key
            self.value = value
        }
    }

    /// The node's content.
    public var kind: Kind
    /// The explicit tag written in the source (`!!str`, `!custom`), expanded; nil when implicit.
    public var tag: String?
    /// Where the node sits in the source.
    public var span: Span
    /// True when this node was produced by resolving an alias (`*name`); `span` is then the alias's.
    public var isAlias: Bool

    /// Creates a node.
    public init(kind: Kind, tag: String? = nil, span: Span, isAlias: Bool = false) {
        self.kind = kind
        self.tag = tag
        self.span = span
        self.isAlias = isAlias
    }

    /// Where the node starts.
    public var start: Mark { span.start }
    /// Just past where the node ends.
    public var end: Mark { span.end }

    /// The scalar text, or nil for collections.
    public var scalar: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    /// The scalar style, or nil for collections.
    public var scalarStyle: ScalarStyle? {
        if case .scalar(_, let style) = kind { return style }
        return nil
    }

    /// The items of a sequence, or nil.
    public var sequence: [Node]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// The pairs of a mapping, or nil.
    public var mapping: [Pair]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }

    /// The pair whose key is the scalar `key`, if this is a mapping that has one.
    public func pair(_ key: String) -> Pair? {
        mapping?.first { $0.key.scalar == key }
    }

    /// The value under the scalar key `key`, if this is a mapping that has one.
    public subscript(key: String) -> Node? {
        pair(key)?.value
    }

    /// The value this node denotes under the YAML 1.2 core schema (tags honoured), without positions.
    public var value: YAMLValue {
        switch kind {
        case .scalar(let text, let style):
            return ScalarResolver.resolve(text, style: style, tag: tag)
        case .sequence(let items):
            return .sequence(items.map(\.value))
        case .mapping(let pairs):
            return .mapping(pairs.map { YAMLValue.Entry(key: $0.key.value, value: $0.value.value) })
        }
    }
}

/// One document of a YAML stream.
public struct Document: Sendable, Hashable {
    /// The root node; nil for an empty document.
    public var root: Node?
    /// The span of the whole document.
    public var span: Span

    /// Creates a document.
    public init(root: Node?, span: Span) {
        self.root = root
        self.span = span
    }
}
