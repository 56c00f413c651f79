/// Recognizers for literal credentials, shared by the secret rules.
enum CredentialPatterns {
    /// A credential found in a text: what kind, where (UTF-8 offsets) and the literal (for masking).
    struct Match {
        let kind: String
        let range: Range<Int>
        let value: String
    }

    private static let githubPrefixes: [(String, [UInt8])] = ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"].map { ($0, Array($0.utf8)) }

    /// Well-known token shapes inside `text`.
    /// True when `text` holds a byte sequence any token shape starts with (one cheap pass, no allocation).
    static func mayContainToken(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes -> Bool in
            let n = bytes.count
            var i = 0
            while i + 3 < n {
                switch bytes[i] {
                case 0x41: // AKIA / ASIA
                    if (bytes[i + 1] == 0x4B || bytes[i + 1] == 0x53) && bytes[i + 2] == 0x49 && bytes[i + 3] == 0x41 { return true }
                case 0x67: // ghp_ gho_ ghu_ ghs_ ghr_ / github_pat_ (not every `github.`, which nearly every workflow holds)
                    guard bytes[i + 1] == 0x68 else { break }
                    if bytes[i + 3] == 0x5F, [0x70, 0x6F, 0x75, 0x73, 0x72].contains(bytes[i + 2]) { return true }
                    if i + 11 <= n, bytes[i + 2] == 0x69, bytes[i + 3] == 0x74, bytes[i + 4] == 0x68, bytes[i + 5] == 0x75,
                       bytes[i + 6] == 0x62, bytes[i + 7] == 0x5F, bytes[i + 8] == 0x70, bytes[i + 9] == 0x61, bytes[i + 10] == 0x74 {
                        return true
                    }
                case 0x78: // xox*-
                    if bytes[i + 1] == 0x6F && bytes[i + 2] == 0x78 { return true }
                case 0x2D: // -----BEGIN
                    if bytes[i + 1] == 0x2D && bytes[i + 2] == 0x2D && bytes[i + 3] == 0x2D { return true }
                default:
                    break
                }
                i += 1
            }
            return false
        }
    }

    static func matches(in text: String) -> [Match] {
        guard mayContainToken(text) else { return [] }
        guard text.utf8.count >= 20 else { return privateKeys(in: text) }
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
