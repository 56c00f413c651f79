import Workflow
import YAML

/// Reading typed values out of parsed YAML nodes; every failure is an `Unsupported` at the node.
enum NodeReading {
    /// The pairs of a mapping with string keys, in source order.
    static func pairs(_ node: Node, _ what: String) throws(Unsupported) -> [(String, Node)] {
        guard let mapping = node.mapping else { throw Unsupported("\(what) is not a mapping", at: node) }
        var result: [(String, Node)] = []
        for pair in mapping {
            guard case .string(let key) = pair.key.value else {
                throw Unsupported("\(what) has a key that is not a string", at: pair.key)
            }
            result.append((key, pair.value))
        }
        return result
    }

    /// The pairs of a mapping whose keys must be among `allowed`.
    static func fields(_ node: Node, _ what: String, allowed: Set<String>) throws(Unsupported) -> [String: Node] {
        var fields: [String: Node] = [:]
        for (key, value) in try pairs(node, what) {
            guard allowed.contains(key) else { throw Unsupported("\(what) has key '\(key)', which the model does not know", at: node) }
            fields[key] = value
        }
        return fields
    }

    /// A string scalar (quoted or a plain scalar that reads as a string).
    static func string(_ node: Node, _ what: String) throws(Unsupported) -> String {
        guard case .string(let text) = node.value else { throw Unsupported("\(what) is not a string", at: node) }
        return text
    }

    /// The text of any scalar as GitHub passes it on (`true`, `3`, `1.5`); nil for collections.
    static func scalarText(_ node: Node) -> String? {
        switch node.value {
        case .string(let text): text
        case .bool, .int: node.scalar
        case .float(let d): floatText(d)
        case .null: ""
        default: nil
        }
    }

    /// A float as a JavaScript-like reader prints it back (`3.10` is `3.1`, `2.0` is `2`).
    static func floatText(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        return "\(d)"
    }

    /// A list of strings, or one string read as a list of one.
    static func stringList(_ node: Node, _ what: String) throws(Unsupported) -> [String] {
        if let items = node.sequence {
            var result: [String] = []
            for item in items { result.append(try string(item, what)) }
            return result
        }
        if case .null = node.value { throw Unsupported("\(what) is empty", at: node) }
        return [try string(node, what)]
    }

    /// A boolean, literal or expression.
    static func bool(_ node: Node, _ what: String) throws(Unsupported) -> LiteralOrExpression<Bool> {
        switch node.value {
        case .bool(let b): return .literal(b)
        case .string(let text):
            if let expression = Interpolation.singleExpression(text) { return .expression(expression) }
            throw Unsupported("\(what) is a string that is not one expression", at: node)
        default: throw Unsupported("\(what) is not a boolean", at: node)
        }
    }

    /// An integer, literal or expression.
    static func int(_ node: Node, _ what: String) throws(Unsupported) -> LiteralOrExpression<Int> {
        switch node.value {
        case .int(let i): return .literal(i)
        case .string(let text):
            if let expression = Interpolation.singleExpression(text) { return .expression(expression) }
            throw Unsupported("\(what) is a string that is not one expression", at: node)
        default: throw Unsupported("\(what) is not an integer", at: node)
        }
    }

    /// A string with its `${{ }}` expressions as typed segments.
    static func interpolated(_ node: Node, _ what: String) throws(Unsupported) -> InterpolatedString {
        let text = try string(node, what)
        guard let parsed = Interpolation.parse(text) else {
            throw Unsupported("\(what) holds an unterminated ${{", at: node)
        }
        return parsed
    }

    /// An `env:` or `with:` value: text with expressions, a boolean, a number, or nothing.
    static func inputValue(_ node: Node, name: String, what: String, isEnv: Bool) throws(Unsupported) -> InputValue {
        switch node.value {
        case .bool(let b): return .bool(.literal(b))
        case .int(let i): return .int(.literal(i))
        case .float(let d): return .float(d)
        case .null: return .null
        case .string(let text):
            guard let parsed = Interpolation.parse(text) else {
                throw Unsupported("\(what) '\(name)' holds an unterminated ${{", at: node)
            }
            if let secret = Interpolation.secret(parsed) { return .secret(secret) }
            if isEnv, let literal = parsed.literalText, !literal.isEmpty, SecretHeuristics.looksLikeSecretName(name) {
                return .plaintext(parsed)
            }
            return .string(parsed)
        default:
            throw Unsupported("\(what) '\(name)' is a list or mapping", at: node)
        }
    }

    /// `env:`/`with:` pairs in order.
    static func inputPairs(_ node: Node, _ what: String, isEnv: Bool) throws(Unsupported) -> OrderedPairs<InputValue> {
        var result: OrderedPairs<InputValue> = []
        for (key, value) in try pairs(node, what) {
            result.append((key, try inputValue(value, name: key, what: what, isEnv: isEnv)))
        }
        return result
    }

    /// An `if:` condition: bare code, one `${{ }}`, or text mixing both (kept whole, bare).
    static func condition(_ node: Node) throws(Unsupported) -> Expression {
        let text: String
        switch node.value {
        case .string(let s): text = s
        case .bool, .int, .float: text = node.scalar ?? ""
            throw Unsupported("if: is a \(text == "true" || text == "false" ? "boolean" : "number"), not text", at: node)
        default: throw Unsupported("if: is not text", at: node)
        }
        if let expression = Interpolation.singleExpression(text) { return expression }
        return Expression.code(text).written(.bare)
    }

    /// A value that is one expression, or text that mixes literals and expressions (kept whole, bare).
    static func expressionValue(_ node: Node, _ what: String) throws(Unsupported) -> Expression {
        let text = try string(node, what)
        if let expression = Interpolation.singleExpression(text) { return expression }
        return Expression.code(text).written(.bare)
    }
}
