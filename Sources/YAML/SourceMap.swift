/// Turns libyaml's marks (0-based, counted in characters) into `Mark`s with byte offsets.
///
/// libyaml counts `index` and `column` in characters; editors and SARIF want bytes too.
/// An all-ASCII input (nearly every workflow) needs no table at all.
struct SourceMap {
    private let bytes: [UInt8]
    private let isASCII: Bool
    /// Byte offset where each line starts, computed only for non-ASCII inputs.
    private var lineStarts: [Int] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
        self.isASCII = bytes.allSatisfy { $0 < 0x80 }
        if !isASCII { lineStarts = Self.lineStarts(of: bytes) }
    }

    /// A mark from libyaml's 0-based line, column and character index.
    func mark(line: Int, column: Int, index: Int) -> Mark {
        if isASCII { return Mark(line: line + 1, column: column + 1, offset: index) }
        guard line < lineStarts.count else {
            return Mark(line: line + 1, column: column + 1, offset: bytes.count)
        }
        var offset = lineStarts[line]
        var remaining = column
        while remaining > 0 && offset < bytes.count {
            offset += Self.width(of: bytes[offset])
            remaining -= 1
        }
        return Mark(line: line + 1, column: column + 1, offset: min(offset, bytes.count))
    }

    /// A mark for a byte offset (reader errors report only that).
    func mark(byteOffset: Int) -> Mark {
        let starts = isASCII ? Self.lineStarts(of: bytes) : lineStarts
        // The last line start at or before the offset.
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= byteOffset { low = mid } else { high = mid - 1 }
        }
        var column = 0
        var offset = starts[low]
        while offset < byteOffset && offset < bytes.count {
            offset += Self.width(of: bytes[offset])
            column += 1
        }
        return Mark(line: low + 1, column: column + 1, offset: byteOffset)
    }

    private static func width(of lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }

    /// Line starts as libyaml counts lines: LF, CR, CRLF, NEL (U+0085), LS and PS (U+2028/9).
    private static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0x0A {
                starts.append(i + 1)
            } else if b == 0x0D {
                if i + 1 < n && bytes[i + 1] == 0x0A { i += 1 }
                starts.append(i + 1)
            } else if b == 0xC2 && i + 1 < n && bytes[i + 1] == 0x85 {
                i += 1
                starts.append(i + 1)
            } else if b == 0xE2 && i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) {
                i += 2
                starts.append(i + 1)
            }
            i += 1
        }
        return starts
    }
}
