/// Decides what a plain scalar means, under YAML 1.2's core schema and under YAML 1.1.
///
/// GitHub reads workflows with a YAML 1.2 parser, but many tools (PyYAML, older Go and Ruby
/// parsers) still apply YAML 1.1, where `on`, `yes`, `0777` and `1:30` are not strings. The
/// emitter writes a string plain only when both readings agree that it is that string.
enum ScalarResolver {
    /// The value of a scalar as loaded: quoted and block scalars are strings, tags win.
    static func resolve(_ text: String, style: ScalarStyle, tag: String?) -> YAMLValue {
        if let tag {
            switch tag {
            case "tag:yaml.org,2002:str", "!": return .string(text)
            case "tag:yaml.org,2002:null": return .null
            case "tag:yaml.org,2002:bool": return core(text).flatMap { if case .bool = $0 { $0 } else { nil } } ?? .string(text)
            case "tag:yaml.org,2002:int":
                if let i = coreInt(text) { return i }
                return .string(text)
            case "tag:yaml.org,2002:float":
                if let f = coreFloat(text) { return f }
                if let i = coreInt(text), case .int(let v) = i { return .float(Double(v)) }
                return .string(text)
            default: return .string(text)
            }
        }
        guard style == .plain else { return .string(text) }
        return core(text) ?? .string(text)
    }

    /// True when `text`, written plain, reads back as this very string under YAML 1.2 core and YAML 1.1.
    static func isPlainString(_ text: String) -> Bool {
        core(text) == nil && !isYAML11NonString(text)
    }

    // MARK: YAML 1.2 core schema

    /// The non-string value a plain scalar resolves to under the 1.2 core schema, or nil for a string.
    static func core(_ text: String) -> YAMLValue? {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        guard let first = text.utf8.first else { return nil }
        // Numbers start with a digit, a sign or a dot; everything else is a string.
        guard (first >= 0x30 && first <= 0x39) || first == 0x2B || first == 0x2D || first == 0x2E else { return nil }
        return coreInt(text) ?? coreFloat(text)
    }

    private static func coreInt(_ text: String) -> YAMLValue? {
        let u = Array(text.utf8)
        if u.count > 2 && u[0] == 0x30 && u[1] == 0x6F { // 0o
            let digits = u[2...]
            guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x37 }) else { return nil }
            return Int(String(decoding: digits, as: UTF8.self), radix: 8).map(YAMLValue.int) ?? overflow(text)
        }
        if u.count > 2 && u[0] == 0x30 && u[1] == 0x78 { // 0x
            let digits = u[2...]
            guard digits.allSatisfy(isHexDigit) else { return nil }
            return Int(String(decoding: digits, as: UTF8.self), radix: 16).map(YAMLValue.int) ?? overflow(text)
        }
        var body = u[...]
        if let s = body.first, s == 0x2B || s == 0x2D { body = body.dropFirst() }
        guard !body.isEmpty, body.allSatisfy(isDigit) else { return nil }
        return Int(text.hasPrefix("+") ? String(text.dropFirst()) : text).map(YAMLValue.int) ?? overflow(text)
    }

    /// An integer too large for `Int` is still a number; keep it as the nearest double.
    private static func overflow(_ text: String) -> YAMLValue? {
        Double(text).map(YAMLValue.float) ?? .float(.infinity)
    }

    private static func coreFloat(_ text: String) -> YAMLValue? {
        var u = Array(text.utf8)[...]
        var negative = false
        if let s = u.first, s == 0x2B || s == 0x2D {
            negative = s == 0x2D
            u = u.dropFirst()
        }
        let rest = String(decoding: u, as: UTF8.self)
        if rest == ".inf" || rest == ".Inf" || rest == ".INF" { return .float(negative ? -.infinity : .infinity) }
        if text == ".nan" || text == ".NaN" || text == ".NAN" { return .float(.nan) }
        // [0-9]*(\.[0-9]*)?([eE][-+]?[0-9]+)? with at least one digit before the exponent.
        var i = u.startIndex
        var mantissaDigits = 0
        while i < u.endIndex, isDigit(u[i]) { i += 1; mantissaDigits += 1 }
        if i < u.endIndex, u[i] == 0x2E {
            i += 1
            while i < u.endIndex, isDigit(u[i]) { i += 1; mantissaDigits += 1 }
        }
        guard mantissaDigits > 0 else { return nil }
        if i < u.endIndex, u[i] == 0x65 || u[i] == 0x45 {
            i += 1
            if i < u.endIndex, u[i] == 0x2B || u[i] == 0x2D { i += 1 }
            var exponentDigits = 0
            while i < u.endIndex, isDigit(u[i]) { i += 1; exponentDigits += 1 }
            guard exponentDigits > 0 else { return nil }
        }
        guard i == u.endIndex, let value = Double(text.hasPrefix("+") ? String(text.dropFirst()) : text) else { return nil }
        return .float(value)
    }

    // MARK: YAML 1.1 (the spec's regular expressions, plus PyYAML's)

    /// True when a YAML 1.1 reader would not load the plain scalar as a string.
    static func isYAML11NonString(_ text: String) -> Bool {
        switch text.lowercased() {
        case "", "~", "null", "y", "n", "yes", "no", "on", "off", "true", "false", "=", "<<": return true
        default: break
        }
        guard let first = text.utf8.first else { return true }
        guard (first >= 0x30 && first <= 0x39) || first == 0x2B || first == 0x2D || first == 0x2E else { return false }
        return text.wholeMatch(of: yaml11Int) != nil
            || text.wholeMatch(of: yaml11Float) != nil
            || text.wholeMatch(of: yaml11Timestamp) != nil
    }

    nonisolated(unsafe) private static let yaml11Int =
        #/[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+/#
    // The spec's `[0-9.]*` fraction also makes "1.2.3" a float; the second branch is PyYAML's `.5` form.
    nonisolated(unsafe) private static let yaml11Float =
        #/[-+]?([0-9][0-9_]*)?\.[0-9._]*([eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+/#
    nonisolated(unsafe) private static let yaml11Timestamp =
        #/[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt \t]+[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]*)?([ \t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?/#

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    private static func isHexDigit(_ b: UInt8) -> Bool {
        isDigit(b) || (b >= 0x61 && b <= 0x66) || (b >= 0x41 && b <= 0x46)
    }
}
