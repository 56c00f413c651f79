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

    /// The kind and the tag in one field, so that copying or destroying a node retains or releases one object,
    /// not two: nodes are copied all over the linter, and almost none has a tag.
    @usableFromInline
    enum Content: Sendable, Hashable {
        case scalar(String, ScalarStyle)
        case sequence([Node])
        case mapping([Pair])
        /// A node with an explicit tag.
        case tagged(TaggedKind)

        @inlinable
        init(kind: Kind, tag: String?) {
            if let tag {
                self = .tagged(TaggedKind(kind: kind, tag: tag))
                return
            }
            switch kind {
            case .scalar(let text, let style): self = .scalar(text, style)
            case .sequence(let items): self = .sequence(items)
            case .mapping(let pairs): self = .mapping(pairs)
            }
        }
    }

    /// A tagged node's kind and tag, boxed because tags are rare.
    @usableFromInline
    final class TaggedKind: Sendable, Hashable {
        @usableFromInline let kind: Kind
        @usableFromInline let tag: String

        @inlinable
        init(kind: Kind, tag: String) {
            self.kind = kind
            self.tag = tag
        }

        @inlinable
        static func == (lhs: TaggedKind, rhs: TaggedKind) -> Bool { lhs.kind == rhs.kind && lhs.tag == rhs.tag }

        @inlinable
        func hash(into hasher: inout Hasher) {
            hasher.combine(kind)
            hasher.combine(tag)
        }
    }

    @usableFromInline
    var content: Content
    /// Where the node sits in the source.
    public var span: Span
    /// True when this node was produced by resolving an alias (`*name`); `span` is then the alias's.
    public var isAlias: Bool

    /// Creates a node.
    @inlinable
    public init(kind: Kind, tag: String? = nil, span: Span, isAlias: Bool = false) {
        self.content = Content(kind: kind, tag: tag)
        self.span = span
        self.isAlias = isAlias
    }

    /// The node's content.
    @inlinable
    public var kind: Kind {
        get {
            switch content {
            case .scalar(let text, let style): return .scalar(text, style)
            case .sequence(let items): return .sequence(items)
            case .mapping(let pairs): return .mapping(pairs)
            case .tagged(let tagged): return tagged.kind
            }
        }
        set { content = Content(kind: newValue, tag: tag) }
    }

    /// The explicit tag written in the source (`!!str`, `!custom`), expanded; nil when implicit.
    @inlinable
    public var tag: String? {
        get {
            if case .tagged(let tagged) = content { return tagged.tag }
            return nil
        }
        set { content = Content(kind: kind, tag: newValue) }
    }

    /// Where the node starts.
    @inlinable
    public var start: Mark { span.start }
    /// Just past where the node ends.
    @inlinable
    public var end: Mark { span.end }

    /// The scalar text, or nil for collections.
    @inlinable
    public var scalar: String? {
        switch content {
        case .scalar(let text, _): return text
        case .sequence, .mapping: return nil
        case .tagged(let tagged):
            if case .scalar(let text, _) = tagged.kind { return text }
            return nil
        }
    }

    /// The scalar style, or nil for collections.
    @inlinable
    public var scalarStyle: ScalarStyle? {
        switch content {
        case .scalar(_, let style): return style
        case .sequence, .mapping: return nil
        case .tagged(let tagged):
            if case .scalar(_, let style) = tagged.kind { return style }
            return nil
        }
    }

    /// The items of a sequence, or nil.
    @inlinable
    public var sequence: [Node]? {
        switch content {
        case .sequence(let items): return items
        case .scalar, .mapping: return nil
        case .tagged(let tagged):
            if case .sequence(let items) = tagged.kind { return items }
            return nil
        }
    }

    /// The pairs of a mapping, or nil.
    @inlinable
    public var mapping: [Pair]? {
        switch content {
        case .mapping(let pairs): return pairs
        case .scalar, .sequence: return nil
        case .tagged(let tagged):
            if case .mapping(let pairs) = tagged.kind { return pairs }
            return nil
        }
    }

    /// True when this is a scalar whose text is `text`; compares in place instead of copying the text out.
    @inlinable
    func isScalar(_ text: String) -> Bool {
        switch content {
        case .scalar(let own, _): return own == text
        case .sequence, .mapping: return false
        case .tagged(let tagged):
            if case .scalar(let own, _) = tagged.kind { return own == text }
            return false
        }
    }

    /// The pair whose key is the scalar `key`, if this is a mapping that has one.
    @inlinable
    public func pair(_ key: String) -> Pair? {
        guard let pairs = mapping else { return nil }
        // An index loop reads keys in place; `first(where:)` copied every pair it looked at.
        for index in pairs.indices where pairs[index].key.isScalar(key) { return pairs[index] }
        return nil
    }

    /// The value under the scalar key `key`, if this is a mapping that has one.
    @inlinable
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
