import Foundation

/// A JSON array of findings with positions, sorted as on screen.
public struct JSONReporter: Reporter {
    /// Creates the reporter.
    public init() {}

    struct Entry: Codable {
        struct Related: Codable {
            let path: String
            let line: Int
            let column: Int
            let label: String
        }

        let rule: String
        let family: String
        let severity: String
        let message: String
        let path: String
        let line: Int
        let column: Int
        let endLine: Int
        let endColumn: Int
        let related: [Related]
    }

    public func render(_ diagnostics: [Diagnostic], sources: SourceLines) -> String {
        let entries = diagnostics.map { d in
            Entry(rule: d.ruleID, family: RuleRegistry.rule(d.ruleID)?.description.family.rawValue ?? "", severity: d.severity.rawValue,
                  message: SecretMasking.mask(d.message, secrets: d.sensitiveTexts), path: d.location.path,
                  line: d.location.line, column: d.location.column, endLine: d.location.endLine, endColumn: d.location.endColumn,
                  related: d.related.map { Entry.Related(path: $0.location.path, line: $0.location.line, column: $0.location.column, label: $0.label) })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(entries) else { return "[]\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
