public import YAML

/// One step of a job: an action (`uses`) or a shell script (`run`).
///
/// A step gets an `id:` in the output only when the author gave one or a later step reads its
/// outputs; an id it needs but was not given is derived from the action or step name, never a number.
public struct Step: Sendable, StepConvertible {
    /// What the step does.
    public enum Body: Sendable {
        /// `uses:` an action with `with:` pairs (nil values are not written).
        case action(ActionReference, inputs: [(String, InputValue?)])
        /// `run:` a script; expressions must come in through `env:`, never inline.
        case run(String, shell: Shell?, workingDirectory: String?)
        /// A step the typed model cannot represent, written as given (`wfgen import`'s last resort).
        case untyped(UntypedYAML)
    }

    /// Whether a `run` script may hold `${{ }}` and keeps its text exactly.
    public enum ScriptForm: Sendable, Hashable {
        /// The DSL's script: no `${{ }}` (pass values through `env:`), a final newline added to multi-line text.
        case standard
        /// The text exactly as given, `${{ }}` allowed with a warning (template injection risk). What
        /// `wfgen import` writes to keep an existing script unchanged.
        case verbatim(allowingExpressions: Bool)
    }

    /// The id the author gave, if any.
    public let givenID: String?
    /// `name:`; nil omits it.
    public let name: String?
    /// `if:`; nil omits it.
    public let condition: Expression?
    /// What it runs.
    public let body: Body
    /// `env:`.
    public let env: OrderedPairs<InputValue>
    /// `continue-on-error:`; nil omits it.
    public let continueOnError: LiteralOrExpression<Bool>?
    /// `timeout-minutes:`; nil omits it.
    public let timeoutMinutes: LiteralOrExpression<Int>?
    /// Permissions the step's action needs, checked against its job.
    public let requiredPermissions: [PermissionScope: PermissionLevel]
    /// Problems the action binding found in its own inputs.
    public let bindingDiagnostics: [Diagnostic]
    /// How a `run` script is checked and written.
    public let scriptForm: ScriptForm
    /// The typed binding the step was built from, if any.
    public let binding: (any ActionBinding)?
    /// The DSL call that built the step.
    public let location: SourceLocation

    /// The id used when something reads the step's outputs: the given one, else one derived from its name or action.
    public var id: String {
        if let givenID { return givenID }
        if let name { return Identifier.slug(name) }
        if case .action(let reference, _) = body, let last = reference.action.split(separator: "/").last {
            return Identifier.slug(String(last))
        }
        return "step"
    }

    public var asStep: Step { self }

    /// `steps.<id>.outputs.<name>`, for outputs that a `run` step writes to `$GITHUB_OUTPUT`.
    public func output(_ output: String, file: String = #filePath, line: Int = #line) -> Expression {
        Expression(code: "steps.\(id).outputs.\(output)",
                   references: [.stepOutput(step: id, output: output, SourceLocation(file: file, line: line))])
    }

    /// The `with:` pairs an action step writes (nil values dropped); empty for other steps.
    public var actionInputs: OrderedPairs<InputValue> {
        guard case .action(_, let inputs) = body else { return [] }
        return inputs.compactMap { pair in pair.1.map { (pair.0, $0) } }
    }

    /// Every expression the step holds, for validation.
    var expressions: [Expression] {
        var all = env.flatMap { $0.1.expressions }
        if let condition { all.append(condition) }
        if case .action(_, let inputs) = body { all += inputs.compactMap(\.1).flatMap(\.expressions) }
        if case .expression(let e)? = continueOnError { all.append(e) }
        if case .expression(let e)? = timeoutMinutes { all.append(e) }
        return all
    }

    init(givenID: String?, name: String?, condition: Expression?, body: Body, env: OrderedPairs<InputValue>,
         continueOnError: LiteralOrExpression<Bool>?, timeoutMinutes: LiteralOrExpression<Int>?,
         requiredPermissions: [PermissionScope: PermissionLevel] = [:], bindingDiagnostics: [Diagnostic] = [],
         scriptForm: ScriptForm = .standard, binding: (any ActionBinding)? = nil, location: SourceLocation) {
        self.scriptForm = scriptForm
        self.binding = binding
        self.givenID = givenID
        self.name = name
        self.condition = condition
        self.body = body
        self.env = env
        self.continueOnError = continueOnError
        self.timeoutMinutes = timeoutMinutes
        self.requiredPermissions = requiredPermissions
        self.bindingDiagnostics = bindingDiagnostics
        self.location = location
    }

    /// A `run:` step. Pass expressions through `env` and read them as `"$NAME"` in the script.
    public static func run(
        _ name: String, _ script: String, id: String? = nil, if condition: Expression? = nil,
        env: OrderedPairs<InputValue> = [], shell: Shell? = nil, workingDirectory: String? = nil,
        continueOnError: LiteralOrExpression<Bool>? = nil, timeoutMinutes: LiteralOrExpression<Int>? = nil,
        file: String = #filePath, line: Int = #line
    ) -> Step {
        Step(givenID: id, name: name, condition: condition,
             body: .run(script, shell: shell, workingDirectory: workingDirectory), env: env,
             continueOnError: continueOnError, timeoutMinutes: timeoutMinutes,
             location: SourceLocation(file: file, line: line))
    }

    /// A step that uses a typed action binding.
    public static func uses<Binding: ActionBinding>(
        _ binding: Binding, name: String? = nil, id: String? = nil, if condition: Expression? = nil,
        env: OrderedPairs<InputValue> = [], continueOnError: LiteralOrExpression<Bool>? = nil,
        timeoutMinutes: LiteralOrExpression<Int>? = nil, file: String = #filePath, line: Int = #line
    ) -> ActionStep<Binding> {
        let location = SourceLocation(file: file, line: line)
        return ActionStep(step: Step(
            givenID: id, name: name, condition: condition, body: .action(.pinned(Binding.pin), inputs: binding.inputs),
            env: env, continueOnError: continueOnError, timeoutMinutes: timeoutMinutes,
            requiredPermissions: binding.requiredPermissions, bindingDiagnostics: binding.diagnostics(at: location),
            binding: binding, location: location))
    }

    /// A step that uses a typed binding at another reference than the pin table's: a moving tag kept by
    /// `wfgen import` (`.unpinned` warns), an older commit, a fork.
    public static func uses<Binding: ActionBinding>(
        _ binding: Binding, at reference: ActionReference, name: String? = nil, id: String? = nil,
        if condition: Expression? = nil, env: OrderedPairs<InputValue> = [],
        continueOnError: LiteralOrExpression<Bool>? = nil, timeoutMinutes: LiteralOrExpression<Int>? = nil,
        file: String = #filePath, line: Int = #line
    ) -> ActionStep<Binding> {
        let location = SourceLocation(file: file, line: line)
        return ActionStep(step: Step(
            givenID: id, name: name, condition: condition, body: .action(reference, inputs: binding.inputs),
            env: env, continueOnError: continueOnError, timeoutMinutes: timeoutMinutes,
            requiredPermissions: binding.requiredPermissions, bindingDiagnostics: binding.diagnostics(at: location),
            binding: binding, location: location))
    }

    /// A step that uses a pinned action without a typed binding, with a generic `with:`.
    public static func uses(
        _ pin: ActionPin, with inputs: OrderedPairs<InputValue> = [], name: String? = nil, id: String? = nil,
        if condition: Expression? = nil, env: OrderedPairs<InputValue> = [],
        requiredPermissions: [PermissionScope: PermissionLevel] = [:], file: String = #filePath, line: Int = #line
    ) -> Step {
        Step(givenID: id, name: name, condition: condition,
             body: .action(.pinned(pin), inputs: inputs.map { ($0.0, $0.1) }),
             env: env, continueOnError: nil, timeoutMinutes: nil, requiredPermissions: requiredPermissions,
             location: SourceLocation(file: file, line: line))
    }

    /// A step that uses any action reference (pinned, moving tag, local, Docker) with a generic `with:`.
    ///
    /// `.unpinned` references warn when generating; `wfgen import` writes this form to keep what the original says.
    public static func uses(
        _ reference: ActionReference, with inputs: OrderedPairs<InputValue> = [], name: String? = nil,
        id: String? = nil, if condition: Expression? = nil, env: OrderedPairs<InputValue> = [],
        continueOnError: LiteralOrExpression<Bool>? = nil, timeoutMinutes: LiteralOrExpression<Int>? = nil,
        file: String = #filePath, line: Int = #line
    ) -> Step {
        Step(givenID: id, name: name, condition: condition, body: .action(reference, inputs: inputs.map { ($0.0, $0.1) }),
             env: env, continueOnError: continueOnError, timeoutMinutes: timeoutMinutes,
             location: SourceLocation(file: file, line: line))
    }

    /// A `run:` step whose script is kept exactly as written (`form: .verbatim`), name optional.
    public static func run(
        script: String, form: ScriptForm, name: String? = nil, id: String? = nil, if condition: Expression? = nil,
        env: OrderedPairs<InputValue> = [], shell: Shell? = nil, workingDirectory: String? = nil,
        continueOnError: LiteralOrExpression<Bool>? = nil, timeoutMinutes: LiteralOrExpression<Int>? = nil,
        file: String = #filePath, line: Int = #line
    ) -> Step {
        Step(givenID: id, name: name, condition: condition,
             body: .run(script, shell: shell, workingDirectory: workingDirectory), env: env,
             continueOnError: continueOnError, timeoutMinutes: timeoutMinutes, scriptForm: form,
             location: SourceLocation(file: file, line: line))
    }

    /// Escape hatch: a step written exactly as `yaml`, unchecked (generating warns with `reason`).
    public static func untyped(_ yaml: YAMLValue, reason: String, file: String = #filePath, line: Int = #line) -> Step {
        Step(givenID: nil, name: nil, condition: nil, body: .untyped(UntypedYAML(yaml, reason: reason)), env: [],
             continueOnError: nil, timeoutMinutes: nil, location: SourceLocation(file: file, line: line))
    }
}

/// A step built from a typed binding, whose outputs are read by name: `login.output(.registry)`.
public struct ActionStep<Binding: ActionBinding>: Sendable, StepConvertible {
    /// The untyped step.
    public let step: Step

    public var asStep: Step { step }

    /// `steps.<id>.outputs.<output>`.
    public func output(_ output: Binding.Output, file: String = #filePath, line: Int = #line) -> Expression {
        step.output(output.rawValue, file: file, line: line)
    }
}

/// Anything that can stand in a job's step list.
public protocol StepConvertible: Sendable {
    /// The step itself.
    var asStep: Step { get }
}

/// The shell a `run` step uses: a built-in name or a custom command line such as `bash -e {0}`.
public struct Shell: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral {
    /// The `shell:` text.
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public static let bash = Shell(rawValue: "bash")
    public static let sh = Shell(rawValue: "sh")
    public static let pwsh = Shell(rawValue: "pwsh")
    public static let python = Shell(rawValue: "python")
    public static let cmd = Shell(rawValue: "cmd")
    public static let powershell = Shell(rawValue: "powershell")
}
