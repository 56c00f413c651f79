internal import CYAMLBridge

/// Parses YAML text into positioned nodes through libyaml's event parser.
public struct YAMLParser: Sendable {
    /// The bounds applied to every input.
    public var limits: ParseLimits

    /// Creates a parser with the given limits.
    public init(limits: ParseLimits = ParseLimits()) {
        self.limits = limits
    }

    /// Parses every document of a stream.
    public func parseStream(_ bytes: [UInt8]) throws(YAMLError) -> [Document] {
        guard bytes.count <= limits.maxBytes else {
            throw YAMLError(.sizeLimit, "input is \(bytes.count) bytes, over the limit of \(limits.maxBytes) bytes", at: .start)
        }
        var builder = TreeBuilder(bytes: bytes, limits: limits)
        return try builder.run()
    }

    /// Parses every document of a stream given as a string.
    public func parseStream(_ text: String) throws(YAMLError) -> [Document] {
        try parseStream(Array(text.utf8))
    }

    /// Parses a single-document input; an empty input gives a document with no root.
    public func parse(_ bytes: [UInt8]) throws(YAMLError) -> Document {
        let documents = try parseStream(bytes)
        guard let first = documents.first else {
            return Document(root: nil, span: Span(start: .start, end: .start))
        }
        if documents.count > 1 {
            throw YAMLError(.syntax, "expected a single document, found \(documents.count)", at: documents[1].span.start)
        }
        return first
    }

    /// Parses a single-document input given as a string.
    public func parse(_ text: String) throws(YAMLError) -> Document {
        try parse(Array(text.utf8))
    }
}

/// Turns libyaml's event stream into nodes with an explicit stack (no recursion, so no stack overflow).
private struct TreeBuilder {
    /// The document or a collection under construction; a collection's children wait in `PendingChildren` from
    /// `firstChild` on. The innermost one is a stored property of its own, mutated in place: reaching it through
    /// the stack array checked the array's uniqueness several times per node.
    private struct Frame {
        enum Shape { case document, sequence, mapping }

        let shape: Shape
        let start: Mark
        let tag: String?
        let anchor: String?
        let firstChild: Int
        /// Key texts seen so far, built only once a mapping grows past a linear scan's worth.
        var keyIndex: [String: Mark]?
        /// Nodes in this subtree, so an alias to it is counted without walking it.
        var size = 1

        init(_ shape: Shape, start: Mark, tag: String?, anchor: String?, firstChild: Int) {
            self.shape = shape
            self.start = start
            self.tag = tag
            self.anchor = anchor
            self.firstChild = firstChild
        }

        /// The position of an earlier key with the same text, if any; keys sit at even offsets from `firstChild`.
        mutating func earlierKey(_ text: String, in children: borrowing PendingChildren) -> Mark? {
            if let keyIndex { return keyIndex[text] }
            let keyCount = (children.count - firstChild) / 2
            if keyCount < 16 {
                // Compares key texts in place, without copying any node.
                for index in stride(from: firstChild, to: children.count, by: 2) {
                    if children[index].isScalar(text) { return children[index].start }
                }
                return nil
            }
            var index: [String: Mark] = [:]
            for child in stride(from: children.count - 2, through: firstChild, by: -2) {
                if let key = children[child].scalar { index[key] = children[child].start }
            }
            keyIndex = index
            return index[text]
        }
    }

    let bytes: [UInt8]
    let limits: ParseLimits
    let source: SourceMap
    /// The innermost open collection, or the document when none is open.
    private var current = Frame(.document, start: .start, tag: nil, anchor: nil, firstChild: 0)
    /// The frames around `current`, outermost (the document) first; its count is the nesting depth.
    private var enclosing: [Frame] = []
    /// Each anchor's node and how many nodes it holds (so aliases are counted without being walked).
    private var anchors: [String: (node: Node, size: Int)] = [:]
    private var aliasExpansion = 0

    init(bytes: [UInt8], limits: ParseLimits) {
        self.bytes = bytes
        self.limits = limits
        self.source = SourceMap(bytes: bytes)
    }

    mutating func run() throws(YAMLError) -> [Document] {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw YAMLError(.syntax, "libyaml could not allocate a parser", at: .start)
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)

        var documents: [Document] = []
        var documentStart = Mark.start
        var root: Node?
        var children = PendingChildren()
        let result: Result<[Document], YAMLError> = bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    return .failure(parserError(parser))
                }
                defer { yaml_event_delete(&event) }
                let start = mark(event.start_mark)
                let end = mark(event.end_mark)
                do throws(YAMLError) {
                    switch event.type {
                    case YAML_STREAM_END_EVENT:
                        return .success(documents)
                    case YAML_DOCUMENT_START_EVENT:
                        documentStart = start
                        root = nil
                        anchors.removeAll(keepingCapacity: true)
                    case YAML_DOCUMENT_END_EVENT:
                        documents.append(Document(root: root, span: Span(start: documentStart, end: end)))
                    case YAML_SCALAR_EVENT:
                        let scalar = event.data.scalar
                        let text = string(scalar.value, length: scalar.length)
                        try checkKey(text, at: start, children: children)
                        // Built in the call, so the node is moved into the tree rather than copied and destroyed.
                        try add(Node(kind: .scalar(text, style(scalar.style)), tag: optionalString(scalar.tag),
                                     span: Span(start: start, end: end)),
                                size: 1, anchor: optionalString(scalar.anchor), root: &root, children: &children)
                    case YAML_ALIAS_EVENT:
                        let name = optionalString(event.data.alias.anchor) ?? ""
                        guard let (target, size) = anchors[name] else {
                            throw YAMLError(.unknownAnchor, "found undefined alias '*\(name)'", at: start)
                        }
                        aliasExpansion += size
                        if aliasExpansion > limits.maxAliasExpansion {
                            throw YAMLError(.aliasExpansionLimit,
                                            "aliases expand to more than \(limits.maxAliasExpansion) nodes (alias bomb?)", at: start)
                        }
                        if let text = target.scalar { try checkKey(text, at: start, children: children) }
                        var node = target
                        node.span = Span(start: start, end: end)
                        node.isAlias = true
                        try add(node, size: size, anchor: nil, root: &root, children: &children)
                    case YAML_SEQUENCE_START_EVENT:
                        try checkDepth(at: start)
                        let data = event.data.sequence_start
                        open(Frame(.sequence, start: start, tag: optionalString(data.tag),
                                   anchor: optionalString(data.anchor), firstChild: children.count))
                    case YAML_MAPPING_START_EVENT:
                        try checkDepth(at: start)
                        let data = event.data.mapping_start
                        open(Frame(.mapping, start: start, tag: optionalString(data.tag),
                                   anchor: optionalString(data.anchor), firstChild: children.count))
                    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                        guard var frame = enclosing.popLast() else { break }
                        swap(&frame, &current)
                        let kind: Node.Kind = frame.shape == .mapping ? .mapping(children.removePairs(from: frame.firstChild))
                            : .sequence(children.removeItems(from: frame.firstChild))
                        try add(Node(kind: kind, tag: frame.tag, span: Span(start: frame.start, end: end)),
                                size: frame.size, anchor: frame.anchor, root: &root, children: &children)
                    default:
                        break
                    }
                } catch {
                    return .failure(error)
                }
            }
        }
        return try result.get()
    }

    private func checkDepth(at mark: Mark) throws(YAMLError) {
        if enclosing.count >= limits.maxDepth {
            throw YAMLError(.depthLimit, "collections nest deeper than \(limits.maxDepth) levels", at: mark)
        }
    }

    /// Makes `frame` the innermost open collection.
    private mutating func open(_ frame: consuming Frame) {
        var frame = frame
        swap(&frame, &current)
        enclosing.append(frame)
    }

    /// Rejects a scalar about to become a key that an earlier key of the same mapping already has. Inlined so
    /// that values and first keys (most scalars) cost a few comparisons, not a call.
    @inline(__always)
    private mutating func checkKey(_ text: String, at mark: Mark, children: borrowing PendingChildren) throws(YAMLError) {
        guard current.shape == .mapping, (children.count - current.firstChild) % 2 == 0,
              children.count > current.firstChild else { return }
        try checkLaterKey(text, at: mark, children: children)
    }

    private mutating func checkLaterKey(_ text: String, at mark: Mark,
                                        children: borrowing PendingChildren) throws(YAMLError) {
        if let first = current.earlierKey(text, in: children) {
            throw YAMLError(.duplicateKey, "duplicate key '\(text)'", at: mark, related: first)
        }
        if current.keyIndex != nil { current.keyIndex?[text] = mark }
    }

    /// Attaches a finished node to the innermost collection (or makes it the root), registering its anchor.
    private mutating func add(_ node: consuming Node, size: Int, anchor: String?, root: inout Node?,
                              children: inout PendingChildren) throws(YAMLError) {
        if let anchor { anchors[anchor] = (node, size) }
        current.size += size
        if current.shape == .document {
            root = node
        } else {
            children.append(node)
        }
    }

    private func mark(_ m: yaml_mark_t) -> Mark {
        source.mark(line: Int(m.line), column: Int(m.column), index: Int(m.index))
    }

    private func parserError(_ parser: yaml_parser_t) -> YAMLError {
        let problem = optionalString(parser.problem) ?? "unknown libyaml error"
        if parser.error == YAML_READER_ERROR {
            var message = problem
            if parser.problem_value >= 0 && problem.contains("#") == false {
                let hex = String(Int(parser.problem_value), radix: 16, uppercase: true)
                message += " #x" + (hex.count < 2 ? "0" + hex : hex)
            }
            return YAMLError(.encoding, message, at: source.mark(byteOffset: Int(parser.problem_offset)))
        }
        let context = optionalString(parser.context)
        return YAMLError(.syntax, problem, at: mark(parser.problem_mark),
                         related: context == nil ? nil : mark(parser.context_mark), context: context)
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
        guard let pointer, length > 0 else { return "" }
        // Copies straight into the new string's storage: a small string is then checked with one mask instead of
        // being packed byte by byte as `String(decoding:as:)` packs it. Invalid UTF-8 is repaired the same way.
        return String(unsafeUninitializedCapacity: length) { buffer in
            guard let target = buffer.baseAddress else { return 0 }
            target.initialize(from: pointer, count: length)
            return length
        }
    }

    private func optionalString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private func optionalString(_ pointer: UnsafePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private func style(_ s: yaml_scalar_style_t) -> ScalarStyle {
        switch s {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }
}
