/// GitHub Actions workflow commands, so findings show as annotations on the pull request.
public struct GitHubReporter: Reporter {
    /// Creates the reporter.
    public init() {}

    public func render(_ diagnostics: [Diagnostic], sources: SourceLines) -> String {
        let mask = sources.mask(for: diagnostics)
        var out = ""
        for d in diagnostics {
            let command: String
            switch d.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .note: command = "notice"
            }
            let l = d.location
            let properties = [
                "file=" + GitHubReporter.escapeProperty(mask.mask(l.path)),
                "line=\(l.line)", "col=\(l.column)", "endLine=\(l.endLine)", "endColumn=\(l.endColumn)",
                "title=" + GitHubReporter.escapeProperty(d.ruleID),
            ].joined(separator: ",")
            out += "::\(command) \(properties)::\(GitHubReporter.escapeData(mask.mask(d.message) + " [\(d.ruleID)]"))\n"
        }
        return out
    }

    /// Escapes a message as @actions/core's `escapeData`: `%` → `%25`, CR → `%0D`, LF → `%0A`.
    public static func escapeData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Escapes a property as @actions/core's `escapeProperty`: `escapeData`, then `:` → `%3A` and `,` → `%2C`.
    public static func escapeProperty(_ text: String) -> String {
        var out = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
