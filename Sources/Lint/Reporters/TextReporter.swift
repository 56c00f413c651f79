/// `path:line:col: severity: message [rule-id]`, then the source line and a caret under the column.
///
/// Every printed line goes through the run's `SecretMask` and has its control characters escaped; the caret is
/// placed on the masked, escaped line (columns are moved with the text), so it stays under the finding.
public struct TextReporter: Reporter {
    /// Creates the reporter.
    public init() {}

    public func render(_ diagnostics: [Diagnostic], sources: SourceLines) -> String {
        let mask = sources.mask(for: diagnostics)
        func printable(_ text: String) -> String { ControlCharacters.escape(mask.mask(text)) }
        var out = ""
        for diagnostic in diagnostics {
            let l = diagnostic.location
            out += printable("\(l.path):\(l.line):\(l.column): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.ruleID)]") + "\n"
            if let raw = sources.rawLine(l.line, of: l.path) {
                let masked = mask.masked(raw)
                let escaped = ControlCharacters.escaped(masked.text)
                let line = escaped.text
                // Input column (1-based scalars) → scalar offset in the printed line.
                func printedOffset(_ column: Int) -> Int {
                    let maskedOffset = masked.offsets[max(0, min(column - 1, masked.offsets.count - 1))]
                    return escaped.offsets[max(0, min(maskedOffset, escaped.offsets.count - 1))]
                }
                let scalars = Array(line.unicodeScalars)
                let start = printedOffset(l.column)
                let end = l.endLine == l.line ? printedOffset(l.endColumn) : scalars.count
                out += "   | \(line)\n"
                var prefix = String.UnicodeScalarView()
                for scalar in scalars.prefix(start) { prefix.append(scalar == "\t" ? "\t" : " ") }
                let width = max(1, min(end, scalars.count) - start)
                out += "   | \(String(prefix))^\(String(repeating: "~", count: max(0, width - 1)))\n"
            }
            for related in diagnostic.related {
                let r = related.location
                out += printable("   = \(r.path):\(r.line):\(r.column): \(related.label)") + "\n"
            }
        }
        return out
    }
}
