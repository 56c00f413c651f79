#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level substring search. `String.contains(String)` resolves to Foundation's locale-aware search when
/// Foundation is imported, which dominated lint time; workflow text needs only exact byte matches.
extension StringProtocol {
    /// True when the UTF-8 bytes of `needle` occur in this text.
    func fastContains(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { pin -> Bool in
            guard let first = pin.first else { return true }
            // A text shorter than the needle (most scalars against most needles) needs no search.
            guard self.utf8.count >= pin.count else { return false }
            let found = self.utf8.withContiguousStorageIfAvailable { hay -> Bool in
                FastText.find(pin, in: hay, first: first)
            }
            if let found { return found }
            let copy = Array(self.utf8)
            return copy.withUnsafeBufferPointer { FastText.find(pin, in: $0, first: first) }
        }
    }
}

enum FastText {
    static func find(_ pin: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, first: UInt8) -> Bool {
        let n = hay.count, m = pin.count
        guard m <= n, let base = hay.baseAddress else { return false }
        var i = 0
        let lastStart = n - m
        // A short text is cheaper to walk than to hand to memchr.
        if lastStart < 16 {
            while i <= lastStart {
                if hay[i] == first {
                    var j = 1
                    while j < m && hay[i + j] == pin[j] { j += 1 }
                    if j == m { return true }
                }
                i += 1
            }
            return false
        }
        while i <= lastStart {
            // memchr finds candidate first bytes with vector instructions; rules search every scalar of every file.
            guard let hit = memchr(base + i, Int32(first), lastStart - i + 1) else { return false }
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            var j = 1
            while j < m && hay[i + j] == pin[j] { j += 1 }
            if j == m { return true }
            i += 1
        }
        return false
    }
}

extension Sequence where Element == String {
    /// Element membership (the same spelling as the text search, for call sites that search word lists).
    func fastContains(_ element: String) -> Bool { contains(element) }
}
