/// A GitHub Actions expression; the only type that writes `${{ }}`.
///
/// Expressions are built from typed contexts (`.github(.sha)`, `.vars("X")`, a step's or job's
/// output, a `Secret`) and combined with `&&`, `||`, `!` and `isEqual(to:)`. Each one remembers
/// the step and job outputs it reads, so the compiler can check that they exist and come earlier.
public struct Expression: Sendable, Hashable, CustomStringConvertible {
    /// The expression's text, without `${{ }}`.
    public let code: String
    /// Step and job outputs, inputs and secrets this expression reads.
    public let references: [ContextReference]
    /// How the expression is written around its code; `${{ code }}` unless an imported file said otherwise.
    public let form: ExpressionForm

    init(code: String, references: [ContextReference] = [], form: ExpressionForm = .standard) {
        self.code = code
        self.references = references
        self.form = form
    }

    /// An expression in GitHub's expression syntax, e.g. `contains(github.ref, 'release')`.
    ///
    /// The typed contexts (`.github(.sha)`, a step's `output`, ...) are checked by the compiler; code given
    /// as text is written as it is and only GitHub checks it. `wfgen import` writes expressions this way.
    public static func code(_ code: String) -> Expression { Expression(code: code) }

    /// The same expression written in `form` (`wfgen import` keeps the spacing the original file used).
    public func written(_ form: ExpressionForm) -> Expression {
        Expression(code: code, references: references, form: form)
    }

    /// The expression as GitHub wants it in a value: `${{ code }}`.
    public var rendered: String {
        switch form {
        case .wrapped(let leading, let trailing): "${{" + leading + code + trailing + "}}"
        case .bare: code
        }
    }

    public var description: String { rendered }

    /// A string literal inside an expression, quoted the way GitHub quotes (`'` doubled).
    public static func literal(_ text: String) -> Expression {
        Expression(code: "'" + text.replacingAll("'", with: "''") + "'")
    }

    /// A number literal inside an expression.
    public static func literal(_ number: Int) -> Expression { Expression(code: String(number)) }

    /// A boolean literal inside an expression.
    public static func literal(_ value: Bool) -> Expression { Expression(code: value ? "true" : "false") }

    /// A property of the `github` context.
    public static func github(_ property: GitHubContext) -> Expression { Expression(code: "github." + property.path) }

    /// A configuration variable: `vars.NAME`.
    public static func vars(_ name: String) -> Expression { Expression(code: "vars." + name) }

    /// An environment variable: `env.NAME`.
    public static func env(_ name: String) -> Expression { Expression(code: "env." + name) }

    /// A workflow input (`workflow_dispatch` or `workflow_call`): `inputs.NAME`.
    public static func inputs(_ name: String, file: String = #filePath, line: Int = #line) -> Expression {
        Expression(code: "inputs." + name, references: [.input(name, SourceLocation(file: file, line: line))])
    }

    /// A matrix value: `matrix.NAME`.
    public static func matrix(_ name: String) -> Expression { Expression(code: "matrix." + name) }

    /// A property of the `runner` context: `runner.os`, `runner.temp`, ...
    public static func runner(_ property: String) -> Expression { Expression(code: "runner." + property) }

    /// `success()`: true when no earlier step or needed job failed (the default condition).
    public static func success() -> Expression { Expression(code: "success()") }
    /// `failure()`: true when an earlier step or needed job failed.
    public static func failure() -> Expression { Expression(code: "failure()") }
    /// `always()`: true even when the workflow was cancelled.
    public static func always() -> Expression { Expression(code: "always()") }
    /// `cancelled()`: true when the workflow was cancelled.
    public static func cancelled() -> Expression { Expression(code: "cancelled()") }

    /// `left == right`.
    public func isEqual(to other: Expression) -> Expression {
        Expression(code: "\(code) == \(other.code)", references: references + other.references)
    }

    /// `left == 'text'`.
    public func isEqual(to text: String) -> Expression { isEqual(to: .literal(text)) }

    /// `left != right`.
    public func isNotEqual(to other: Expression) -> Expression {
        Expression(code: "\(code) != \(other.code)", references: references + other.references)
    }

    /// `left != 'text'`.
    public func isNotEqual(to text: String) -> Expression { isNotEqual(to: .literal(text)) }

    /// `startsWith(self, 'prefix')`.
    public func startsWith(_ prefix: String) -> Expression {
        Expression(code: "startsWith(\(code), \(Expression.literal(prefix).code))", references: references)
    }

    /// `a && b`, parenthesized so that the result composes.
    public static func && (lhs: Expression, rhs: Expression) -> Expression {
        Expression(code: "(\(lhs.code)) && (\(rhs.code))", references: lhs.references + rhs.references)
    }

    /// `a || b`, parenthesized so that the result composes.
    public static func || (lhs: Expression, rhs: Expression) -> Expression {
        Expression(code: "(\(lhs.code)) || (\(rhs.code))", references: lhs.references + rhs.references)
    }

    /// `!a`.
    public static prefix func ! (operand: Expression) -> Expression {
        Expression(code: "!(\(operand.code))", references: operand.references)
    }
}

/// How an expression's code is written: inside `${{ }}` with the given spacing, or bare (GitHub reads an
/// `if:` value as an expression without `${{ }}`).
public enum ExpressionForm: Sendable, Hashable {
    /// `${{` + leading + code + trailing + `}}`.
    case wrapped(leading: String, trailing: String)
    /// The code alone; only meaningful in `if:`.
    case bare

    /// `${{ code }}`, the form wfgen writes.
    public static let standard = ExpressionForm.wrapped(leading: " ", trailing: " ")
    /// `${{code}}`, without spaces.
    public static let tight = ExpressionForm.wrapped(leading: "", trailing: "")
}

/// What an expression reads besides constant contexts; the compiler validates each one.
public enum ContextReference: Sendable, Hashable {
    /// `steps.<step>.outputs.<output>`, read at the given place.
    case stepOutput(step: String, output: String, SourceLocation)
    /// `needs.<job>.outputs.<output>`, read at the given place.
    case jobOutput(job: String, output: String, SourceLocation)
    /// `inputs.<name>`.
    case input(String, SourceLocation)
    /// `secrets.<name>`.
    case secret(String, SourceLocation)
}

/// The properties of the `github` context a workflow typically reads.
public enum GitHubContext: Sendable, Hashable {
    case sha, ref, refName, refType, repository, repositoryOwner, actor, eventName, runID, runNumber, runAttempt
    case workspace, serverURL, headRef, baseRef, workflow, job, token
    /// Any other property path under `github.`, e.g. `event.release.tag_name`.
    case path(String)

    var path: String {
        switch self {
        case .sha: "sha"
        case .ref: "ref"
        case .refName: "ref_name"
        case .refType: "ref_type"
        case .repository: "repository"
        case .repositoryOwner: "repository_owner"
        case .actor: "actor"
        case .eventName: "event_name"
        case .runID: "run_id"
        case .runNumber: "run_number"
        case .runAttempt: "run_attempt"
        case .workspace: "workspace"
        case .serverURL: "server_url"
        case .headRef: "head_ref"
        case .baseRef: "base_ref"
        case .workflow: "workflow"
        case .job: "job"
        case .token: "token"
        case .path(let p): p
        }
    }
}

extension String {
    /// Every occurrence of `target` replaced, without Foundation.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}

extension Substring {
    func range(of target: String) -> Range<Index>? {
        guard !target.isEmpty, count >= target.count else { return nil }
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(target) {
                return index..<self.index(index, offsetBy: target.count)
            }
            index = self.index(after: index)
        }
        return nil
    }
}
