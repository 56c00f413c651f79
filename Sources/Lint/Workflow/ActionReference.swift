/// A parsed `uses:` value: `owner/repo[/path]@ref`, `./local` (or `$/path`, the calling repository's own reusable
/// workflow at the caller's commit, which takes no ref), or `docker://image`.
public struct ActionReference: Sendable, Hashable {
    /// `owner/repo` lowercased (empty for local and docker actions).
    public let repository: String
    /// The sub-path inside the repository, if any.
    public let path: String?
    /// The ref after `@` (nil when missing).
    public let ref: String?
    /// True for `./path` actions and `$/path` reusable workflows.
    public let isLocal: Bool
    /// True for `docker://` actions.
    public let isDocker: Bool

    /// Parses a `uses:` string; nil for an empty string.
    public init?(parsing raw: String) {
        let text = raw.trimmingWhitespace()
        guard !text.isEmpty else { return nil }
        var contiguous = text
        if let parsed = contiguous.withUTF8(ActionReference.parseASCII) {
            self = parsed
            return
        }
        if text.hasPrefix("./") || text.hasPrefix("../") || text.hasPrefix("$/") {
            repository = ""; path = text; ref = nil; isLocal = true; isDocker = false
            return
        }
        if text.hasPrefix("docker://") {
            repository = ""; path = String(text.dropFirst(9)); ref = nil; isLocal = false; isDocker = true
            return
        }
        isLocal = false
        isDocker = false
        let parts = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        ref = parts.count == 2 ? String(parts[1]) : nil
        let segments = parts[0].split(separator: "/", omittingEmptySubsequences: false)
        if segments.count >= 2 {
            repository = (segments[0] + "/" + segments[1]).lowercased()
            path = segments.count > 2 ? segments[2...].joined(separator: "/") : nil
        } else {
            repository = String(parts[0]).lowercased()
            path = nil
        }
    }

    private init(repository: String, path: String?, ref: String?, isLocal: Bool, isDocker: Bool) {
        self.repository = repository
        self.path = path
        self.ref = ref
        self.isLocal = isLocal
        self.isDocker = isDocker
    }

    /// The reference an ASCII `uses:` text names, read on its bytes; nil when a byte is not ASCII. Every step has a
    /// `uses:` or `run:`, so this is the common path: on ASCII text, byte prefixes and splits equal the Character
    /// ones (no separator can start a grapheme cluster with a following combining mark).
    private static func parseASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> ActionReference? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        func hasPrefix(_ prefix: StaticString) -> Bool {
            prefix.utf8CodeUnitCount <= bytes.count
                && (0..<prefix.utf8CodeUnitCount).allSatisfy { bytes[$0] == prefix.utf8Start[$0] }
        }
        if hasPrefix("./") || hasPrefix("../") || hasPrefix("$/") {
            return ActionReference(repository: "", path: String(decoding: bytes, as: UTF8.self), ref: nil,
                                   isLocal: true, isDocker: false)
        }
        if hasPrefix("docker://") {
            return ActionReference(repository: "", path: String(decoding: UnsafeBufferPointer(rebasing: bytes[9...]), as: UTF8.self),
                                   ref: nil, isLocal: false, isDocker: true)
        }
        let (repository, path, ref) = splitASCII(bytes)
        return ActionReference(repository: repository, path: path, ref: ref, isLocal: false, isDocker: false)
    }

    /// `owner/repo`, `path` and `ref` of an ASCII `uses:` text, in one pass over its bytes.
    private static func splitASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, String?, String?) {
        var at = bytes.count
        var firstSlash = -1
        var secondSlash = -1
        for index in bytes.indices {
            let byte = bytes[index]
            guard at == bytes.count else { break }
            if byte == 0x40 {
                at = index
            } else if byte == 0x2F {
                if firstSlash < 0 { firstSlash = index } else if secondSlash < 0 { secondSlash = index }
            }
        }
        let ref = at < bytes.count ? String(decoding: UnsafeBufferPointer(rebasing: bytes[(at + 1)...]), as: UTF8.self) : nil
        let repositoryEnd = secondSlash >= 0 ? secondSlash : at
        let repository = String(unsafeUninitializedCapacity: repositoryEnd) { buffer in
            for index in 0..<repositoryEnd {
                let byte = bytes[index]
                buffer[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            }
            return repositoryEnd
        }
        let path = secondSlash >= 0
            ? String(decoding: UnsafeBufferPointer(rebasing: bytes[(secondSlash + 1)..<at]), as: UTF8.self) : nil
        return (repository, path, ref)
    }

    /// `majorVersion` of an ASCII ref, read on its bytes (ASCII digits are its only numeric Characters); nil when a
    /// byte is not ASCII, `.some(nil)` when the ref is no version.
    private static func asciiMajorVersion(_ bytes: UnsafeBufferPointer<UInt8>) -> Int?? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var index = 0
        if index < bytes.count, bytes[index] == 0x76 || bytes[index] == 0x56 { index += 1 }
        var major = 0
        let start = index
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            major = major * 10 + Int(bytes[index] - 0x30)
            index += 1
        }
        let count = index - start
        guard count > 0, count < 4, index == bytes.count || bytes[index] == 0x2E else { return .some(nil) }
        return .some(major)
    }

    /// `owner/repo[/path]` lowercased, the action's identity.
    public var name: String { path.map { repository + "/" + $0.lowercased() } ?? repository }

    /// The owner part.
    public var owner: String {
        // Rules ask for every action's owner; the repository is lowercased ASCII in practice, so cut at the first
        // slash byte (the Character split stays for anything else).
        var contiguous = repository
        let ascii: String? = contiguous.withUTF8 { bytes in
            var start = -1
            var end = bytes.count
            for index in bytes.indices {
                let byte = bytes[index]
                if byte >= 0x80 { return nil }
                // Like `split`, skip empty components before the first one.
                if start < 0 {
                    if byte != 0x2F { start = index }
                } else if byte == 0x2F, end == bytes.count {
                    end = index
                }
            }
            guard start >= 0 else { return "" }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        return ascii ?? String(repository.split(separator: "/").first ?? "")
    }

    /// True when `ref` is a full 40-hex commit SHA.
    public var isPinnedToCommit: Bool {
        guard let ref else { return false }
        // Up to 40 bytes, 40 Characters need 40 ASCII bytes; longer texts may hold full-width hex digits.
        let byteCount = ref.utf8.count
        if byteCount < 40 { return false }
        if byteCount == 40 {
            return ref.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) }
        }
        guard ref.count == 40 else { return false }
        return ref.allSatisfy { $0.isHexDigit }
    }

    /// The major version of a `vN`, `vN.M.P` or `N.M` ref; nil for SHAs and branches.
    public var majorVersion: Int? {
        guard let ref else { return nil }
        var contiguous = ref
        if let ascii = contiguous.withUTF8(ActionReference.asciiMajorVersion) { return ascii }
        var digits = Substring(ref)
        if digits.first == "v" || digits.first == "V" { digits = digits.dropFirst() }
        let major = digits.prefix { $0.isNumber }
        guard !major.isEmpty, major.count < 4 else { return nil }
        let rest = digits.dropFirst(major.count)
        guard rest.isEmpty || rest.first == "." else { return nil }
        return Int(major)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    func trimmingWhitespace() -> String {
        // Fast path: nothing to trim (the common case), decided on the first and last scalars.
        if let first = unicodeScalars.first?.value, let last = unicodeScalars.last?.value,
           first > 0x20, last > 0x20, first < 0x80, last < 0x80 {
            return String(self)
        }
        let whole = String(self)
        if let kept = ASCIIWhitespace.trimmedBounds(of: whole.utf8) { return String(whole[kept]) }
        var start = startIndex
        var end = endIndex
        while start < end, self[start].isWhitespace { start = index(after: start) }
        while end > start, self[index(before: end)].isWhitespace { end = index(before: end) }
        return String(self[start..<end])
    }
}

/// Trimming on UTF-8 bytes, shared by `trimmingWhitespace` and the expression reader.
enum ASCIIWhitespace {
    /// The bytes left once ASCII blanks and breaks are cut off both ends, or nil when a kept end is not ASCII.
    ///
    /// ASCII blanks and breaks are each their own grapheme (CR LF together), so cutting them byte by byte is exact as
    /// long as the first and last kept bytes are ASCII; otherwise a combining mark might join a blank, and only
    /// Characters can decide.
    static func trimmedBounds<Bytes: BidirectionalCollection>(of bytes: Bytes) -> Range<Bytes.Index>? where Bytes.Element == UInt8 {
        func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
        var low = bytes.startIndex
        var high = bytes.endIndex
        while low < high, isWhitespace(bytes[low]) { low = bytes.index(after: low) }
        while high > low, isWhitespace(bytes[bytes.index(before: high)]) { high = bytes.index(before: high) }
        if low == high || (bytes[low] < 0x80 && bytes[bytes.index(before: high)] < 0x80) { return low..<high }
        return nil
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    func trimmingWhitespace() -> String {
        // The common case, nothing to trim, decided on the end bytes (an ASCII end byte is the whole end scalar).
        if let first = utf8.first, let last = utf8.last, first > 0x20, last > 0x20, first < 0x80, last < 0x80 {
            return self
        }
        return self[...].trimmingWhitespace()
    }
}
