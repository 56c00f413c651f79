// How a Node is laid out. Nodes are copied all over the linter, and another module copies a struct inline only
// while it has at most seven scalar fields; past that every copy went through the type's value witnesses (three
// calls deep). So a node holds its content (one reference) and its span packed into three words, and keeps what
// few nodes have (a tag, a span too large to pack) in a box.
extension Node {
    /// The kind, or a box holding it with a tag or an unpackable span.
    @usableFromInline
    enum Content: Sendable, Hashable {
        case scalar(String, ScalarStyle)
        case sequence([Node])
        case mapping([Pair])
        /// A node with a tag or a span that `PackedSpan` cannot hold (rare).
        case boxed(Rare)

        @inlinable
        init(_ kind: Kind) {
            switch kind {
            case .scalar(let text, let style): self = .scalar(text, style)
            case .sequence(let items): self = .sequence(items)
            case .mapping(let pairs): self = .mapping(pairs)
            }
        }

        @inlinable
        var kind: Kind {
            switch self {
            case .scalar(let text, let style): return .scalar(text, style)
            case .sequence(let items): return .sequence(items)
            case .mapping(let pairs): return .mapping(pairs)
            case .boxed(let rare): return rare.kind
            }
        }
    }

    /// The parts of a node that few nodes have.
    @usableFromInline
    final class Rare: Sendable, Hashable {
        @usableFromInline let kind: Kind
        @usableFromInline let tag: String?
        /// The span, when it does not fit in `PackedSpan`; nil when it does.
        @usableFromInline let span: Span?

        @inlinable
        init(kind: Kind, tag: String?, span: Span?) {
            self.kind = kind
            self.tag = tag
            self.span = span
        }

        @inlinable
        static func == (lhs: Rare, rhs: Rare) -> Bool {
            lhs.kind == rhs.kind && lhs.tag == rhs.tag && lhs.span == rhs.span
        }

        @inlinable
        func hash(into hasher: inout Hasher) {
            hasher.combine(kind)
            hasher.combine(tag)
            hasher.combine(span)
        }
    }

    /// A span and the alias flag in three words: line and column of each end in 32 bits each, both byte
    /// offsets in 31 bits, and two flags. Spans that do not fit (past 2 GB, or negative) live in `Rare`.
    @usableFromInline
    struct PackedSpan: Sendable, Hashable {
        /// Start line << 32 | start column.
        @usableFromInline var start: UInt64
        /// End line << 32 | end column.
        @usableFromInline var end: UInt64
        /// Start offset << 33 | end offset << 2 | isAlias << 1 | span is in the box.
        @usableFromInline var bits: UInt64

        @inlinable
        init?(_ span: Span, isAlias: Bool) {
            guard Self.fits(span.start), Self.fits(span.end) else { return nil }
            start = UInt64(span.start.line) << 32 | UInt64(span.start.column)
            end = UInt64(span.end.line) << 32 | UInt64(span.end.column)
            bits = UInt64(span.start.offset) << 33 | UInt64(span.end.offset) << 2 | (isAlias ? 2 : 0)
        }

        /// The flags alone, for a span kept in the box.
        @inlinable
        init(boxedWithAlias isAlias: Bool) {
            start = 0
            end = 0
            bits = 1 | (isAlias ? 2 : 0)
        }

        @inlinable
        static func fits(_ mark: Mark) -> Bool {
            UInt(bitPattern: mark.line) < 1 << 32 && UInt(bitPattern: mark.column) < 1 << 32
                && UInt(bitPattern: mark.offset) < 1 << 31
        }

        @inlinable
        var isBoxed: Bool { bits & 1 != 0 }

        @inlinable
        var isAlias: Bool {
            get { bits & 2 != 0 }
            set { bits = newValue ? bits | 2 : bits & ~2 }
        }

        @inlinable
        var startMark: Mark {
            Mark(line: Int(start >> 32), column: Int(start & 0xFFFF_FFFF), offset: Int(bits >> 33))
        }

        @inlinable
        var endMark: Mark {
            Mark(line: Int(end >> 32), column: Int(end & 0xFFFF_FFFF), offset: Int((bits >> 2) & 0x7FFF_FFFF))
        }
    }
}
