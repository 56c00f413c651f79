import YAML

/// A scalar's loaded text together with, for every byte of it, the byte offset in the file it came from.
///
/// libyaml gives only a node's start and end. To report a problem at the exact line and column of a word inside
/// a `run:` script, the scalar is re-read from the source bytes the way YAML loads it (block indentation
/// stripped, folding, quote escapes) while recording offsets. The re-reading is checked against libyaml's
/// value; when they differ (an exotic form), every offset falls back to the node's start, so a position may be
/// coarse but never wrong.
public struct ScalarText: Sendable {
    /// The scalar's value, as libyaml loaded it.
    public let text: String
    /// The scalar node.
    private let node: Node
    /// The file's bytes (shared, copy-on-write).
    private let bytes: [UInt8]
    /// The offset table, built on first use and kept: a script with thousands of findings asks for it thousands of
    /// times, and rebuilding it per position made such a file quadratic.
    private let table: LazyValue<(offsets: [Int], exact: Bool)>

    /// Maps the scalar `node` of `source`. The offset table is built only when a position is asked for:
    /// most scripts never produce a finding, so linting does not pay for it.
    public init(node: Node, source: SourceText) {
        let text = node.scalar ?? ""
        let bytes = source.bytes
        self.text = text
        self.node = node
        self.bytes = bytes
        table = LazyValue { ScalarText.offsetTable(text: text, node: node, bytes: bytes) }
    }

    /// True when the offsets can be reconstructed exactly.
    public var isExact: Bool { offsetTable().exact }

    private func offsetTable() -> (offsets: [Int], exact: Bool) { table.value }

    /// The offset of each byte of `text` in the file (plus one entry for the end), and whether it is exact.
    private static func offsetTable(text: String, node: Node, bytes: [UInt8]) -> (offsets: [Int], exact: Bool) {
        let valueBytes = Array(text.utf8)
        let rebuilt: (bytes: [UInt8], offsets: [Int])?
        switch node.scalarStyle {
        case .literal?, .folded?:
            rebuilt = ScalarText.readBlock(bytes, start: node.start.offset, end: node.end.offset,
                                           folded: node.scalarStyle == .folded)
        case .singleQuoted?:
            rebuilt = ScalarText.readFlow(bytes, start: node.start.offset + 1, end: node.end.offset - 1, quote: .single)
        case .doubleQuoted?:
            rebuilt = ScalarText.readFlow(bytes, start: node.start.offset + 1, end: node.end.offset - 1, quote: .double)
        default:
            rebuilt = ScalarText.readFlow(bytes, start: node.start.offset, end: node.end.offset, quote: .none)
        }
        if let rebuilt, ScalarText.agree(valueBytes, rebuilt.bytes) {
            var map = Array(rebuilt.offsets.prefix(valueBytes.count))
            while map.count < valueBytes.count { map.append(node.end.offset) }
            map.append(valueBytes.count < rebuilt.offsets.count ? rebuilt.offsets[valueBytes.count] : node.end.offset)
            return (map, true)
        }
        return (Array(repeating: node.start.offset, count: valueBytes.count + 1), false)
    }

    /// The file byte offset of the byte at `textOffset` in `text`.
    public func sourceOffset(ofTextOffset textOffset: Int) -> Int {
        let offsets = offsetTable().offsets
        return offsets[max(0, min(textOffset, offsets.count - 1))]
    }

    /// The file location of `text` bytes `[start, end)`.
    public func location(in source: SourceText, from start: Int, to end: Int) -> SourceLocation {
        let offsets = offsetTable().offsets
        func offset(_ i: Int) -> Int { offsets[max(0, min(i, offsets.count - 1))] }
        let first = offset(start)
        let last = end > start ? offset(end - 1) + 1 : first
        return source.location(fromOffset: first, toOffset: max(first + 1, last))
    }

    /// The rebuilt bytes match the value, allowing only a difference in trailing line breaks (chomping).
    private static func agree(_ value: [UInt8], _ rebuilt: [UInt8]) -> Bool {
        func trimmed(_ b: [UInt8]) -> ArraySlice<UInt8> {
            var end = b.count
            while end > 0 && (b[end - 1] == 0x0A || b[end - 1] == 0x20) { end -= 1 }
            return b[0..<end]
        }
        return trimmed(value) == trimmed(rebuilt) && value.count <= rebuilt.count + 1
    }

    private static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
    private static func isBreak(_ b: UInt8) -> Bool { b == 0x0A || b == 0x0D }

    /// Lines of `bytes[start..<end]`: (content start, content end, offset of the line break).
    private static func lines(_ bytes: [UInt8], from start: Int, to end: Int) -> [(Int, Int, Int)] {
        var result: [(Int, Int, Int)] = []
        var lineStart = start
        var i = start
        let limit = min(end, bytes.count)
        while i < limit {
            if bytes[i] == 0x0A || bytes[i] == 0x0D {
                result.append((lineStart, i, i))
                if bytes[i] == 0x0D && i + 1 < limit && bytes[i + 1] == 0x0A { i += 1 }
                lineStart = i + 1
            }
            i += 1
        }
        if lineStart < limit { result.append((lineStart, limit, limit)) }
        return result
    }

    /// Re-reads a `|` or `>` block scalar whose header starts at `start`.
    private static func readBlock(_ bytes: [UInt8], start: Int, end: Int, folded: Bool) -> ([UInt8], [Int])? {
        var i = start
        while i < bytes.count && !isBreak(bytes[i]) { i += 1 }
        if i < bytes.count && bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
        let contentStart = i + 1
        guard contentStart <= bytes.count else { return ([], []) }
        let all = lines(bytes, from: contentStart, to: end)
        // Indentation: that of the first line holding more than spaces.
        var indent = 0
        for (s, e, _) in all {
            var k = s
            while k < e && bytes[k] == 0x20 { k += 1 }
            if k < e { indent = k - s; break }
        }
        var out: [UInt8] = []
        var map: [Int] = []
        var hadText = false
        var previousMoreIndented = false
        var emptyLines = 0
        var previousBreak = contentStart
        for (s, e, brk) in all {
            let contentBegin = min(s + indent, e)
            let isEmpty = (s..<e).allSatisfy { bytes[$0] == 0x20 } && (e - s) <= indent
            if !folded {
                for k in contentBegin..<e { out.append(bytes[k]); map.append(k) }
                out.append(0x0A); map.append(brk)
                continue
            }
            if isEmpty { emptyLines += 1; continue }
            let moreIndented = contentBegin < e && isBlank(bytes[contentBegin])
            if hadText {
                let plainJoin = !previousMoreIndented && !moreIndented
                let breaks = emptyLines == 0 ? (plainJoin ? 0 : 1) : (plainJoin ? emptyLines : emptyLines + 1)
                if breaks == 0 { out.append(0x20); map.append(previousBreak) }
                for _ in 0..<breaks { out.append(0x0A); map.append(previousBreak) }
            } else {
                for _ in 0..<emptyLines { out.append(0x0A); map.append(s) }
            }
            for k in contentBegin..<e { out.append(bytes[k]); map.append(k) }
            hadText = true
            emptyLines = 0
            previousMoreIndented = moreIndented
            previousBreak = brk
        }
        if folded && hadText { out.append(0x0A); map.append(previousBreak) }
        map.append(min(end, bytes.count))
        return (out, map)
    }

    private enum Quote { case none, single, double }

    /// Re-reads a plain or quoted scalar between `start` and `end` (quotes excluded), folding line breaks.
    private static func readFlow(_ bytes: [UInt8], start: Int, end: Int, quote: Quote) -> ([UInt8], [Int])? {
        guard start <= end, end <= bytes.count else { return nil }
        var out: [UInt8] = []
        var map: [Int] = []
        let all = lines(bytes, from: start, to: end)
        var emptyLines = 0
        var joinPending: Int? = nil   // offset of the break to fold into a space, when text follows
        var escapedBreak = false
        for (index, (s, e, brk)) in all.enumerated() {
            var a = s
            var b = e
            if index > 0 { while a < b && isBlank(bytes[a]) { a += 1 } }
            if index < all.count - 1 { while b > a && isBlank(bytes[b - 1]) { b -= 1 } }
            if index > 0 && a == b && index < all.count - 1 { emptyLines += 1; continue }
            if let join = joinPending {
                if escapedBreak {
                    escapedBreak = false
                } else if emptyLines == 0 {
                    out.append(0x20); map.append(join)
                } else {
                    for _ in 0..<emptyLines { out.append(0x0A); map.append(join) }
                }
            }
            emptyLines = 0
            var k = a
            while k < b {
                let c = bytes[k]
                if quote == .single && c == 0x27 && k + 1 < b && bytes[k + 1] == 0x27 {
                    out.append(0x27); map.append(k); k += 2; continue
                }
                if quote == .double && c == 0x5C {
                    if k + 1 >= b {
                        // `\` at the end of a line: the break is escaped (no space) and the next line is joined.
                        escapedBreak = true
                        k += 1
                        // Keep trailing blanks before the backslash, which YAML preserves.
                        continue
                    }
                    guard let (decoded, width) = decodeEscape(bytes, at: k, limit: b) else { return nil }
                    for byte in decoded { out.append(byte); map.append(k) }
                    k += width
                    continue
                }
                out.append(c); map.append(k); k += 1
            }
            joinPending = brk
        }
        map.append(end)
        return (out, map)
    }

    /// Decodes one double-quoted escape at `bytes[at]` (a backslash): the UTF-8 bytes and the source width.
    private static func decodeEscape(_ bytes: [UInt8], at: Int, limit: Int) -> ([UInt8], Int)? {
        let c = bytes[at + 1]
        let simple: [UInt8: [UInt8]] = [
            0x30: [0x00], 0x61: [0x07], 0x62: [0x08], 0x74: [0x09], 0x09: [0x09], 0x6E: [0x0A], 0x76: [0x0B],
            0x66: [0x0C], 0x72: [0x0D], 0x65: [0x1B], 0x20: [0x20], 0x22: [0x22], 0x2F: [0x2F], 0x5C: [0x5C],
            0x4E: [0xC2, 0x85], 0x5F: [0xC2, 0xA0], 0x4C: [0xE2, 0x80, 0xA8], 0x50: [0xE2, 0x80, 0xA9],
        ]
        if let bytesOut = simple[c] { return (bytesOut, 2) }
        let digits: Int
        switch c {
        case 0x78: digits = 2
        case 0x75: digits = 4
        case 0x55: digits = 8
        default: return nil
        }
        guard at + 2 + digits <= limit else { return nil }
        let hex = String(decoding: bytes[(at + 2)..<(at + 2 + digits)], as: UTF8.self)
        guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else { return nil }
        return (Array(String(Character(scalar)).utf8), 2 + digits)
    }
}
