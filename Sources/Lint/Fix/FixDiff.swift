/// The unified diff (`diff -u`, 3 lines of context) that `wfgen lint --diff` prints for one fixed file.
///
/// The same line-based algorithm as the generator's `UnifiedDiff` (Lint may not import Generate). Every printed
/// line goes through `SecretMasking`, like the text reporter's source lines, so a literal secret in the
/// context of a fix is never shown in full.
enum FixDiff {
    /// The diff from `old` to `new` for `path`, or "" when equal.
    static func diff(old: String, new: String, path: String, secrets: [String], context: Int = 3) -> String {
        guard old != new else { return "" }
        let a = lines(old), b = lines(new)
        let edits = script(a, b)
        var out = "--- a/\(path)\n+++ b/\(path)\n"
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
                let prefix: String
                switch edit.kind {
                case .same: prefix = " "
                case .delete: prefix = "-"
                case .insert: prefix = "+"
                }
                out += prefix + SecretMasking.mask(edit.text, secrets: secrets)
                out += edit.text.hasSuffix("\n") ? "" : "\n\\ No newline at end of file\n"
            }
            index = stop
        }
        return out
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "\(max(start - 1, 0)),0" : count == 1 ? "\(start)" : "\(start),\(count)"
    }

    /// Lines with their terminators kept (a CRLF line keeps its `\r`), so a missing final newline shows.
    static func lines(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            current.unicodeScalars.append(scalar)
            if scalar == "\n" {
                result.append(current)
                current = ""
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    struct Edit {
        enum Kind { case same, delete, insert }
        let kind: Kind
        let text: String
        let oldLine: Int
        let newLine: Int
    }

    /// An edit script from the longest common subsequence of the lines between the common prefix and suffix.
    static func script(_ a: [String], _ b: [String]) -> [Edit] {
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let midA = Array(a[prefix..<(a.count - suffix)]), midB = Array(b[prefix..<(b.count - suffix)])
        let n = midA.count, m = midB.count
        var lcs = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    lcs[i][j] = midA[i] == midB[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
                }
            }
        }
        var edits: [Edit] = []
        for k in 0..<prefix { edits.append(Edit(kind: .same, text: a[k], oldLine: k + 1, newLine: k + 1)) }
        var i = 0, j = 0
        while i < n || j < m {
            if i < n && j < m && midA[i] == midB[j] {
                edits.append(Edit(kind: .same, text: midA[i], oldLine: prefix + i + 1, newLine: prefix + j + 1))
                i += 1
                j += 1
            } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
                edits.append(Edit(kind: .delete, text: midA[i], oldLine: prefix + i + 1, newLine: prefix + j + 1))
                i += 1
            } else {
                edits.append(Edit(kind: .insert, text: midB[j], oldLine: prefix + i + 1, newLine: prefix + j + 1))
                j += 1
            }
        }
        for k in 0..<suffix {
            edits.append(Edit(kind: .same, text: a[a.count - suffix + k], oldLine: a.count - suffix + k + 1, newLine: b.count - suffix + k + 1))
        }
        return edits
    }
}
