#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `${{ }}` expressions inside workflow strings.
public enum Expressions {
    /// Each `${{ ... }}` in `text`: its UTF-8 range and the trimmed inner expression.
    public static func occurrences(in text: String) -> [(range: Range<Int>, inner: String)] {
        guard text.fastContains("${{") else { return [] }
        // Rules scan every scalar of every file: read the string's own UTF-8 storage rather than a copy.
        if let result = text.utf8.withContiguousStorageIfAvailable(occurrences(in:)) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(occurrences(in:))
    }

    private static func occurrences(in bytes: UnsafeBufferPointer<UInt8>) -> [(range: Range<Int>, inner: String)] {
        var result: [(range: Range<Int>, inner: String)] = []
        guard let base = bytes.baseAddress else { return result }
        let count = bytes.count
        // The offset of the first `byte` in `bytes[from..<to]`, found with memchr (scalars can be long scripts).
        func first(_ byte: UInt8, from: Int, to: Int) -> Int? {
            guard from < to, let hit = memchr(base + from, Int32(byte), to - from) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        var i = 0
        while let dollar = first(0x24, from: i, to: count - 2) {
            i = dollar
            guard bytes[i + 1] == 0x7B, bytes[i + 2] == 0x7B else { i += 1; continue }
            // The closing `}}`: the first `}` followed by another.
            var from = i + 3
            var close: Int?
            while let brace = first(0x7D, from: from, to: count - 1) {
                if bytes[brace + 1] == 0x7D { close = brace; break }
                from = brace + 1
            }
            guard let close else { break }
            result.append((i..<(close + 2), trimmedText(bytes[(i + 3)..<close])))
            i = close + 2
        }
        return result
    }

    /// The text of `bytes` as `trimmingWhitespace` trims it: ASCII blanks and breaks are cut on bytes, which is exact
    /// when the kept ends are ASCII (nothing combines with a trimmed byte); anything else is left to the Characters.
    private static func trimmedText(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        if let kept = ASCIIWhitespace.trimmedBounds(of: bytes) {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[kept]), as: UTF8.self)
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self).trimmingWhitespace()
    }

    /// Names `X` of every `secrets.X` (or `secrets['X']`) referenced inside expressions in `text`.
    public static func secretNames(in text: String) -> [String] {
        guard text.fastContains("secrets") else { return [] }
        var names: [String] = []
        for (_, inner) in occurrences(in: text) {
            // ASCII expressions (nearly all) are read on bytes; the Character reading below is the reference.
            if inner.utf8.allSatisfy({ $0 < 0x80 }) {
                names += asciiSecretNames(in: inner)
                continue
            }
            var rest = Substring(inner)
            while let range = rest.firstRange(of: "secrets.") {
                let name = rest[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
                if !name.isEmpty { names.append(String(name)) }
                rest = rest[range.upperBound...]
            }
            rest = Substring(inner)
            while let range = rest.firstRange(of: "secrets[") {
                let name = rest[range.upperBound...].dropFirst().prefix { $0 != "'" && $0 != "\"" && $0 != "]" }
                if !name.isEmpty { names.append(String(name)) }
                rest = rest[range.upperBound...]
            }
        }
        return names
    }

    /// `secrets.X` names, then `secrets['X']` names, of an ASCII expression: the same as the Character reading,
    /// where ASCII `isLetter`/`isNumber` are A-Z, a-z and 0-9.
    private static func asciiSecretNames(in inner: String) -> [String] {
        let bytes = Array(inner.utf8)
        var names: [String] = []
        func isNameByte(_ b: UInt8) -> Bool {
            ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b == 0x2D
        }
        for range in inner.utf8Ranges(of: "secrets.") {
            var j = range.upperBound
            while j < bytes.count, isNameByte(bytes[j]) { j += 1 }
            if j > range.upperBound { names.append(String(decoding: bytes[range.upperBound..<j], as: UTF8.self)) }
        }
        for range in inner.utf8Ranges(of: "secrets[") {
            // The character after `[` (a quote) is skipped, as in the Character reading.
            let start = range.upperBound + 1
            var j = start
            while j < bytes.count, bytes[j] != 0x27, bytes[j] != 0x22, bytes[j] != 0x5D { j += 1 }
            if j > start { names.append(String(decoding: bytes[start..<j], as: UTF8.self)) }
        }
        return names
    }

    /// True when `text` holds an expression reading a sensitive secret.
    public static func readsSecret(_ text: String) -> Bool { secretNames(in: text).contains(where: isSensitiveSecretName) }

    /// Secrets stores hold identifiers too (`ECR_REPOSITORY`, `AWS_REGION`, `ACCOUNT_ID`); printing or passing
    /// those leaks nothing, so they do not taint.
    public static func isSensitiveSecretName(_ name: String) -> Bool {
        let upper = name.uppercased()
        let identifiers = ["REPOSITORY", "REPO", "REGISTRY", "REGION", "ACCOUNT_ID", "ACCOUNT", "CLUSTER", "SERVICE",
                           "BUCKET", "NAME", "DOMAIN", "HOST", "PORT", "ENVIRONMENT", "USERNAME", "USER", "EMAIL", "ARN"]
        return !identifiers.contains { upper == $0 || upper.hasSuffix("_" + $0) }
    }
}
