/// A string that may mix literal text and expressions, built with string interpolation:
/// `"\(registry)/backend:\(Expression.github(.sha))"`.
///
/// Literal parts must not contain `${{`: only `Expression` writes expressions.
public struct InterpolatedString: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// One literal run of text or one expression.
    public enum Segment: Sendable, Hashable {
        case literal(String)
        case expression(Expression)
    }

    /// The parts in order.
    public private(set) var segments: [Segment]

    /// A string made of literal text only.
    public init(_ text: String) { segments = text.isEmpty ? [] : [.literal(text)] }

    /// A string made of one expression.
    public init(_ expression: Expression) { segments = [.expression(expression)] }

    public init(stringLiteral value: String) { self.init(value) }

    /// A string made of `segments` in order (adjacent literals are merged).
    public init(segments: [Segment]) {
        self.segments = []
        for segment in segments { self = self + InterpolatedString(segment: segment) }
    }

    private init(segment: Segment) {
        if case .literal(let text) = segment, text.isEmpty { segments = [] } else { segments = [segment] }
    }

    public init(stringInterpolation: Interpolation) { segments = stringInterpolation.segments }

    /// Builds the segments of an interpolated literal.
    public struct Interpolation: StringInterpolationProtocol {
        var segments: [Segment] = []
        public init(literalCapacity: Int, interpolationCount: Int) {}
        public mutating func appendLiteral(_ literal: String) {
            guard !literal.isEmpty else { return }
            if case .literal(let previous)? = segments.last {
                segments[segments.count - 1] = .literal(previous + literal)
            } else {
                segments.append(.literal(literal))
            }
        }
        public mutating func appendInterpolation(_ expression: Expression) { segments.append(.expression(expression)) }
        public mutating func appendInterpolation(_ secret: Secret) { segments.append(.expression(secret.expression)) }
        public mutating func appendInterpolation(_ text: String) { appendLiteral(text) }
        public mutating func appendInterpolation(_ number: Int) { appendLiteral(String(number)) }
    }

    /// The two strings one after the other.
    public static func + (lhs: InterpolatedString, rhs: InterpolatedString) -> InterpolatedString {
        var result = lhs
        for segment in rhs.segments {
            if case .literal(let text) = segment, case .literal(let previous)? = result.segments.last {
                result.segments[result.segments.count - 1] = .literal(previous + text)
            } else {
                result.segments.append(segment)
            }
        }
        return result
    }

    /// The text GitHub reads: literals as they are, expressions as `${{ }}`.
    public var rendered: String {
        segments.map { segment in
            switch segment {
            case .literal(let text): text
            case .expression(let expression): expression.rendered
            }
        }.joined()
    }

    /// Every expression inside.
    public var expressions: [Expression] {
        segments.compactMap { if case .expression(let e) = $0 { e } else { nil } }
    }

    /// The literal text when there is no expression inside.
    public var literalText: String? { expressions.isEmpty ? rendered : nil }

    public var description: String { rendered }
}

/// A field GitHub lets hold either a literal or an expression (booleans, numbers).
public enum LiteralOrExpression<Literal: Sendable & Hashable>: Sendable, Hashable {
    case literal(Literal)
    case expression(Expression)
}

extension LiteralOrExpression: ExpressibleByBooleanLiteral where Literal == Bool {
    public init(booleanLiteral value: Bool) { self = .literal(value) }
}

extension LiteralOrExpression: ExpressibleByIntegerLiteral where Literal == Int {
    public init(integerLiteral value: Int) { self = .literal(value) }
}

extension LiteralOrExpression: ExpressibleByUnicodeScalarLiteral, ExpressibleByExtendedGraphemeClusterLiteral,
    ExpressibleByStringLiteral where Literal == String
{
    public init(stringLiteral value: String) { self = .literal(value) }
}

/// A value given to an action input (`with:`), an environment variable or a reusable workflow.
public enum InputValue: Sendable, Hashable {
    case string(InterpolatedString)
    case bool(LiteralOrExpression<Bool>)
    case int(LiteralOrExpression<Int>)
    /// A secret, which can only render as `${{ secrets.NAME }}`.
    case secret(Secret)
    /// Several lines, written as a literal block (lists such as `tags`, `build-args`).
    case lines([InterpolatedString])
    /// A number with a fraction; GitHub passes its YAML text on (`3.10` reads as `3.1`).
    case float(Double)
    /// An empty value (`key:` with nothing after it), which GitHub passes on as the empty string.
    case null
    /// A literal under a name that looks secret (`POSTGRES_PASSWORD: postgres`), stated not to be one.
    ///
    /// An explicit opt-out of the plaintext-secret check: generating warns, so that the value is moved to a
    /// `Secret` or the warning accepted. `wfgen import` writes it to keep what the original file says.
    case plaintext(InterpolatedString)

    /// Every expression the value holds.
    public var expressions: [Expression] {
        switch self {
        case .string(let s): s.expressions
        case .bool(.expression(let e)), .int(.expression(let e)): [e]
        case .bool, .int: []
        case .secret(let secret): [secret.expression]
        case .lines(let lines): lines.flatMap(\.expressions)
        case .plaintext(let s): s.expressions
        case .float, .null: []
        }
    }
}

extension InputValue: ExpressibleByStringInterpolation, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .string(InterpolatedString(value)) }
    public init(stringInterpolation: InterpolatedString.Interpolation) {
        self = .string(InterpolatedString(stringInterpolation: stringInterpolation))
    }
    public init(booleanLiteral value: Bool) { self = .bool(.literal(value)) }
    public init(integerLiteral value: Int) { self = .int(.literal(value)) }
}

extension InputValue {
    /// A value that is exactly one expression.
    public static func expression(_ expression: Expression) -> InputValue { .string(InterpolatedString(expression)) }
}

/// A secret held by GitHub; it renders as `${{ secrets.NAME }}` and never as its value.
public struct Secret: Sendable, Hashable, CustomStringConvertible {
    /// The secret's name in the repository, organization or environment settings.
    public let name: String
    /// Where the DSL named it.
    public let location: SourceLocation

    /// Names a secret.
    public init(_ name: String, file: String = #filePath, line: Int = #line) {
        self.name = name
        self.location = SourceLocation(file: file, line: line)
    }

    /// `secrets.NAME` as an expression.
    public var expression: Expression {
        Expression(code: "secrets." + name, references: [.secret(name, location)])
    }

    /// The automatic `GITHUB_TOKEN`.
    public static func githubToken(file: String = #filePath, line: Int = #line) -> Secret {
        Secret("GITHUB_TOKEN", file: file, line: line)
    }

    public var description: String { expression.rendered }
}

/// Ordered name/value pairs (`env:`, `with:`, `outputs:`): order is kept as written.
public typealias OrderedPairs<Value> = [(String, Value)]
