import YAML

/// Settings from `.wfgen.yml` (and command-line options layered on top).
///
/// ```yaml
/// disable: [push-to-ecs-wording]          # rules not to run
/// ignore:                                  # findings to drop, by path or path:line
///   - .github/workflows/legacy.yml
///   - .github/workflows/deploy.yml:42
/// severity: {unpinned-action: error}       # per-rule severity
/// min-severity: warning                    # hide findings below this
/// fail-level: error                        # exit 1 only for findings at or above this
/// ```
public struct LintConfiguration: Sendable, Hashable {
    /// Rule ids not to run.
    public var disabledRules: Set<String> = []
    /// Ignore entries: a path (every finding in it) or `path:line`, optionally `path:line:rule-id`.
    public var ignoreEntries: [String] = []
    /// Per-rule severities.
    public var severityOverrides: [String: Severity] = [:]
    /// Findings below this are not reported.
    public var minimumSeverity: Severity = .note
    /// Findings at or above this make the run fail (exit 1).
    public var failLevel: Severity = .warning

    /// The default configuration.
    public init() {}

    /// The largest configuration file read (1 MiB): a real one is a few hundred bytes; the size is checked from
    /// the file's metadata before reading.
    public static let maximumFileSize = 1 << 20

    /// An error in a configuration file, with its position.
    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// What is wrong.
        public let message: String
        /// Where.
        public let line: Int
        /// Column.
        public let column: Int
        public var description: String { "\(line):\(column): \(message)" }
    }

    /// Parses `.wfgen.yml` text; `knownRules` validates rule ids.
    public static func parse(_ text: String, knownRules: Set<String>) throws(Problem) -> LintConfiguration {
        var configuration = LintConfiguration()
        let document: Document
        do {
            document = try YAMLParser().parse(text)
        } catch {
            throw Problem(message: error.message, line: error.mark.line, column: error.mark.column)
        }
        guard let root = document.root else { return configuration }
        guard let pairs = root.mapping else { throw Problem(message: "the configuration must be a mapping", line: root.start.line, column: root.start.column) }
        func problem(_ message: String, _ node: Node) -> Problem { Problem(message: message, line: node.start.line, column: node.start.column) }
        func severity(_ node: Node) throws(Problem) -> Severity {
            guard let text = node.scalar, let value = Severity(rawValue: text) else {
                throw problem("expected one of note, warning, error", node)
            }
            return value
        }
        for pair in pairs {
            switch pair.key.scalar ?? "" {
            case "disable":
                for item in pair.value.sequence ?? [pair.value] {
                    guard let id = item.scalar, knownRules.contains(id) else { throw problem("unknown rule '\(item.scalar ?? "")'", item) }
                    configuration.disabledRules.insert(id)
                }
            case "ignore":
                for item in pair.value.sequence ?? [pair.value] {
                    guard let entry = item.scalar, !entry.isEmpty else { throw problem("expected a path or path:line", item) }
                    configuration.ignoreEntries.append(entry)
                }
            case "severity":
                for entry in pair.value.mapping ?? [] {
                    guard let id = entry.key.scalar, knownRules.contains(id) else { throw problem("unknown rule '\(entry.key.scalar ?? "")'", entry.key) }
                    configuration.severityOverrides[id] = try severity(entry.value)
                }
            case "min-severity":
                configuration.minimumSeverity = try severity(pair.value)
            case "fail-level":
                configuration.failLevel = try severity(pair.value)
            default:
                throw problem("unknown setting '\(pair.key.scalar ?? "")' (expected disable, ignore, severity, min-severity, fail-level)", pair.key)
            }
        }
        return configuration
    }

    /// True when an ignore entry covers a finding of `rule` at `path:line`.
    public func ignores(path: String, line: Int, rule: String) -> Bool {
        for entry in ignoreEntries {
            let parts = entry.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard RepositoryPath.normalize(parts[0]) == path || (parts[0].hasSuffix("/") && path.hasPrefix(RepositoryPath.normalize(parts[0]) + "/")) else { continue }
            if parts.count == 1 { return true }
            if let l = Int(parts[1]), l != line { continue }
            if parts.count >= 3, parts[2] != rule { continue }
            return true
        }
        return false
    }
}
