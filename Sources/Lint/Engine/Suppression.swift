#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Inline suppressions: `# wfgen: ignore[rule-a, rule-b] reason` on the finding's line or the line above.
struct InlineSuppressions {
    /// Rule ids suppressed per 1-based line where the comment is.
    private var byLine: [Int: Set<String>] = [:]

    init(source: SourceText) {
        let bytes = source.bytes
        for offset in Self.markerOffsets(in: bytes) where Self.isComment(bytes, before: offset) {
            // The line as the parser counts lines (a CR-only or U+2028 break is a break), so the comment lines up
            // with the findings' marks; the ids end at `]` or with the line.
            let line = source.lines.lineIndex(ofOffset: offset)
            let end = source.lines.contentRange(ofLine: line, in: bytes).upperBound
            var j = offset + Self.marker.count
            while j < end, bytes[j] != 0x5D { j += 1 }
            let ids = String(decoding: bytes[(offset + Self.marker.count)..<j], as: UTF8.self)
                .split(separator: ",").map { $0.trimmingWhitespace() }
            byLine[line + 1, default: []].formUnion(ids)
        }
    }

    private static let marker = Array("wfgen: ignore[".utf8)

    /// Offsets of every `wfgen: ignore[` in the file (most files have none: memchr skips to each `w`).
    private static func markerOffsets(in bytes: [UInt8]) -> [Int] {
        var offsets: [Int] = []
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let count = buffer.count
            var offset = 0
            while offset + marker.count <= count, let hit = memchr(base + offset, Int32(marker[0]), count - offset) {
                let found = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                guard found + marker.count <= count else { break }
                if UnsafeBufferPointer(rebasing: buffer[found..<(found + marker.count)]).elementsEqual(marker) {
                    offsets.append(found)
                    offset = found + marker.count
                } else {
                    offset = found + 1
                }
            }
        }
        return offsets
    }

    /// True when a `#` precedes position `i` on its line (possibly after spaces), i.e. it is in a comment.
    private static func isComment(_ bytes: [UInt8], before i: Int) -> Bool {
        var k = i - 1
        while k >= 0, bytes[k] == 0x20 { k -= 1 }
        return k >= 0 && bytes[k] == 0x23
    }

    /// True when `rule` is suppressed for a finding on `line`.
    func suppresses(_ rule: String, line: Int) -> Bool {
        for candidate in [line, line - 1] {
            if let ids = byLine[candidate], ids.contains(rule) || ids.fastContains("all") { return true }
        }
        return false
    }
}
