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

/// What reporters may print of the linted files: their source lines, and the secrets to mask in anything printed.
public struct SourceLines: Sendable {
    private let files: [String: SourceText]
    /// Secrets found anywhere in the run (see `SecretMask`).
    public let secrets: Set<String>

    /// Reads the lines of each path that has diagnostics.
    public init(paths: Set<String>, repository: RepositoryFiles, secrets: Set<String> = []) {
        var files: [String: SourceText] = [:]
        for path in paths { if let bytes = repository.read(path) { files[path] = SourceText(path: path, bytes: ByteOrderMark.stripped(bytes)) } }
        self.files = files
        self.secrets = secrets
    }

    /// No source at all (reporters then skip quoting), and the secrets to mask.
    public init(secrets: Set<String> = []) {
        files = [:]
        self.secrets = secrets
    }

    /// The mask for printing `diagnostics`: the run's secrets and the diagnostics' own.
    public func mask(for diagnostics: [Diagnostic]) -> SecretMask {
        var all = secrets
        for diagnostic in diagnostics { all.formUnion(diagnostic.sensitiveTexts) }
        return SecretMask(secrets: all)
    }

    /// The 1-based `line` of `path`, unmasked (reporters mask it with `mask(for:)`); nil when out of range.
    public func rawLine(_ line: Int, of path: String) -> String? {
        guard let source = files[path], line >= 1, line <= source.lineCount else { return nil }
        return source.lineText(line)
    }

    /// The 1-based `line` of `path` with `secrets` and any credential-shaped text masked.
    public func line(_ line: Int, of path: String, masking secrets: [String]) -> String? {
        rawLine(line, of: path).map { SecretMask(secrets: self.secrets.union(secrets)).mask($0) }
    }
}

/// Masks secrets in one text (see `SecretMask`, which reporters use for whole runs).
public enum SecretMasking {
    /// `text` with each of `secrets` and each credential-shaped substring replaced by its first 4 characters and `****`.
    public static func mask(_ text: String, secrets: [String]) -> String { SecretMask(secrets: secrets).mask(text) }
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
