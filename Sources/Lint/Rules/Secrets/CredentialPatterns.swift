/// Recognizers for literal credentials, shared by the secret rules.
enum CredentialPatterns {
    /// A credential found in a text: what kind, where (UTF-8 offsets) and the literal (for masking).
    struct Match {
        let kind: String
        let range: Range<Int>
        let value: String
    }

    private static let githubPrefixes: [(String, [UInt8])] = ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"].map { ($0, Array($0.utf8)) }

    /// True when `text` holds a byte sequence any token shape starts with (one cheap pass, no allocation).
    static func mayContainToken(_ text: String) -> Bool { ScalarBytes.with(text) { mayContainToken($0) } }

    /// `mayContainToken` on bytes (a scalar's, or a whole file's).
    static func mayContainToken(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        guard n >= 4 else { return false }
        // One memchr pass per first byte: scripts are long, and these bytes are rare in them.
        func any(_ first: UInt8, _ shape: (Int) -> Bool) -> Bool {
            var i = 0
            while let p = ScalarBytes.index(of: first, in: bytes, from: i, through: n - 4) {
                if shape(p) { return true }
                i = p + 1
            }
            return false
        }
        // AKIA / ASIA
        return any(0x41) { i in (bytes[i + 1] == 0x4B || bytes[i + 1] == 0x53) && bytes[i + 2] == 0x49 && bytes[i + 3] == 0x41 }
            // ghp_ gho_ ghu_ ghs_ ghr_ / github_pat_ (not every `github.`, which nearly every workflow holds)
            || any(0x67) { i in
                let third = bytes[i + 2]
                if bytes[i + 1] == 0x68, bytes[i + 3] == 0x5F, third == 0x70 || third == 0x6F || third == 0x75 || third == 0x73 || third == 0x72 {
                    return true
                }
                // `github_pat_` (its second byte is `i`: asking for `gh` first missed every fine-grained token).
                return i + 11 <= n && bytes[i + 1] == 0x69 && third == 0x74 && bytes[i + 3] == 0x68 && bytes[i + 4] == 0x75
                    && bytes[i + 5] == 0x62 && bytes[i + 6] == 0x5F && bytes[i + 7] == 0x70 && bytes[i + 8] == 0x61
                    && bytes[i + 9] == 0x74 && bytes[i + 10] == 0x5F
            }
            // xox*-
            || any(0x78) { i in bytes[i + 1] == 0x6F && bytes[i + 2] == 0x78 }
            // -----BEGIN
            || any(0x2D) { i in bytes[i + 1] == 0x2D && bytes[i + 2] == 0x2D && bytes[i + 3] == 0x2D }
    }

    /// Well-known token shapes inside `text`.
    static func matches(in text: String) -> [Match] {
        let count = text.utf8.count
        // Every token shape is at least 20 bytes long and a private key header 10 (`-----BEGIN`), which
        // `privateKeys` looks for itself: most scalars are shorter than that.
        guard count >= 10 else { return [] }
        guard count >= 20 else { return privateKeys(in: text) }
        guard mayContainToken(text) else { return [] }
        var copy = text
        return copy.withUTF8 { scan(Array($0), text: text) } + privateKeys(in: text)
    }

    private static func scan(_ bytes: [UInt8], text: String) -> [Match] {
        var result: [Match] = []
        func isUpperAlnum(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) }
        func isAlnum(_ b: UInt8) -> Bool { isUpperAlnum(b) || (b >= 0x61 && b <= 0x7A) }
        func isWordByte(_ b: UInt8) -> Bool { isAlnum(b) || b == 0x5F }
        var i = 0
        while i < bytes.count {
            let before: UInt8 = i > 0 ? bytes[i - 1] : 0x20
            guard !isAlnum(before) else { i += 1; continue }
            // AWS access key ids: AKIA/ASIA + 16 upper-case letters or digits.
            if i + 20 <= bytes.count, bytes[i] == 0x41 || bytes[i] == 0x41, (bytes[i + 1] == 0x4B || bytes[i + 1] == 0x53),
               bytes[i + 2] == 0x49, bytes[i + 3] == 0x41, (i..<(i + 20)).allSatisfy({ isUpperAlnum(bytes[$0]) }),
               i + 20 == bytes.count || !isAlnum(bytes[i + 20]) {
                let value = String(decoding: bytes[i..<(i + 20)], as: UTF8.self)
                if !value.hasSuffix("EXAMPLE") {
                    result.append(Match(kind: "AWS access key id", range: i..<(i + 20), value: value))
                }
                i += 20
                continue
            }
            // GitHub tokens.
            for (prefix, p) in githubPrefixes where bytes[i] == 0x67 {
                guard i + p.count <= bytes.count, bytes[i..<(i + p.count)].elementsEqual(p) else { continue }
                var j = i + p.count
                while j < bytes.count, isWordByte(bytes[j]) { j += 1 }
                let length = j - i - p.count
                if (prefix == "github_pat_" && length >= 60) || (prefix != "github_pat_" && length >= 36) {
                    result.append(Match(kind: "GitHub token", range: i..<j, value: String(decoding: bytes[i..<j], as: UTF8.self)))
                    i = j
                }
                break
            }
            // Slack tokens.
            if i + 15 <= bytes.count, bytes[i] == 0x78, bytes[i + 1] == 0x6F, bytes[i + 2] == 0x78, [0x62, 0x70, 0x61].contains(bytes[i + 3]), bytes[i + 4] == 0x2D {
                var j = i + 5
                while j < bytes.count, isAlnum(bytes[j]) || bytes[j] == 0x2D { j += 1 }
                if j - i >= 30 {
                    result.append(Match(kind: "Slack token", range: i..<j, value: String(decoding: bytes[i..<j], as: UTF8.self)))
                    i = j
                    continue
                }
            }
            i += 1
        }
        return result
    }

    /// `-----BEGIN ... PRIVATE KEY-----` blocks.
    static func privateKeys(in text: String) -> [Match] {
        guard text.fastContains("-----BEGIN") else { return [] }
        return text.utf8Ranges(of: "-----BEGIN").compactMap { range in
            let bytes = Array(text.utf8)
            var j = range.upperBound
            while j < bytes.count, bytes[j] != 0x0A, j - range.upperBound < 40 { j += 1 }
            let header = String(decoding: bytes[range.lowerBound..<j], as: UTF8.self)
            guard header.fastContains("PRIVATE KEY-----") else { return nil }
            // A key block whose body is a placeholder or a variable is not a key.
            let body = String(decoding: bytes[j..<min(bytes.count, j + 80)], as: UTF8.self)
            guard !body.fastContains("$"), !body.fastContains("..."), body.trimmingWhitespace().count >= 20 else { return nil }
            return Match(kind: "private key", range: range.lowerBound..<j, value: header + body)
        }
    }

    /// AWS's documented example secret key, and the like.
    static let exampleSecrets: Set<String> = ["wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"]

    /// Values that are obviously not real secrets.
    static let placeholders: Set<String> = ["changeme", "change-me", "password", "passw0rd", "secret", "postgres", "root",
        "mysql", "admin", "test", "testing", "guest", "example", "dummy", "placeholder", "redacted", "none", "null", "true",
        "false", "yes", "no", "local", "localdev", "development", "docker", "redis", "mongo", "user", "pass", "token",
        "notasecret", "not-a-secret", "fake", "unused", "ci", "github"]

    /// True when a key (env name, input name, task-definition variable) names a secret.
    static func isSecretName(_ name: String) -> Bool {
        // Nearly every key of a file is asked about: ASCII names (nearly all) are read on their bytes.
        let decided: Bool? = ScalarBytes.with(name) { bytes in
            guard ScalarBytes.isASCII(bytes) else { return nil }
            return hasSecretHint(bytes) && isASCIISecretName(bytes)
        }
        if let decided { return decided }
        let lowered = name.lowercased()
        let hints = ["pass", "pwd", "secret", "token", "key", "credential"]
        guard hints.contains(where: { lowered.fastContains($0) }) else { return false }
        let tokens = lowered.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == "." || $0 == " " }).map(String.init)
        guard let last = tokens.last else { return false }
        if lowered.hasPrefix("token_type") || lowered.fastContains("version") { return false }
        if ["password", "passwd", "pwd", "secret", "token", "apikey", "credentials", "passphrase"].contains(last) { return true }
        let joined = tokens.joined(separator: "_")
        return ["api_key", "secret_key", "access_key", "private_key", "client_secret", "auth_key", "secret_access_key", "signing_key", "master_key"]
            .contains { joined.hasSuffix($0) }
    }

    /// True when ASCII `bytes` lowercased hold one of `isSecretName`'s hints, in one pass (few keys hold one).
    private static func hasSecretHint(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func has(_ i: Int, _ hint: StaticString) -> Bool {
            ScalarBytes.hasLowercasedPrefix(bytes, at: i, hint.utf8Start, hint.utf8CodeUnitCount)
        }
        // Bit b - 0x40 is set for the first letter of a hint (`c k p s t`, either case): other bytes go by on one test.
        let firstLetters: UInt64 = 1 << 3 | 1 << 11 | 1 << 16 | 1 << 19 | 1 << 20 | 1 << 35 | 1 << 43 | 1 << 48 | 1 << 51 | 1 << 52
        for i in bytes.indices where bytes[i] >= 0x40 && bytes[i] < 0x80 && firstLetters >> (bytes[i] - 0x40) & 1 != 0 {
            switch ScalarBytes.lowered(bytes[i]) {
            case 0x70: if has(i, "pass") || has(i, "pwd") { return true }
            case 0x73: if has(i, "secret") { return true }
            case 0x74: if has(i, "token") { return true }
            case 0x6B: if has(i, "key") { return true }
            case 0x63: if has(i, "credential") { return true }
            default: break
            }
        }
        return false
    }

    /// `isSecretName` past the hints for an ASCII name, on bytes: the lowercased tokens joined by `_` are built
    /// once instead of as Strings split on Characters.
    private static func isASCIISecretName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var joined: [UInt8] = []
        joined.reserveCapacity(bytes.count)
        var separated = false
        for b in bytes {
            if b == 0x5F || b == 0x2D || b == 0x2E || b == 0x20 {
                if !joined.isEmpty { separated = true }
                continue
            }
            if separated { joined.append(0x5F); separated = false }
            joined.append(ScalarBytes.lowered(b))
        }
        guard !joined.isEmpty else { return false }
        return joined.withUnsafeBufferPointer { tokens -> Bool in
            // Tokens hold no separator, so `version` in the lowercased name is `version` in the joined tokens.
            if ScalarBytes.hasLowercasedPrefix(bytes, at: 0, ("token_type" as StaticString).utf8Start, 10)
                || ScalarBytes.contains(tokens, "version", anchor: 1) {
                return false
            }
            let lastStart = (ScalarBytes.lastIndex(of: 0x5F, in: tokens) ?? -1) + 1
            for word: StaticString in ["password", "passwd", "pwd", "secret", "token", "apikey", "credentials", "passphrase"]
                where ScalarBytes.equals(tokens, lastStart, tokens.count, word) {
                return true
            }
            for suffix: StaticString in ["api_key", "secret_key", "access_key", "private_key", "client_secret", "auth_key",
                                         "secret_access_key", "signing_key", "master_key"]
                where ScalarBytes.equals(tokens, tokens.count - suffix.utf8CodeUnitCount, tokens.count, suffix) {
                return true
            }
            return false
        }
    }

    /// True when `value`, set under a secret-looking name, looks like a real literal secret.
    static func isLiteralSecretValue(_ rawValue: String) -> Bool {
        let value = rawValue.trimmingWhitespace()
        guard value.count >= 6, !value.fastContains("$"), !value.fastContains("{{"), !value.fastContains(" ") else { return false }
        let lowered = value.lowercased()
        if placeholders.contains(lowered) || exampleSecrets.contains(value) { return false }
        for marker in ["example", "xxx", "***", "<", "your", "placeholder", "changeme", "dummy", "redacted", "fake", "sample"] where lowered.contains(marker) {
            return false
        }
        if value.hasPrefix("/") || value.hasPrefix("./") || value.hasPrefix("~") || value.hasPrefix("arn:") || value.hasPrefix("http") { return false }
        if value.hasSuffix(".json") || value.hasSuffix(".pem") || value.hasSuffix(".txt") || value.hasSuffix(".key") { return false }
        if value.allSatisfy({ $0.isNumber }) && value.count < 8 { return false }
        // Identifiers such as `my-app-secret` or `DB_PASSWORD` name a secret rather than hold one.
        if value.allSatisfy({ $0.isLowercase || $0 == "-" || $0 == "_" || $0 == "/" }) { return false }
        if value.allSatisfy({ $0.isUppercase || $0 == "_" }) { return false }
        // Identifiers with separators (`INSTALLER_CERT_P12`, `prod-db-password-2`) name a secret stored elsewhere.
        let isUpperIdentifier = value.allSatisfy { ($0.isASCII && ($0.isUppercase || $0.isNumber)) || $0 == "_" }
        let isLowerIdentifier = value.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" || $0 == "-" }
        if (isUpperIdentifier || isLowerIdentifier) && (value.fastContains("_") || value.fastContains("-")) { return false }
        return true
    }

    /// Credentials embedded in a URL: `scheme://user:password@host`.
    static func urlCredential(in text: String) -> Match? {
        guard let scheme = text.utf8Range(of: "://") else { return nil }
        let bytes = Array(text.utf8)
        var j = scheme.upperBound
        var colon: Int?
        while j < bytes.count, bytes[j] != 0x40, bytes[j] != 0x2F, bytes[j] != 0x20 {
            if bytes[j] == 0x3A, colon == nil { colon = j }
            j += 1
        }
        guard j < bytes.count, bytes[j] == 0x40, let colon, colon + 1 < j else { return nil }
        let password = String(decoding: bytes[(colon + 1)..<j], as: UTF8.self)
        guard !password.fastContains("$"), !password.fastContains("{"), isLiteralSecretValue(password) || password.count >= 6 && !placeholders.contains(password.lowercased()) else { return nil }
        return Match(kind: "password in a URL", range: (colon + 1)..<j, value: password)
    }
}
