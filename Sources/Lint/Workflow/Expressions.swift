/// `${{ }}` expressions inside workflow strings.
public enum Expressions {
    /// Each `${{ ... }}` in `text`: its UTF-8 range and the trimmed inner expression.
    public static func occurrences(in text: String) -> [(range: Range<Int>, inner: String)] {
        guard text.fastContains("${{") else { return [] }
        let bytes = Array(text.utf8)
        var result: [(Range<Int>, String)] = []
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == 0x24, bytes[i + 1] == 0x7B, bytes[i + 2] == 0x7B {
                var j = i + 3
                while j + 1 < bytes.count && !(bytes[j] == 0x7D && bytes[j + 1] == 0x7D) { j += 1 }
                guard j + 1 < bytes.count else { break }
                let inner = String(decoding: bytes[(i + 3)..<j], as: UTF8.self).trimmingWhitespace()
                result.append((i..<(j + 2), inner))
                i = j + 2
            } else {
                i += 1
            }
        }
        return result
    }

    /// Names `X` of every `secrets.X` (or `secrets['X']`) referenced inside expressions in `text`.
    public static func secretNames(in text: String) -> [String] {
        guard text.fastContains("secrets") else { return [] }
        var names: [String] = []
        for (_, inner) in occurrences(in: text) {
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
