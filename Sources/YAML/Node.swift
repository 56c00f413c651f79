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

    @usableFromInline
    var content: Content
    @usableFromInline
    var packed: PackedSpan

    /// Creates a node.
    @inlinable
    public init(kind: Kind, tag: String? = nil, span: Span, isAlias: Bool = false) {
        if let packed = PackedSpan(span, isAlias: isAlias) {
            self.packed = packed
            content = tag == nil ? Content(kind) : .boxed(Rare(kind: kind, tag: tag, span: nil))
        } else {
            packed = PackedSpan(boxedWithAlias: isAlias)
            content = .boxed(Rare(kind: kind, tag: tag, span: span))
        }
    }

    /// The node's content.
    @inlinable
    public var kind: Kind {
        get { content.kind }
        set { self = Node(kind: newValue, tag: tag, span: span, isAlias: isAlias) }
    }

    /// The explicit tag written in the source (`!!str`, `!custom`), expanded; nil when implicit.
    @inlinable
    public var tag: String? {
        get {
            if case .boxed(let rare) = content { return rare.tag }
            return nil
        }
        set { self = Node(kind: kind, tag: newValue, span: span, isAlias: isAlias) }
    }

    /// Where the node sits in the source.
    @inlinable
    public var span: Span {
        get {
            if packed.isBoxed, case .boxed(let rare) = content, let span = rare.span { return span }
            return Span(start: packed.startMark, end: packed.endMark)
        }
        set { self = Node(kind: kind, tag: tag, span: newValue, isAlias: isAlias) }
    }

    /// True when this node was produced by resolving an alias (`*name`); `span` is then the alias's.
    @inlinable
    public var isAlias: Bool {
        get { packed.isAlias }
        set { packed.isAlias = newValue }
    }

    /// Where the node starts.
    @inlinable
    public var start: Mark {
        if packed.isBoxed { return span.start }
        return packed.startMark
    }

    /// Just past where the node ends.
    @inlinable
    public var end: Mark {
        if packed.isBoxed { return span.end }
        return packed.endMark
    }

    /// The scalar text, or nil for collections.
    @inlinable
    public var scalar: String? {
        switch content {
        case .scalar(let text, _): return text
        case .sequence, .mapping: return nil
        case .boxed(let rare):
            if case .scalar(let text, _) = rare.kind { return text }
            return nil
        }
    }

    /// The scalar style, or nil for collections.
    @inlinable
    public var scalarStyle: ScalarStyle? {
        switch content {
        case .scalar(_, let style): return style
        case .sequence, .mapping: return nil
        case .boxed(let rare):
            if case .scalar(_, let style) = rare.kind { return style }
            return nil
        }
    }

    /// The items of a sequence, or nil.
    @inlinable
    public var sequence: [Node]? {
        switch content {
        case .sequence(let items): return items
        case .scalar, .mapping: return nil
        case .boxed(let rare):
            if case .sequence(let items) = rare.kind { return items }
            return nil
        }
    }

    /// The pairs of a mapping, or nil.
    @inlinable
    public var mapping: [Pair]? {
        switch content {
        case .mapping(let pairs): return pairs
        case .scalar, .sequence: return nil
        case .boxed(let rare):
            if case .mapping(let pairs) = rare.kind { return pairs }
            return nil
        }
    }

    /// True when this is a scalar whose text is `text`; compares in place instead of copying the text out.
    @inlinable
    func isScalar(_ text: String) -> Bool {
        switch content {
        case .scalar(let own, _): return own == text
        case .sequence, .mapping: return false
        case .boxed(let rare):
            if case .scalar(let own, _) = rare.kind { return own == text }
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
