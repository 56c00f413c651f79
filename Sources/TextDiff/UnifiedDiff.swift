/// A unified diff of two texts (`diff -u` format, 3 lines of context), computed line by line.
public enum UnifiedDiff {
    /// The diff from `old` to `new`, or "" when they are equal.
    ///
    /// `displayLine` rewrites each printed line (not the comparison), e.g. so a linter can mask secrets.
    public static func diff(old: String, new: String, oldName: String, newName: String, context: Int = 3,
                            displayLine: (String) -> String = { $0 }) -> String {
        guard old != new else { return "" }
        let a = lines(old), b = lines(new)
        let edits = script(a, b)
        var out = "--- \(oldName)\n+++ \(newName)\n"
        // Group edits into hunks separated by more than 2*context unchanged lines.
        var index = 0
        while index < edits.count {
            guard let firstChange = edits[index...].firstIndex(where: { $0.kind != .same }) else { break }
            var end = firstChange
            var lastChange = firstChange
            while end < edits.count {
                if edits[end].kind != .same { lastChange = end }
                if end - lastChange > 2 * context { break }
                end += 1
            }
            let start = max(index, firstChange - context)
            let stop = min(edits.count, lastChange + context + 1)
            let hunk = edits[start..<stop]
            let oldStart = hunk.first?.oldLine ?? 0, newStart = hunk.first?.newLine ?? 0
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            out += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for edit in hunk {
                switch edit.kind {
                case .same: out += " " + displayLine(edit.text)
                case .delete: out += "-" + displayLine(edit.text)
                case .insert: out += "+" + displayLine(edit.text)
                }
                // On bytes: a CRLF line ends with the Character "\r\n", which `hasSuffix("\n")` does not match.
                out += edit.text.utf8.last == 0x0A ? "" : "\n\\ No newline at end of file\n"
            }
            index = stop
        }
        return out
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "\(max(start - 1, 0)),0" : count == 1 ? "\(start)" : "\(start),\(count)"
    }

    /// Lines with their terminators kept, so a missing final newline shows. Lines end after each LF byte, as
    /// `diff` and `patch` read them: a CRLF line keeps its CR, and a file broken only by CRs is one line. (Splitting
    /// on Characters missed every CRLF, since "\r\n" is one Character, and made one hunk of the whole file.)
    static func lines(_ text: String) -> [String] {
        var result: [String] = []
        var start = text.utf8.startIndex
        var index = start
        while index < text.utf8.endIndex {
            let next = text.utf8.index(after: index)
            if text.utf8[index] == 0x0A {
                result.append(String(text.utf8[start..<next]) ?? String(decoding: text.utf8[start..<next], as: UTF8.self))
                start = next
            }
            index = next
        }
        if start < text.utf8.endIndex { result.append(String(decoding: text.utf8[start...], as: UTF8.self)) }
        return result
    }

    struct Edit {
        enum Kind { case same, delete, insert }
        let kind: Kind
        let text: String
        /// 1-based line in the old text where this edit sits (for hunk headers).
        let oldLine: Int
        let newLine: Int
    }

    /// The most cells of the longest-common-subsequence table (lines × lines) computed; a bigger changed middle
    /// is shown as one replacement (still a correct diff), so memory stays bounded whatever the texts.
    static let maximumTableCells = 4_000_000

    /// An edit script: the common first and last lines kept, then the longest common subsequence of the rest.
    static func script(_ a: [String], _ b: [String]) -> [Edit] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        var edits: [Edit] = []
        for i in 0..<prefix { edits.append(Edit(kind: .same, text: a[i], oldLine: i + 1, newLine: i + 1)) }
        let middleA = Array(a[prefix..<(a.count - suffix)]), middleB = Array(b[prefix..<(b.count - suffix)])
        if (middleA.count + 1) * (middleB.count + 1) > maximumTableCells {
            for (i, line) in middleA.enumerated() { edits.append(Edit(kind: .delete, text: line, oldLine: prefix + i + 1, newLine: prefix + 1)) }
            for (j, line) in middleB.enumerated() {
                edits.append(Edit(kind: .insert, text: line, oldLine: prefix + middleA.count + 1, newLine: prefix + j + 1))
            }
        } else {
            for edit in lcsScript(middleA, middleB) {
                edits.append(Edit(kind: edit.kind, text: edit.text, oldLine: edit.oldLine + prefix, newLine: edit.newLine + prefix))
            }
        }
        for k in 0..<suffix {
            let i = a.count - suffix + k, j = b.count - suffix + k
            edits.append(Edit(kind: .same, text: a[i], oldLine: i + 1, newLine: j + 1))
        }
        return edits
    }

    /// An edit script from the longest common subsequence.
    static func lcsScript(_ a: [String], _ b: [String]) -> [Edit] {
        let n = a.count, m = b.count
        var lcs = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
                }
            }
        }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n && j < m && a[i] == b[j] {
                edits.append(Edit(kind: .same, text: a[i], oldLine: i + 1, newLine: j + 1))
                i += 1
                j += 1
            } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
                // Deletions first, as diff -u writes them.
                edits.append(Edit(kind: .delete, text: a[i], oldLine: i + 1, newLine: j + 1))
                i += 1
            } else {
                edits.append(Edit(kind: .insert, text: b[j], oldLine: i + 1, newLine: j + 1))
                j += 1
            }
        }
        return edits
    }
}
