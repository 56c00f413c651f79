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
        // One registry pass, not a lookup per finding (each copied rule descriptions out of existentials);
        // the first rule with an id wins, as in `RuleRegistry.rule(_:)`.
        var families: [String: String] = [:]
        for rule in RuleRegistry.all where families[rule.id] == nil { families[rule.id] = rule.description.family.rawValue }
        let entries = diagnostics.map { d in
            Entry(rule: d.ruleID, family: families[d.ruleID] ?? "", severity: d.severity.rawValue,
                  message: SecretMasking.mask(d.message, secrets: d.sensitiveTexts), path: d.location.path,
                  line: d.location.line, column: d.location.column, endLine: d.location.endLine, endColumn: d.location.endColumn,
                  related: d.related.map { Entry.Related(path: $0.location.path, line: $0.location.line, column: $0.location.column, label: $0.label) })
        }
        return JSONReporter.write(entries) + "\n"
    }

    /// The entries as `JSONEncoder` writes them with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, byte
    /// for byte (keys in sorted order, `"key" : value`, two-space indents, `[\n\n]` for an empty array). The
    /// encoder's generic Codable path cost ~70k instructions per finding, on the main thread after the parallel lint.
    /// A field added to `Entry` must be written here too (the JSON golden files catch a miss).
    static func write(_ entries: [Entry]) -> String {
        var out = "["
        guard !entries.isEmpty else { return "[\n\n]" }
        for (index, entry) in entries.enumerated() {
            out += index == 0 ? "\n  {\n" : ",\n  {\n"
            field("column", entry.column, &out, indent: "    ")
            field("endColumn", entry.endColumn, &out, indent: "    ")
            field("endLine", entry.endLine, &out, indent: "    ")
            field("family", entry.family, &out, indent: "    ")
            field("line", entry.line, &out, indent: "    ")
            field("message", entry.message, &out, indent: "    ")
            field("path", entry.path, &out, indent: "    ")
            out += "    \"related\" : ["
            if entry.related.isEmpty {
                out += "\n\n    ],\n"
            } else {
                for (relatedIndex, related) in entry.related.enumerated() {
                    out += relatedIndex == 0 ? "\n      {\n" : ",\n      {\n"
                    field("column", related.column, &out, indent: "        ")
                    field("label", related.label, &out, indent: "        ")
                    field("line", related.line, &out, indent: "        ")
                    field("path", related.path, &out, indent: "        ", last: true)
                    out += "      }"
                }
                out += "\n    ],\n"
            }
            field("rule", entry.rule, &out, indent: "    ")
            field("severity", entry.severity, &out, indent: "    ", last: true)
            out += "  }"
        }
        out += "\n]"
        return out
    }

    private static func field(_ key: String, _ value: Int, _ out: inout String, indent: String, last: Bool = false) {
        out += indent + "\"" + key + "\" : " + String(value) + (last ? "\n" : ",\n")
    }

    private static func field(_ key: String, _ value: String, _ out: inout String, indent: String, last: Bool = false) {
        out += indent + "\"" + key + "\" : "
        appendQuoted(value, to: &out)
        out += last ? "\n" : ",\n"
    }

    /// A JSON string as JSONEncoder escapes it: `"` and `\\`, the five short control escapes, other controls as
    /// lower-case `\\u00xx`; everything else (DEL and non-ASCII included) as is.
    static func appendQuoted(_ text: String, to out: inout String) {
        out += "\""
        var plainStart = text.unicodeScalars.startIndex
        var index = plainStart
        let scalars = text.unicodeScalars
        while index < scalars.endIndex {
            let value = scalars[index].value
            let escape: String?
            switch value {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x08: escape = "\\b"
            case 0x09: escape = "\\t"
            case 0x0A: escape = "\\n"
            case 0x0C: escape = "\\f"
            case 0x0D: escape = "\\r"
            case 0..<0x20:
                let hex = String(value, radix: 16)
                escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: escape = nil
            }
            if let escape {
                out += String(scalars[plainStart..<index])
                out += escape
                plainStart = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        out += String(scalars[plainStart..<scalars.endIndex])
        out += "\""
    }
}
