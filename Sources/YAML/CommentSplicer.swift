/// Adds end-of-line comments to text that libyaml emitted without them.
///
/// libyaml has no comment events, so the emitted text is parsed back and walked alongside the
/// value tree: a commented value's comment goes before the first line feed after the value's
/// start (for a non-empty collection under a key, after the key's start). In block style, with
/// no line width, that spot never lies inside a multi-line scalar's content, so a comment
/// cannot change a value; `YAMLEmitter` re-parses the result to prove it.
enum CommentSplicer {
    static func splice(into text: String, value: YAMLValue) throws(YAMLError) -> String {
        guard containsComment(value) else { return text }
        guard let root = try YAMLParser().parse(text).root else { return text }
        // Byte offsets of the nodes' starts; each comment lands before the next LF after its offset.
        var commentsByOffset: [Int: [String]] = [:]
        collect(value, node: root, keyStart: nil, into: &commentsByOffset)
        guard !commentsByOffset.isEmpty else { return text }

        let bytes = Array(text.utf8)
        var commentsAtLineFeed: [Int: [String]] = [:]
        for offset in commentsByOffset.keys.sorted() {
            let lineFeed = bytes[offset...].firstIndex(of: 0x0A) ?? bytes.count
            commentsAtLineFeed[lineFeed, default: []].append(contentsOf: commentsByOffset[offset] ?? [])
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + commentsAtLineFeed.count * 16)
        var cursor = 0
        for lineFeed in commentsAtLineFeed.keys.sorted() {
            output.append(contentsOf: bytes[cursor..<lineFeed])
            let joined = (commentsAtLineFeed[lineFeed] ?? []).map(YAMLEmitter.sanitize).joined(separator: "; ")
            output.append(contentsOf: (joined.isEmpty ? " #" : " # " + joined).utf8)
            cursor = lineFeed
        }
        output.append(contentsOf: bytes[cursor...])
        return String(decoding: output, as: UTF8.self)
    }

    private static func containsComment(_ value: YAMLValue) -> Bool {
        switch value {
        case .commented: return true
        case .sequence(let items): return items.contains(where: containsComment)
        case .mapping(let entries): return entries.contains { containsComment($0.key) || containsComment($0.value) }
        default: return false
        }
    }

    private static func collect(_ value: YAMLValue, node: Node, keyStart: Int?, into result: inout [Int: [String]]) {
        var value = value
        var comments: [String] = []
        while case .commented(let inner, let comment) = value {
            comments.append(comment)
            value = inner
        }
        if !comments.isEmpty {
            // A block collection starts on the line after its key; its comment belongs on the key's line.
            let isBlockCollection = (node.sequence.map { !$0.isEmpty } ?? false) || (node.mapping.map { !$0.isEmpty } ?? false)
            let offset = isBlockCollection ? (keyStart ?? node.start.offset) : node.start.offset
            result[offset, default: []].append(contentsOf: comments)
        }
        switch (value, node.kind) {
        case (.sequence(let items), .sequence(let nodes)):
            for (item, itemNode) in zip(items, nodes) { collect(item, node: itemNode, keyStart: nil, into: &result) }
        case (.mapping(let entries), .mapping(let pairs)):
            for (entry, pair) in zip(entries, pairs) {
                collect(entry.key, node: pair.key, keyStart: nil, into: &result)
                collect(entry.value, node: pair.value, keyStart: pair.key.start.offset, into: &result)
            }
        default:
            break
        }
    }
}
