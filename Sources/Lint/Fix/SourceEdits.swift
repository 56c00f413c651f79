import YAML

/// Builds text edits at node positions of a parsed file, refusing whatever cannot be patched safely as text.
///
/// Every edit keeps the rest of the file byte for byte: it inserts whole lines in the indentation and
/// line-break style around it, or replaces one single-line scalar. Flow collections (`{}`/`[]`), anchored or
/// tagged collections, block scalars and files with aliases are refused, because an edit there would have to
/// re-emit the structure or would change other places that share the node.
struct SourceEdits {
    let source: SourceText
    let root: Node
    /// Whether the file uses aliases, computed once per file (see `WorkflowContext.usesAliases`).
    private let usesAliases: LazyValue<Bool>

    /// Edits of `source`, whose parsed tree is `root`.
    init(source: SourceText, root: Node) {
        self.source = source
        self.root = root
        usesAliases = LazyValue { SourceEdits.containsAlias(root) }
    }

    /// Edits of a linted workflow, sharing its once-computed alias check.
    init(context: WorkflowContext) {
        source = context.source
        root = context.workflow.root
        usesAliases = context.usesAliases
    }

    /// Why an edit cannot be made safely.
    struct Refusal: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// The file's line break, from its first line (LF when it has none).
    var lineBreak: String {
        let bytes = source.bytes
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A { return "\n" }
            if bytes[i] == 0x0D { return i + 1 < bytes.count && bytes[i + 1] == 0x0A ? "\r\n" : "\r" }
            i += 1
        }
        return "\n"
    }

    /// Refuses files where a node may be shared by an alias: an edit at an anchor changes every alias of it.
    func checkNoAliases() throws(Refusal) {
        if usesAliases.value { throw Refusal("the file uses YAML aliases, which an edit could change in several places") }
    }

    /// True when any node below `root` is an alias.
    static func containsAlias(_ root: Node) -> Bool {
        var stack = [root]
        while let node = stack.popLast() {
            if node.isAlias { return true }
            switch node.kind {
            case .scalar: break
            case .sequence(let items): stack.append(contentsOf: items)
            case .mapping(let pairs): for pair in pairs { stack.append(pair.key); stack.append(pair.value) }
            }
        }
        return false
    }

    /// The spaces before a block mapping's keys, checked to be the layout an inserted line can copy.
    func indentation(of mapping: Node, what: String) throws(Refusal) -> String {
        guard let pairs = mapping.mapping, let first = pairs.first else { throw Refusal("\(what) is empty or not a mapping") }
        let bytes = source.bytes
        let start = mapping.start.offset
        guard start < bytes.count else { throw Refusal("\(what) is empty") }
        switch bytes[start] {
        case UInt8(ascii: "{"): throw Refusal("\(what) is a flow mapping ({...}); edit it by hand")
        case UInt8(ascii: "&"), UInt8(ascii: "!"): throw Refusal("\(what) carries an anchor or a tag")
        default: break
        }
        let keyOffset = first.key.start.offset
        let lineStart = source.lineStarts[source.lineIndex(ofOffset: keyOffset)]
        // Spaces, or the `- ` of a sequence item whose first key shares the dash's line.
        for byte in bytes[lineStart..<keyOffset] where byte != 0x20 && byte != UInt8(ascii: "-") {
            throw Refusal("\(what) is not laid out one key per line")
        }
        for pair in pairs where pair.key.start.column != first.key.start.column || pair.key.scalarStyle != .plain {
            throw Refusal("\(what) has keys that are not plain and aligned")
        }
        return String(repeating: " ", count: keyOffset - lineStart)
    }

    /// Inserts the lines `entries` (already `key: value` text, may be nested with extra indentation) as the last
    /// entries of a block mapping, just after the line of its last value.
    func appending(_ entries: [String], to mapping: Node, what: String) throws(Refusal) -> TextEdit {
        try checkNoAliases()
        let indent = try indentation(of: mapping, what: what)
        guard let last = mapping.mapping?.last else { throw Refusal("\(what) is empty") }
        guard let style = last.value.scalarStyle, style != .literal, style != .folded, !last.value.isAlias else {
            throw Refusal("the last entry of \(what) is not a one-line value")
        }
        let bytes = source.bytes
        var offset = max(last.key.end.offset, last.value.end.offset)
        while offset < bytes.count && bytes[offset] != 0x0A && bytes[offset] != 0x0D { offset += 1 }
        let lines = entries.map { indent + $0 }
        let breakText = lineBreak
        if offset >= bytes.count {
            // The file ends on the last value's line, with no line break: start a new line.
            return TextEdit(start: bytes.count, end: bytes.count, replacement: lines.map { breakText + $0 }.joined())
        }
        if bytes[offset] == 0x0D && offset + 1 < bytes.count && bytes[offset + 1] == 0x0A { offset += 1 }
        offset += 1
        return TextEdit(start: offset, end: offset, replacement: lines.map { $0 + breakText }.joined())
    }

    /// Inserts the lines `entries` as the first entries of a block mapping, before its first key.
    func prepending(_ entries: [String], to mapping: Node, what: String) throws(Refusal) -> TextEdit {
        try checkNoAliases()
        let indent = try indentation(of: mapping, what: what)
        guard let first = mapping.mapping?.first else { throw Refusal("\(what) is empty") }
        let breakText = lineBreak
        // The first line goes where the first key is (after any `- `); the old first key moves to a new line.
        let text = entries.map { $0 + breakText + indent }.joined()
        return TextEdit(start: first.key.start.offset, end: first.key.start.offset, replacement: text)
    }

    /// Replaces a one-line plain or quoted scalar's content, keeping its quotes.
    func replacing(_ node: Node, with text: String, what: String) throws(Refusal) -> TextEdit {
        try checkNoAliases()
        guard let style = node.scalarStyle, !node.isAlias, node.tag == nil else { throw Refusal("\(what) is not a plain scalar") }
        guard node.start.line == node.end.line else { throw Refusal("\(what) spans several lines") }
        let bytes = source.bytes
        guard node.end.offset <= bytes.count, node.start.offset < node.end.offset else { throw Refusal("\(what) is empty") }
        let first = bytes[node.start.offset]
        guard first != UInt8(ascii: "&"), first != UInt8(ascii: "!") else { throw Refusal("\(what) carries an anchor or a tag") }
        switch style {
        case .plain:
            return TextEdit(start: node.start.offset, end: node.end.offset, replacement: text)
        case .singleQuoted, .doubleQuoted:
            return TextEdit(start: node.start.offset + 1, end: node.end.offset - 1, replacement: text)
        case .literal, .folded:
            throw Refusal("\(what) is a block scalar")
        }
    }

    /// Whether `node` sits in a flow collection, where `${{ }}` and `: ` need quoting.
    func isInFlowCollection(_ mapping: Node) -> Bool {
        mapping.start.offset < source.bytes.count && source.bytes[mapping.start.offset] == UInt8(ascii: "{")
    }
}
