/// Adds end-of-line comments to text that libyaml emitted without them.
///
/// libyaml has no comment events, so the emitted text is parsed back and walked alongside the
/// value tree: a commented value's comment goes at the end of the line where the value starts
/// (for a collection under a key, the key's line). In block style, with no line width, that
/// line never lies inside a multi-line scalar's content, so the comment cannot change a value.
enum CommentSplicer {
    static func splice(into text: String, value: YAMLValue) throws(YAMLError) -> String {
        guard containsComment(value) else { return text }
        guard let root = try YAMLParser().parse(text).root else { return text }
        var commentsByLine: [Int: [String]] = [:]
        collect(value, node: root, keyLine: nil, into: &commentsByLine)
        guard !commentsByLine.isEmpty else { return text }

        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (line, comments) in commentsByLine where line >= 1 && line <= lines.count {
            let joined = comments.map(YAMLEmitter.sanitize).joined(separator: "; ")
            lines[line - 1] += joined.isEmpty ? " #" : " # " + joined
        }
        return lines.joined(separator: "\n")
    }

    private static func containsComment(_ value: YAMLValue) -> Bool {
        switch value {
        case .commented: return true
        case .sequence(let items): return items.contains(where: containsComment)
        case .mapping(let entries): return entries.contains { containsComment($0.key) || containsComment($0.value) }
        default: return false
        }
    }

    private static func collect(_ value: YAMLValue, node: Node, keyLine: Int?, into result: inout [Int: [String]]) {
        var value = value
        var comments: [String] = []
        while case .commented(let inner, let comment) = value {
            comments.append(comment)
            value = inner
        }
        if !comments.isEmpty {
            let isCollection = node.scalar == nil
            let line = isCollection && node.sequence?.isEmpty != true && node.mapping?.isEmpty != true
                ? (keyLine ?? node.start.line) : node.start.line
            result[line, default: []].append(contentsOf: comments)
        }
        switch (value, node.kind) {
        case (.sequence(let items), .sequence(let nodes)):
            for (item, itemNode) in zip(items, nodes) { collect(item, node: itemNode, keyLine: nil, into: &result) }
        case (.mapping(let entries), .mapping(let pairs)):
            for (entry, pair) in zip(entries, pairs) {
                collect(entry.key, node: pair.key, keyLine: nil, into: &result)
                collect(entry.value, node: pair.value, keyLine: pair.key.start.line, into: &result)
            }
        default:
            break
        }
    }
}
