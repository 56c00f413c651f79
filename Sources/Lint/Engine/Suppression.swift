/// Inline suppressions: `# wfgen: ignore[rule-a, rule-b] reason` on the finding's line or the line above.
struct InlineSuppressions {
    /// Rule ids suppressed per 1-based line where the comment is.
    private var byLine: [Int: Set<String>] = [:]

    init(source: SourceText) {
        let marker = Array("wfgen: ignore[".utf8)
        var line = 1
        var i = 0
        let bytes = source.bytes
        // Fast path: most files hold no suppression at all.
        guard bytes.count >= marker.count else { return }
        while i + marker.count <= bytes.count {
            if bytes[i] == 0x0A { line += 1; i += 1; continue }
            if bytes[i] == 0x77 /* w */, bytes[i..<(i + marker.count)].elementsEqual(marker), InlineSuppressions.isComment(bytes, before: i) {
                var j = i + marker.count
                var text: [UInt8] = []
                while j < bytes.count, bytes[j] != 0x5D, bytes[j] != 0x0A { text.append(bytes[j]); j += 1 }
                let ids = String(decoding: text, as: UTF8.self).split(separator: ",").map { $0.trimmingWhitespace() }
                byLine[line, default: []].formUnion(ids)
                i = j
                continue
            }
            i += 1
        }
    }

    /// True when a `#` precedes position `i` on its line (possibly after spaces), i.e. it is in a comment.
    private static func isComment(_ bytes: [UInt8], before i: Int) -> Bool {
        var k = i - 1
        while k >= 0, bytes[k] == 0x20 { k -= 1 }
        return k >= 0 && bytes[k] == 0x23
    }

    /// True when `rule` is suppressed for a finding on `line`.
    func suppresses(_ rule: String, line: Int) -> Bool {
        for candidate in [line, line - 1] {
            if let ids = byLine[candidate], ids.contains(rule) || ids.fastContains("all") { return true }
        }
        return false
    }
}
