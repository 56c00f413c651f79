/// Turns libyaml's marks (0-based, counted in characters) into `Mark`s with byte offsets and editor lines.
///
/// libyaml counts `index` and `column` in characters; editors and SARIF want bytes too. libyaml also breaks lines
/// at NEL, LS and PS, which no editor shows as breaks: in a file holding one, each mark's line and column are
/// recomputed from its byte offset with a `LineIndex`, so every position names the line a reader sees.
/// An all-ASCII input (nearly every workflow) needs no table at all.
struct SourceMap {
    private let bytes: [UInt8]
    private let isASCII: Bool
    /// Line starts as libyaml counts lines, built only for non-ASCII inputs.
    private let parserLineStarts: [Int]
    /// Editor lines, only when they differ from libyaml's (the input holds NEL, LS or PS).
    private let editorLines: LineIndex?

    init(bytes: [UInt8]) {
        self.bytes = bytes
        self.isASCII = Self.isASCII(bytes)
        let (starts, hasUnicodeBreaks) = isASCII ? ([], false) : Self.parserLineStarts(of: bytes)
        parserLineStarts = starts
        editorLines = hasUnicodeBreaks ? LineIndex(bytes: bytes) : nil
    }

    /// True when no byte has its high bit set, tested eight bytes at a time (every parse pays for this test).
    private static func isASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            let count = raw.count
            var i = 0
            var high: UInt64 = 0
            while i + 8 <= count {
                high |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                i += 8
            }
            while i < count {
                high |= UInt64(raw[i])
                i += 1
            }
            return high & 0x8080_8080_8080_8080 == 0
        }
    }

    /// A mark from libyaml's 0-based line, column and character index.
    func mark(line: Int, column: Int, index: Int) -> Mark {
        if isASCII {
            if index >= bytes.count && column == 0 && line > 0 && !endsWithBreak { return endOfInput(line: line) }
            return Mark(line: line + 1, column: column + 1, offset: index)
        }
        guard line < parserLineStarts.count else { return endOfInput(line: line) }
        var offset = parserLineStarts[line]
        var remaining = column
        while remaining > 0 && offset < bytes.count {
            offset += Self.width(of: bytes[offset])
            remaining -= 1
        }
        offset = min(offset, bytes.count)
        if let editorLines { return editorLines.mark(atOffset: offset, in: bytes) }
        return Mark(line: line + 1, column: column + 1, offset: offset)
    }

    private var endsWithBreak: Bool { bytes.last == 0x0A || bytes.last == 0x0D }

    /// The end of the input. At the end of a stream without a final line break libyaml moves its mark to the
    /// start of a line that does not exist (line + 1, column 0); the text ends on the last line, after its last
    /// character. `line` is that 0-based phantom line, so the 1-based last line when the input lacks a final break.
    private func endOfInput(line: Int) -> Mark {
        if let editorLines { return editorLines.mark(atOffset: bytes.count, in: bytes) }
        guard !endsWithBreak else { return Mark(line: line + 1, column: 1, offset: bytes.count) }
        var start = bytes.count
        while start > 0 && bytes[start - 1] != 0x0A && bytes[start - 1] != 0x0D { start -= 1 }
        let characters = bytes[start...].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return Mark(line: max(line, 1), column: characters + 1, offset: bytes.count)
    }

    /// A mark for a byte offset (reader errors report only that).
    func mark(byteOffset: Int) -> Mark {
        let lines = editorLines ?? LineIndex(bytes: bytes)
        // Reader errors may point one past the end: keep that offset while finding its line and column.
        let mark = lines.mark(atOffset: byteOffset, in: bytes)
        return Mark(line: mark.line, column: mark.column, offset: byteOffset)
    }

    private static func width(of lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }

    /// Line starts as libyaml counts lines (LF, CR, CRLF, NEL (U+0085), LS and PS (U+2028/9)), and whether any of
    /// the last three occurs (only then do editor lines differ).
    private static func parserLineStarts(of bytes: [UInt8]) -> (starts: [Int], hasUnicodeBreaks: Bool) {
        var starts = [0]
        var hasUnicodeBreaks = false
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
                hasUnicodeBreaks = true
            } else if b == 0xE2 && i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) {
                i += 2
                starts.append(i + 1)
                hasUnicodeBreaks = true
            }
            i += 1
        }
        return (starts, hasUnicodeBreaks)
    }
}
