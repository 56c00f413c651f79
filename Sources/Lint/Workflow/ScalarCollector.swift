import YAML

/// Collects every scalar of a file in document order (a key before its value) with the key each is the value of,
/// and notes whether one names ECS (`DeploymentFacts.mentionsECS`), in one walk.
struct ScalarCollector {
    /// The scalars found so far.
    private(set) var entries: [ScalarEntry] = []
    /// True once a scalar holds `ecs` as a word.
    private(set) var mentionsECS = false
    /// False when the file's bytes never spell `ecs`: then only escapes can produce the word, and only
    /// double-quoted scalars have escapes (folding turns line breaks into blanks, never joins letters).
    private let sourceSpellsECS: Bool

    init(source: SourceText) {
        // About one scalar per line in real workflows (a key and its value share a line, a comment has none).
        entries.reserveCapacity(source.lineStarts.count * 3 / 2 + 8)
        sourceSpellsECS = DeploymentFacts.mayMentionECS(source.bytes)
    }

    /// Visits `node` and everything below it. Nodes are read through pointers into their parents' storage, so no
    /// node is copied except into an entry; recursion depth is bounded by the parser (`ParseLimits.maxDepth`).
    mutating func visit(_ node: UnsafePointer<Node>, key: String?) {
        switch node.pointee.kind {
        case .scalar(let text, let style):
            if !mentionsECS, sourceSpellsECS || style == .doubleQuoted, DeploymentFacts.containsECSWord(text) {
                mentionsECS = true
            }
            entries.append(ScalarEntry(node: node.pointee, key: key))
        case .sequence(let items):
            items.withUnsafeBufferPointer { items in
                guard let base = items.baseAddress else { return }
                for index in 0..<items.count { visit(base + index, key: nil) }
            }
        case .mapping(let pairs):
            pairs.withUnsafeBufferPointer { pairs in
                guard let base = pairs.baseAddress else { return }
                for index in 0..<pairs.count {
                    let pair = base + index
                    var name: String?
                    if case .scalar(let text, _) = pair.pointee.key.kind { name = text }
                    // Stored properties always have an address; the copying branch only keeps this total.
                    if let key = pair.pointer(to: \.key), let value = pair.pointer(to: \.value) {
                        visit(key, key: nil)
                        visit(value, key: name)
                    } else {
                        withUnsafePointer(to: pair.pointee.key) { visit($0, key: nil) }
                        withUnsafePointer(to: pair.pointee.value) { visit($0, key: name) }
                    }
                }
            }
        }
    }
}
