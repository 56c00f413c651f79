import Workflow
import YAML

/// Swift spellings of values: string literals (escaped or raw multi-line), identifiers, expressions.
public enum SwiftSyntax {
    static let keywords: Set<String> = ["associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func",
        "import", "init", "inout", "internal", "let", "open", "operator", "private", "protocol", "public", "static",
        "struct", "subscript", "typealias", "var", "break", "case", "continue", "default", "defer", "do", "else",
        "fallthrough", "for", "guard", "if", "in", "repeat", "return", "switch", "where", "while", "as", "Any", "catch",
        "false", "is", "nil", "rethrows", "super", "self", "Self", "throw", "throws", "true", "try", "await", "async"]

    /// True when `text` can name a Swift function or constant.
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, isLetter(first) || first == "_", !keywords.contains(text) else { return false }
        return text.unicodeScalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// A lowerCamelCase identifier made of the letters and digits of `text`.
    static func camelCase(_ text: String) -> String {
        var out = ""
        var upperNext = false
        for scalar in text.unicodeScalars {
            if isLetter(scalar) || ("0"..."9").contains(scalar) {
                let s = String(scalar)
                out += out.isEmpty ? s.lowercased() : (upperNext ? s.uppercased() : s)
                upperNext = false
            } else {
                upperNext = true
            }
        }
        if out.isEmpty || !(out.unicodeScalars.first.map(isLetter) ?? false) { out = "j" + out }
        return out
    }

    private static func isLetter(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("A"..."Z").contains(s) }

    /// A one-line string literal with escapes (also what `wfgen init` writes into Package.swift and the starter).
    public static func quoted(_ text: String) -> String { "\"" + escaped(text) + "\"" }

    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f || (0x80...0x9f).contains(scalar.value)
                    || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    out += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// The literal for `segments`: one line with `\(...)` interpolations, or a raw multi-line literal
    /// (`#"""` ... `"""#`) whose lines are indented by `indent` when the text spans lines.
    static func literal(_ string: InterpolatedString, indent: String) -> String {
        let text = string.segments.map { segment -> String in
            if case .literal(let l) = segment { return l }
            return ""
        }.joined()
        if text.contains("\n"), let hashes = rawHashes(for: string) {
            var body = ""
            for segment in string.segments {
                switch segment {
                case .literal(let l): body += l
                case .expression(let e): body += "\\" + hashes + "(" + expression(e) + ")"
                }
            }
            let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
            return hashes + "\"\"\"\n" + lines.map { indent + $0 + "\n" }.joined() + indent + "\"\"\"" + hashes
        }
        return "\"" + string.segments.map { segment -> String in
            switch segment {
            case .literal(let l): escaped(l)
            case .expression(let e): "\\(" + expression(e) + ")"
            }
        }.joined() + "\""
    }

    /// The `#`s a raw multi-line literal of these literals needs; nil when only escapes can write them.
    private static func rawHashes(for string: InterpolatedString) -> String? {
        var literals: [String] = []
        for case .literal(let l) in string.segments { literals.append(l) }
        for l in literals {
            for scalar in l.unicodeScalars where scalar != "\n" && scalar != "\t"
                && (scalar.value < 0x20 || scalar.value == 0x7f || (0x80...0x9f).contains(scalar.value)
                    || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{FEFF}") {
                return nil
            }
        }
        var hashes = "#"
        while literals.contains(where: { $0.contains("\"\"\"" + hashes) || $0.contains("\\" + hashes) || $0.contains("\"" + hashes) }) {
            hashes += "#"
            if hashes.count > 8 { return nil }
        }
        return hashes
    }

    /// An expression as the DSL call that builds it: a typed context where the code is one, else `.code`.
    static func expression(_ e: Expression) -> String {
        let base = typedContext(e.code) ?? "Expression.code(\(quoted(e.code)))"
        switch e.form {
        case .standard: return base
        case .tight: return base + ".written(.tight)"
        case .bare: return base + ".written(.bare)"
        case .wrapped(let leading, let trailing):
            return base + ".written(.wrapped(leading: \(quoted(leading)), trailing: \(quoted(trailing))))"
        }
    }

    static let githubProperties: [String: String] = [
        "sha": "sha", "ref": "ref", "ref_name": "refName", "ref_type": "refType", "repository": "repository",
        "repository_owner": "repositoryOwner", "actor": "actor", "event_name": "eventName", "run_id": "runID",
        "run_number": "runNumber", "run_attempt": "runAttempt", "workspace": "workspace", "server_url": "serverURL",
        "head_ref": "headRef", "base_ref": "baseRef", "workflow": "workflow", "job": "job", "token": "token",
    ]

    private static func typedContext(_ code: String) -> String? {
        switch code {
        case "success()", "failure()", "always()", "cancelled()": return "Expression." + code
        default: break
        }
        let parts = code.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[1].isEmpty else { return nil }
        let rest = String(parts[1])
        let isName = rest.unicodeScalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
        let isPath = rest.unicodeScalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" || $0 == "." }
            && !rest.hasSuffix(".") && !rest.contains("..")
        switch parts[0] {
        case "github":
            if let property = githubProperties[rest] { return "Expression.github(.\(property))" }
            return isPath ? "Expression.github(.path(\(quoted(rest))))" : nil
        case "vars" where isName: return "Expression.vars(\(quoted(rest)))"
        case "env" where isName: return "Expression.env(\(quoted(rest)))"
        case "matrix" where isName: return "Expression.matrix(\(quoted(rest)))"
        case "runner" where isName: return "Expression.runner(\(quoted(rest)))"
        default: return nil
        }
    }

    /// A `YAMLValue` as fully qualified cases (cheap for the type checker), for escape hatches.
    static func yaml(_ value: YAMLValue, indent: String) -> String {
        switch value {
        case .null: return "YAMLValue.null"
        case .bool(let b): return "YAMLValue.bool(\(b))"
        case .int(let i): return "YAMLValue.int(\(i))"
        case .float(let d): return "YAMLValue.float(\(double(d)))"
        case .string(let s): return "YAMLValue.string(\(literal(InterpolatedString(s), indent: indent)))"
        case .commented(let inner, _): return yaml(inner, indent: indent)
        case .sequence(let items):
            guard !items.isEmpty else { return "YAMLValue.sequence([])" }
            let inner = indent + "    "
            return "YAMLValue.sequence([\n" + items.map { inner + yaml($0, indent: inner) + ",\n" }.joined() + indent + "])"
        case .mapping(let entries):
            guard !entries.isEmpty else { return "YAMLValue.mapping([])" }
            let inner = indent + "    "
            return "YAMLValue.mapping([\n" + entries.map {
                inner + "YAMLValue.Entry(key: \(yaml($0.key, indent: inner)), value: \(yaml($0.value, indent: inner))),\n"
            }.joined() + indent + "])"
        }
    }

    static func double(_ d: Double) -> String {
        if d.isNaN { return "Double.nan" }
        if d.isInfinite { return d < 0 ? "-Double.infinity" : "Double.infinity" }
        return "\(d)"
    }
}
