public import YAML

/// Why a file could not be imported; always with the 1-based line and column it concerns.
public struct ImportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The class of failure, for callers that map errors to exit codes.
    public enum Reason: String, Sendable, Hashable {
        /// The text is not valid YAML (or JSON, for task definitions).
        case syntax
        /// Valid YAML or JSON, but not a workflow or task definition (no `jobs:`, a list at the top...).
        case notAWorkflow
        /// Something the typed model cannot hold at a place where no escape hatch exists (a top-level key).
        case unsupported
        /// The imported definition does not pass wfgen's own checks (an invalid job id, a cycle in `needs`).
        case invalid
    }

    /// The class of failure.
    public let reason: Reason
    /// What went wrong.
    public let message: String
    /// 1-based line.
    public let line: Int
    /// 1-based column.
    public let column: Int

    /// Creates an error at `mark`.
    public init(_ reason: Reason, _ message: String, at mark: Mark) {
        self.reason = reason
        self.message = message
        self.line = mark.line
        self.column = mark.column
    }

    public var description: String { "\(line):\(column): \(message)" }
}

/// Something the typed model cannot represent; the caller falls back to the escape hatch or fails.
struct Unsupported: Error {
    let what: String
    let mark: Mark

    init(_ what: String, at node: Node) {
        self.what = what
        self.mark = node.start
    }
}
