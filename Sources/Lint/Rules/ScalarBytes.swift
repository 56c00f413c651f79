#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level questions rules ask of every scalar, name or reference of a file.
///
/// They read a String's UTF-8 in place (no Array copy, no Character iteration, no `lowercased()` copy) so that a rule
/// can skip a value cheaply and keep its exact String logic for the few values that may matter.
enum ScalarBytes {
    /// Calls `body` with the UTF-8 bytes of `text` (in place for native strings).
    @inline(__always)
    static func with<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var copy = text
        return copy.withUTF8(body)
    }

    /// The first index in `from...through` holding `byte` (memchr: vectorized, and rules look at long scripts).
    @inline(__always)
    static func index(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, through: Int) -> Int? {
        guard from <= through, from >= 0, through < bytes.count, let base = bytes.baseAddress,
              let hit = memchr(base + from, Int32(byte), through - from + 1) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// True when `needle` occurs in `bytes`. Candidates are found by memchr on `needle`'s byte at `anchor`: pick the
    /// needle's rarest byte (the `c` of `ecs`, not the `e`).
    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString, anchor: Int = 0) -> Bool {
        let m = needle.utf8CodeUnitCount
        guard m > 0 else { return true }
        let n = bytes.count
        guard m <= n, anchor < m else { return false }
        let pin = needle.utf8Start
        let last = n - m + anchor
        var i = anchor
        while let p = index(of: pin[anchor], in: bytes, from: i, through: last) {
            let start = p - anchor
            var j = 0
            while j < m && bytes[start + j] == pin[j] { j += 1 }
            if j == m { return true }
            i = p + 1
        }
        return false
    }

    /// The last index holding `byte`.
    static func lastIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = bytes.count - 1
        while i >= 0 { if bytes[i] == byte { return i }; i -= 1 }
        return nil
    }

    /// True when `text` is ASCII. On ASCII text a byte is a Character (CR LF aside), `lowercased()` only maps A-Z,
    /// and byte comparisons equal String ones; other text keeps the String path.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in bytes where b >= 0x80 { return false }
        return true
    }

    /// True when `bytes[from..<to]` is exactly `word`.
    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ word: StaticString) -> Bool {
        let m = word.utf8CodeUnitCount
        guard to - from == m, from >= 0, to <= bytes.count else { return false }
        let pin = word.utf8Start
        for j in 0..<m where bytes[from + j] != pin[j] { return false }
        return true
    }

    /// True when ASCII `bytes[at...]` starts with `needle` (lowercase ASCII letters, digits, `_`, `-`), ignoring case.
    @inline(__always)
    static func hasLowercasedPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at: Int, _ needle: UnsafePointer<UInt8>, _ m: Int) -> Bool {
        guard at + m <= bytes.count else { return false }
        for j in 0..<m where lowered(bytes[at + j]) != needle[j] { return false }
        return true
    }

    /// An ASCII byte lowercased (A-Z only, as `lowercased()` does on ASCII).
    @inline(__always)
    static func lowered(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// True when `text.lowercased() == target` (`target` lowercase ASCII without `;` or `` ` ``, whose non-ASCII
    /// equivalents are shorter), without building the lowercased copy for ASCII text.
    static func lowercasedEquals(_ text: String, _ target: StaticString) -> Bool {
        let m = target.utf8CodeUnitCount
        // Only ASCII and KELVIN SIGN (3 bytes, lowercased to `k`) lowercase to ASCII, so a shorter text cannot.
        guard text.utf8.count >= m else { return false }
        let decided: Bool? = with(text) { bytes in
            guard isASCII(bytes) else { return nil }
            return bytes.count == m && hasLowercasedPrefix(bytes, at: 0, target.utf8Start, m)
        }
        if let decided { return decided }
        return text.lowercased() == target.description
    }
}

extension ScalarBytes {
    /// `text.firstIndex(of: "=")`, found on bytes when what precedes and follows the `=` is ASCII (nothing can then
    /// join the `=` into a larger Character); other text takes the Character search.
    static func firstIndexOfEquals(_ text: String) -> String.Index? {
        let offset: Int?? = with(text) { bytes in
            guard let p = index(of: 0x3D, in: bytes, from: 0, through: bytes.count - 1) else { return .some(nil) }
            guard p + 1 == bytes.count || bytes[p + 1] < 0x80 else { return nil }
            for b in bytes[0..<p] where b >= 0x80 { return nil }
            return p
        }
        guard let offset else { return text.firstIndex(of: "=") }
        return offset.map { text.utf8.index(text.utf8.startIndex, offsetBy: $0) }
    }
}

extension String {
    /// `self == word` for a `word` of lowercase ASCII letters, digits, `-`, `_`, `.` or `/`. No other text is
    /// canonically equivalent to such a word (the only non-ASCII characters equivalent to ASCII ones are
    /// equivalent to `K`, `;` and `` ` ``), so a different UTF-8 length refuses it before String comparison, which
    /// rules would otherwise call for every command name against each name they handle.
    @inline(__always)
    func isWord(_ word: String) -> Bool { utf8.count == word.utf8.count && self == word }
}
