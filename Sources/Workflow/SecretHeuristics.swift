/// Names and values that must not be plaintext.
public enum SecretHeuristics {
    static let secretWords = ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY",
                              "ACCESS_KEY", "CREDENTIAL"]

    /// True when a variable of this name usually holds a secret (`DB_PASSWORD`, `API_KEY`, ...).
    public static func looksLikeSecretName(_ name: String) -> Bool {
        let upper = name.uppercased().replacingAll("-", with: "_")
        return secretWords.contains { upper.contains($0) }
    }

    /// True when `text` contains an AWS access key id (`AKIA` or `ASIA` and 16 uppercase letters or digits).
    public static func containsAWSAccessKey(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 20 else { return false }
        for start in 0...(scalars.count - 20) {
            let prefix = String(String.UnicodeScalarView(scalars[start..<start + 4]))
            guard prefix == "AKIA" || prefix == "ASIA" else { continue }
            if scalars[(start + 4)..<(start + 20)].allSatisfy({ ("A"..."Z").contains($0) || $0.isASCIIDigit }) {
                return true
            }
        }
        return false
    }

    /// The text with everything after its first four characters hidden, for messages.
    public static func redact(_ text: String) -> String {
        String(text.prefix(4)) + String(repeating: "*", count: max(0, min(text.count - 4, 12)))
    }
}
