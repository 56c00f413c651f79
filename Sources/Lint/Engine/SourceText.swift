import YAML

/// The bytes of one linted file with a line index, so any byte offset becomes a line and column.
///
/// Lines break where libyaml breaks them (see `LineIndex`), so a node's mark, an offset inside a script and an
/// excerpt under a finding all agree on the line, whatever the file's line endings.
public struct SourceText: Sendable {
    /// The file's path as shown in output.
    public let path: String
    /// The raw bytes.
    public let bytes: [UInt8]
    /// Where each line starts.
    public let lines: LineIndex

    /// Indexes the bytes of a file.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.lines = LineIndex(bytes: bytes)
    }

    /// Byte offset where each line starts.
    public var lineStarts: [Int] { lines.starts }

    /// Number of lines (a trailing line break does not start a new one).
    public var lineCount: Int { lines.lineCount }

    /// The 0-based index of the line holding `offset`.
    func lineIndex(ofOffset offset: Int) -> Int { lines.lineIndex(ofOffset: offset) }

    /// The line and character column of a byte offset.
    public func mark(atOffset offset: Int) -> Mark { lines.mark(atOffset: offset, in: bytes) }

    /// The text of a 1-based line without its line break; empty when out of range.
    public func lineText(_ line: Int) -> String {
        String(decoding: bytes[lines.contentRange(ofLine: line - 1, in: bytes)], as: UTF8.self)
    }

    /// A location spanning two marks.
    public func location(from start: Mark, to end: Mark) -> SourceLocation {
        SourceLocation(path: path, line: start.line, column: start.column,
                       endLine: end.line, endColumn: end.offset > start.offset ? end.column : start.column + 1)
    }

    /// A location covering a node (clipped to the node's first line for long blocks).
    public func location(of node: Node) -> SourceLocation {
        location(from: node.start, to: node.end)
    }

    /// A location covering byte offsets `[start, end)`.
    public func location(fromOffset start: Int, toOffset end: Int) -> SourceLocation {
        location(from: mark(atOffset: start), to: mark(atOffset: max(end, start)))
    }
}

/// The UTF-8 byte order mark some editors put at the start of a file.
///
/// A workflow starting with one is valid (GitHub and libyaml accept it). The linter reads the text after it, so
/// positions count from the first character an editor shows; `--fix` puts the mark back in front of the fixed text.
enum ByteOrderMark {
    static let bytes: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// True when `text` starts with the mark.
    static func starts(_ text: [UInt8]) -> Bool { text.count >= 3 && text[0] == 0xEF && text[1] == 0xBB && text[2] == 0xBF }

    /// `text` without a leading mark.
    static func stripped(_ text: [UInt8]) -> [UInt8] { starts(text) ? Array(text.dropFirst(3)) : text }
}
