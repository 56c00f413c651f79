/// A YAML value without positions: what a document means, and what the emitter writes.
///
/// Equality treats `.commented(v, _)` as `v` and all NaNs as equal, so that
/// `parse(emit(tree)).value == tree` is the round-trip property, types included.
public indirect enum YAMLValue: Sendable, Hashable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case sequence([YAMLValue])
    case mapping([Entry])
    /// A value with an end-of-line comment, written ` # comment` after the value's first line.
    case commented(YAMLValue, String)

    /// One key/value entry of a mapping; order is kept as given.
    public struct Entry: Sendable, Hashable {
        /// The key.
        public var key: YAMLValue
        /// The value.
        public var value: YAMLValue
        /// Creates an entry.
        public init(key: YAMLValue, value: YAMLValue) {
            self.key = key
            self.value = value
        }
    }

    /// Builds a mapping from string keys in the order given.
    public static func map(_ entries: KeyValuePairs<String, YAMLValue>) -> YAMLValue {
        .mapping(entries.map { Entry(key: .string($0.key), value: $0.value) })
    }

    /// Builds a mapping from ordered string-keyed pairs.
    public static func map(_ entries: [(String, YAMLValue)]) -> YAMLValue {
        .mapping(entries.map { Entry(key: .string($0.0), value: $0.1) })
    }

    /// The value with every comment removed.
    public var uncommented: YAMLValue {
        switch self {
        case .commented(let inner, _): return inner.uncommented
        case .sequence(let items): return .sequence(items.map(\.uncommented))
        case .mapping(let entries):
            return .mapping(entries.map { Entry(key: $0.key.uncommented, value: $0.value.uncommented) })
        default: return self
        }
    }

    /// The value itself when it is not commented, else the value the comment is attached to.
    var stripped: YAMLValue {
        if case .commented(let inner, _) = self { return inner.stripped }
        return self
    }

    public static func == (lhs: YAMLValue, rhs: YAMLValue) -> Bool {
        switch (lhs.stripped, rhs.stripped) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a == b || (a.isNaN && b.isNaN)
        case (.string(let a), .string(let b)): return a == b
        case (.sequence(let a), .sequence(let b)): return a == b
        case (.mapping(let a), .mapping(let b)): return a == b
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch stripped {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(1); hasher.combine(b)
        case .int(let i): hasher.combine(2); hasher.combine(i)
        case .float(let d): hasher.combine(3); hasher.combine(d.isNaN ? Double.nan.bitPattern : d.bitPattern)
        case .string(let s): hasher.combine(4); hasher.combine(s)
        case .sequence(let items): hasher.combine(5); hasher.combine(items)
        case .mapping(let entries): hasher.combine(6); hasher.combine(entries)
        case .commented: hasher.combine(7)
        }
    }

    public var description: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return String(b)
        case .int(let i): return String(i)
        case .float(let d): return "float(\(d))"
        case .string(let s): return String(reflecting: s)
        case .sequence(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .mapping(let entries):
            return "{" + entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        case .commented(let inner, let comment): return "\(inner) # \(comment)"
        }
    }
}

extension YAMLValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByNilLiteral, ExpressibleByFloatLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: YAMLValue...) { self = .sequence(elements) }
    public init(nilLiteral: ()) { self = .null }
    public init(floatLiteral value: Double) { self = .float(value) }
}
