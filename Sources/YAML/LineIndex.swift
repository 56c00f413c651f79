#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where each line of a UTF-8 text starts, with lines broken where editors, GitHub and SARIF viewers break them:
/// at LF, CRLF and CR.
///
/// libyaml also ends a line at NEL (U+0085), LS (U+2028) and PS (U+2029); nobody reading the file sees those as
/// breaks, so the parser's marks are converted to this index (see `SourceMap`), and everything that maps an offset
/// back to the text (an excerpt under a finding, a position inside a script, an inline comment's line) uses it too.
public struct LineIndex: Sendable, Hashable {
    /// Byte offset where each line starts; the first is 0. A break at the very end starts one more (empty) line.
    public let starts: [Int]
    /// The length of the indexed text in bytes.
    public let byteCount: Int

    /// Indexes `bytes`.
    public init(bytes: [UInt8]) {
        byteCount = bytes.count
        starts = bytes.withUnsafeBufferPointer(Self.lineStarts)
    }

    /// Number of lines, not counting the empty line after a final break.
    public var lineCount: Int {
        if let last = starts.last, last == byteCount, starts.count > 1 { return starts.count - 1 }
        return starts.count
    }

    /// The 0-based index of the line holding byte `offset` (offsets past the end belong to the last line).
    public func lineIndex(ofOffset offset: Int) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The line and column (both 1-based, the column in Unicode scalars as libyaml counts it) of byte `offset`,
    /// clamped to the text.
    public func mark(atOffset rawOffset: Int, in bytes: [UInt8]) -> Mark {
        let offset = max(0, min(rawOffset, bytes.count))
        let line = lineIndex(ofOffset: offset)
        var column = 1
        var i = starts[line]
        while i < offset {
            // One column per scalar: count UTF-8 lead bytes, skip continuation bytes.
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return Mark(line: line + 1, column: column, offset: offset)
    }

    /// The bytes of the 0-based line `index` without its line break; empty when out of range.
    public func contentRange(ofLine index: Int, in bytes: [UInt8]) -> Range<Int> {
        guard index >= 0, index < starts.count else { return 0..<0 }
        let start = starts[index]
        let next = index + 1 < starts.count ? starts[index + 1] : bytes.count
        return start..<(start + Self.contentLength(bytes[start..<min(next, bytes.count)]))
    }

    /// The length of `line` (a whole line, its break included) once its break is cut off.
    private static func contentLength(_ line: ArraySlice<UInt8>) -> Int {
        let count = line.count
        let end = line.endIndex
        guard count > 0 else { return 0 }
        switch line[end - 1] {
        case 0x0A: return count >= 2 && line[end - 2] == 0x0D ? count - 2 : count - 1
        case 0x0D: return count - 1
        default: return count
        }
    }

    private static func lineStarts(_ buffer: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts = [0]
        let count = buffer.count
        guard let base = buffer.baseAddress else { return starts }
        // Nearly every file breaks lines with LF alone: without a CR, memchr finds the LFs with vector instructions.
        if memchr(base, 0x0D, count) == nil {
            var offset = 0
            while offset < count, let hit = memchr(base + offset, 0x0A, count - offset) {
                offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(offset)
            }
            return starts
        }
        var i = 0
        while i < count {
            switch buffer[i] {
            case 0x0A:
                starts.append(i + 1)
            case 0x0D:
                if i + 1 < count && buffer[i + 1] == 0x0A { i += 1 }
                starts.append(i + 1)
            default:
                break
            }
            i += 1
        }
        return starts
    }
}
