/// A position in a YAML source: 1-based line and column (in characters), and the 0-based byte offset.
public struct Mark: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// 1-based line number, lines broken at LF, CRLF and CR as editors break them (see `LineIndex`).
    public var line: Int
    /// 1-based column, counted in Unicode scalars as libyaml counts them.
    public var column: Int
    /// 0-based offset in bytes from the start of the input.
    public var offset: Int

    /// Creates a mark from already 1-based line and column values.
    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// The mark at the very start of a file.
    public static let start = Mark(line: 1, column: 1, offset: 0)

    public static func < (lhs: Mark, rhs: Mark) -> Bool { lhs.offset < rhs.offset }

    public var description: String { "\(line):\(column)" }
}

/// The start and end marks of a node or token; `end` is exclusive.
public struct Span: Hashable, Sendable {
    /// Where the node starts.
    public var start: Mark
    /// Just past where the node ends.
    public var end: Mark

    /// Creates a span from two marks.
    public init(start: Mark, end: Mark) {
        self.start = start
        self.end = end
    }
}
