/// Questions several rules ask of every action reference, answered on the bytes of ASCII references (nearly all)
/// instead of building the `owner` String or iterating the ref's Characters.
extension ActionReference {
    /// True when `owner == name`.
    func hasOwner(_ name: StaticString) -> Bool {
        let decided: Bool? = ScalarBytes.with(repository) { bytes in
            // As `owner`: skip leading slashes, then the owner runs to the next slash. Bytes equal Characters there
            // when the owner and the byte after that slash (which a combining mark would join) are ASCII.
            var start = 0
            while start < bytes.count, bytes[start] == 0x2F { start += 1 }
            let end = ScalarBytes.index(of: 0x2F, in: bytes, from: start, through: bytes.count - 1) ?? bytes.count
            guard ScalarBytes.isASCII(UnsafeBufferPointer(rebasing: bytes[0..<min(end + 2, bytes.count)])) else { return nil }
            return ScalarBytes.equals(bytes, start, end, name)
        }
        return decided ?? (owner == name.description)
    }

    /// `isPinnedToCommit`: a 40-hex-digit ref.
    var isPinnedToFullSHA: Bool {
        guard let ref else { return false }
        let decided: Bool? = ScalarBytes.with(ref) { bytes in
            // Non-ASCII refs keep the Character test (fullwidth digits count as hex digits there).
            guard ScalarBytes.isASCII(bytes) else { return nil }
            guard bytes.count == 40 else { return false }
            for b in bytes {
                let lower = b | 0x20
                guard (b >= 0x30 && b <= 0x39) || (lower >= 0x61 && lower <= 0x66) else { return false }
            }
            return true
        }
        return decided ?? isPinnedToCommit
    }
}

extension ActionReference {
    /// The repository's last path component (`aws-actions/amazon-ecr-login` → `amazon-ecr-login`), as
    /// `repository.split(separator: "/").last ?? repository`, cut on bytes for ASCII repositories.
    var repositoryName: String {
        let decided: String?? = ScalarBytes.with(repository) { bytes in
            guard ScalarBytes.isASCII(bytes) else { return nil }
            // `split` omits empty components: trailing slashes do not count.
            var end = bytes.count
            while end > 0, bytes[end - 1] == 0x2F { end -= 1 }
            guard end > 0 else { return .some(nil) }
            var start = end
            while start > 0, bytes[start - 1] != 0x2F { start -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        if let decided { return decided ?? repository }
        return repository.split(separator: "/").last.map(String.init) ?? repository
    }
}
