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
        let mask = sources.mask(for: diagnostics)
        let entries = diagnostics.map { d in
            Entry(rule: d.ruleID, family: families[d.ruleID] ?? "", severity: d.severity.rawValue,
                  message: mask.mask(d.message), path: mask.mask(d.location.path),
                  line: d.location.line, column: d.location.column, endLine: d.location.endLine, endColumn: d.location.endColumn,
                  related: d.related.map { Entry.Related(path: mask.mask($0.location.path), line: $0.location.line, column: $0.location.column,
                                                         label: mask.mask($0.label)) })
        }
        return JSONReporter.write(entries)
    }

    /// The entries as `JSONEncoder` writes them with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, byte
    /// for byte (keys in sorted order, `"key" : value`, two-space indents, `[\n\n]` for an empty array). The
    /// encoder's generic Codable path cost ~70k instructions per finding, on the main thread after the parallel lint;
    /// the text is built as bytes, which costs no temporary strings per field.
    /// A field added to `Entry` must be written here too (the JSON golden files catch a miss).
    /// The text ends with a line break, appended here rather than to the finished string (which would copy it).
    static func write(_ entries: [Entry]) -> String {
        guard !entries.isEmpty else { return "[\n\n]\n" }
        var out: [UInt8] = []
        out.reserveCapacity(entries.count * 400)
        out.append(0x5B)
        for index in entries.indices {
            let entry = entries[index]
            append(index == 0 ? "\n  {\n" : ",\n  {\n", to: &out)
            field("column", entry.column, &out, indent: "    ")
            field("endColumn", entry.endColumn, &out, indent: "    ")
            field("endLine", entry.endLine, &out, indent: "    ")
            field("family", entry.family, &out, indent: "    ")
            field("line", entry.line, &out, indent: "    ")
            field("message", entry.message, &out, indent: "    ")
            field("path", entry.path, &out, indent: "    ")
            append("    \"related\" : [", to: &out)
            if entry.related.isEmpty {
                append("\n\n    ],\n", to: &out)
            } else {
                for relatedIndex in entry.related.indices {
                    let related = entry.related[relatedIndex]
                    append(relatedIndex == 0 ? "\n      {\n" : ",\n      {\n", to: &out)
                    field("column", related.column, &out, indent: "        ")
                    field("label", related.label, &out, indent: "        ")
                    field("line", related.line, &out, indent: "        ")
                    field("path", related.path, &out, indent: "        ", last: true)
                    append("      }", to: &out)
                }
                append("\n    ],\n", to: &out)
            }
            field("rule", entry.rule, &out, indent: "    ")
            field("severity", entry.severity, &out, indent: "    ", last: true)
            append("  }", to: &out)
        }
        append("\n]\n", to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func append(_ text: String, to out: inout [UInt8]) {
        out.append(contentsOf: text.utf8)
    }

    private static func field(_ key: String, _ value: Int, _ out: inout [UInt8], indent: String, last: Bool = false) {
        append(indent, to: &out)
        out.append(0x22)
        append(key, to: &out)
        append("\" : ", to: &out)
        append(String(value), to: &out)
        append(last ? "\n" : ",\n", to: &out)
    }

    private static func field(_ key: String, _ value: String, _ out: inout [UInt8], indent: String, last: Bool = false) {
        append(indent, to: &out)
        out.append(0x22)
        append(key, to: &out)
        append("\" : ", to: &out)
        appendQuoted(value, to: &out)
        append(last ? "\n" : ",\n", to: &out)
    }

    /// A JSON string as JSONEncoder escapes it: `"` and `\\`, the five short control escapes, other controls as
    /// lower-case `\\u00xx`; everything else (DEL and non-ASCII included) as is. Every escaped character is one
    /// ASCII byte, so the text is read byte by byte and plain runs are copied whole.
    static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        var text = text
        text.withUTF8 { bytes in
            var plainStart = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainStart..<index]))
                switch byte {
                case 0x22: append("\\\"", to: &out)
                case 0x5C: append("\\\\", to: &out)
                case 0x08: append("\\b", to: &out)
                case 0x09: append("\\t", to: &out)
                case 0x0A: append("\\n", to: &out)
                case 0x0C: append("\\f", to: &out)
                case 0x0D: append("\\r", to: &out)
                default:
                    let hex = String(byte, radix: 16)
                    append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex, to: &out)
                }
                plainStart = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainStart...]))
        }
        out.append(0x22)
    }
}
