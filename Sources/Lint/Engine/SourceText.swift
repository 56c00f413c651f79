import YAML
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of one linted file with a line index, so any byte offset becomes a line and column.
public struct SourceText: Sendable {
    /// The file's path as shown in output.
    public let path: String
    /// The raw bytes.
    public let bytes: [UInt8]
    /// Byte offset where each line starts (LF, CRLF and lone CR end a line).
    public let lineStarts: [Int]

    /// Indexes the bytes of a file.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var starts = [0]
        // Every linted file is indexed: scan its buffer directly (the loop keeps `i` below `count`). Files without
        // a CR (nearly all) only need their LFs, which memchr finds with vector instructions.
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            guard let base = buffer.baseAddress else { return }
            if memchr(base, 0x0D, count) == nil {
                var offset = 0
                while offset < count, let hit = memchr(base + offset, 0x0A, count - offset) {
                    offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                    starts.append(offset)
                }
                return
            }
            var i = 0
            while i < count {
                let byte = buffer[i]
                if byte == 0x0A {
                    starts.append(i + 1)
                } else if byte == 0x0D {
                    if i + 1 < count && buffer[i + 1] == 0x0A { i += 1 }
                    starts.append(i + 1)
                }
                i += 1
            }
        }
        self.lineStarts = starts
    }

    /// Number of lines (a trailing newline does not start a new one).
    public var lineCount: Int {
        if let last = lineStarts.last, last == bytes.count, lineStarts.count > 1 { return lineStarts.count - 1 }
        return lineStarts.count
    }

    /// The 0-based index of the line holding `offset`.
    func lineIndex(ofOffset offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The line and character column of a byte offset.
    public func mark(atOffset rawOffset: Int) -> Mark {
        let offset = max(0, min(rawOffset, bytes.count))
        let line = lineIndex(ofOffset: offset)
        var column = 1
        var i = lineStarts[line]
        while i < offset {
            // Count one column per UTF-8 lead byte.
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return Mark(line: line + 1, column: column, offset: offset)
    }

    /// The text of a 1-based line without its line break; empty when out of range.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start && (bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
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
