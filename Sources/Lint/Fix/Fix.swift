/// One replacement of source bytes: `[start, end)` becomes `replacement` (an insertion when `start == end`).
public struct TextEdit: Sendable, Hashable {
    /// Byte offset where the replaced range starts.
    public let start: Int
    /// Byte offset just past the replaced range.
    public let end: Int
    /// The new text, already in the file's line-break style and indentation.
    public let replacement: String

    /// Creates an edit.
    public init(start: Int, end: Int, replacement: String) {
        self.start = start
        self.end = end
        self.replacement = replacement
    }

    /// True when the two edits touch the same bytes, or insert at the same place (their order would matter).
    func overlaps(_ other: TextEdit) -> Bool {
        if start == end || other.start == other.end {
            return start <= other.end && other.start <= end
        }
        return start < other.end && other.start < end
    }
}

/// A mechanical fix of one finding: what it does, and the edits that do it (all or none are applied).
public struct Fix: Sendable, Hashable {
    /// What the fix changes, e.g. "add 'wait-for-service-stability: true'".
    public let summary: String
    /// The edits, in any order; they never overlap each other.
    public let edits: [TextEdit]

    /// Creates a fix.
    public init(_ summary: String, edits: [TextEdit]) {
        self.summary = summary
        self.edits = edits.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }
}

/// Whether a finding of an auto-fixable rule can be fixed here: the fix, or why a textual edit is not safe.
public enum FixOutcome: Sendable, Hashable {
    /// The fix to apply.
    case fix(Fix)
    /// No safe edit exists (flow-style mapping, alias, expression...); the reason is shown to the user.
    case notFixable(String)

    /// The fix, if any.
    public var fix: Fix? {
        if case .fix(let fix) = self { return fix }
        return nil
    }
}
