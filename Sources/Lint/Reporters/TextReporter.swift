/// `path:line:col: severity: message [rule-id]`, then the source line and a caret under the column.
public struct TextReporter: Reporter {
    /// Creates the reporter.
    public init() {}

    public func render(_ diagnostics: [Diagnostic], sources: SourceLines) -> String {
        var out = ""
        for diagnostic in diagnostics {
            let l = diagnostic.location
            out += "\(l.path):\(l.line):\(l.column): \(diagnostic.severity.rawValue): \(SecretMasking.mask(diagnostic.message, secrets: diagnostic.sensitiveTexts)) [\(diagnostic.ruleID)]\n"
            if let line = sources.line(l.line, of: l.path, masking: diagnostic.sensitiveTexts) {
                out += "   | \(line)\n"
                let prefix = line.prefix(max(0, l.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
                let width = l.endLine == l.line ? max(1, min(l.endColumn - l.column, line.count - l.column + 1)) : max(1, line.count - l.column + 1)
                out += "   | \(prefix)^\(String(repeating: "~", count: max(0, width - 1)))\n"
            }
            for related in diagnostic.related {
                let r = related.location
                out += "   = \(r.path):\(r.line):\(r.column): \(related.label)\n"
            }
        }
        return out
    }
}
