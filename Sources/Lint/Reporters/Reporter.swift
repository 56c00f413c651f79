/// The output formats of `wfgen lint`.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// `path:line:col: severity: message [rule-id]`, the source line and a caret.
    case text
    /// A JSON array of findings.
    case json
    /// SARIF 2.1.0 for GitHub code scanning.
    case sarif
    /// GitHub Actions workflow commands (`::error file=...::message`).
    case github
}

/// Renders diagnostics as one output format.
public protocol Reporter: Sendable {
    /// The full output for a run (deterministic for the same input).
    func render(_ diagnostics: [Diagnostic], sources: SourceLines) -> String
}

/// Source lines of linted files, for reporters that quote them; secrets are masked before any line is returned.
public struct SourceLines: Sendable {
    private let files: [String: SourceText]

    /// Reads the lines of each path that has diagnostics.
    public init(paths: Set<String>, repository: RepositoryFiles) {
        var files: [String: SourceText] = [:]
        for path in paths { if let bytes = repository.read(path) { files[path] = SourceText(path: path, bytes: bytes) } }
        self.files = files
    }

    /// No source at all (reporters then skip quoting).
    public init() { files = [:] }

    /// The 1-based `line` of `path` with the diagnostic's secrets and any credential-shaped text masked.
    public func line(_ line: Int, of path: String, masking secrets: [String]) -> String? {
        guard let source = files[path], line >= 1, line <= source.lineCount else { return nil }
        return SecretMasking.mask(source.lineText(line), secrets: secrets)
    }
}

/// Masks secrets in any text that goes to output.
public enum SecretMasking {
    /// `text` with each of `secrets` and each credential-shaped substring replaced by its first 4 characters and `****`.
    public static func mask(_ text: String, secrets: [String]) -> String {
        var result = text
        for secret in secrets where secret.count >= 4 {
            for part in secret.split(separator: "\n").map(String.init) where part.count >= 4 {
                result = result.replacingAll(part, with: Redaction.mask(part))
            }
        }
        for match in CredentialPatterns.matches(in: result).reversed() {
            let bytes = Array(result.utf8)
            result = String(decoding: bytes[..<match.range.lowerBound], as: UTF8.self) + Redaction.mask(match.value)
                + String(decoding: bytes[match.range.upperBound...], as: UTF8.self)
        }
        return result
    }
}

extension String {
    /// Every occurrence of `target` replaced.
    func replacingAll(_ target: String, with replacement: String) -> String {
        let ranges = utf8Ranges(of: target)
        guard !ranges.isEmpty else { return self }
        let bytes = Array(utf8)
        var out: [UInt8] = []
        var last = 0
        for range in ranges {
            out += bytes[last..<range.lowerBound]
            out += Array(replacement.utf8)
            last = range.upperBound
        }
        out += bytes[last...]
        return String(decoding: out, as: UTF8.self)
    }
}
