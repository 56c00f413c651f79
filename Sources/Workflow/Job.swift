public import YAML

/// A job: steps on a runner, or a call to a reusable workflow.
///
/// `needs` takes the `Job` values themselves, so a dependency is a reference the compiler can
/// resolve, not a string that may be misspelled.
public struct Job: Sendable {
    /// What the job runs.
    public enum Body: Sendable {
        case steps([Step])
        case reusableWorkflow(ReusableWorkflowCall)
        /// A job the typed model cannot represent, written as given (`wfgen import`'s last resort).
        case untyped(UntypedYAML)
    }

    /// `id:`.
    public let id: String
    /// `name:`; nil omits it.
    public let name: String?
    /// `needs:`.
    public let needs: [String]
    /// `if:`; nil omits it.
    public let condition: Expression?
    /// `runs-on:`; nil omits it.
    public let runner: Runner?
    /// `environment:`; nil omits it.
    public let environment: DeploymentTarget?
    /// `permissions:`; nil omits it.
    public let permissions: Permissions?
    /// `concurrency:`; nil omits it.
    public let concurrency: Concurrency?
    /// `timeout-minutes:`; nil omits it.
    public let timeoutMinutes: LiteralOrExpression<Int>?
    /// `continue-on-error:`; nil omits it.
    public let continueOnError: LiteralOrExpression<Bool>?
    /// `strategy:`; nil omits it.
    public let strategy: Strategy?
    /// `container:`; nil omits it.
    public let container: JobContainer?
    /// `services:`.
    public let services: OrderedPairs<JobContainer>
    /// `outputs:`.
    public let outputs: OrderedPairs<Expression>
    /// `env:`.
    public let env: OrderedPairs<InputValue>
    /// `defaults:`; nil omits it.
    public let defaults: RunDefaults?
    /// What it runs.
    public let body: Body
    /// The DSL call that built this value, named in diagnostics.
    public let location: SourceLocation

    /// A job that runs `steps` on `runsOn`.
    public init(
        _ id: String, name: String? = nil, needs: [Job] = [], if condition: Expression? = nil,
        runsOn: LiteralOrExpression<String>, environment: DeploymentTarget? = nil, permissions: Permissions? = nil,
        concurrency: Concurrency? = nil, timeoutMinutes: LiteralOrExpression<Int>? = nil,
        continueOnError: LiteralOrExpression<Bool>? = nil, strategy: Strategy? = nil, container: JobContainer? = nil,
        services: OrderedPairs<JobContainer> = [], outputs: OrderedPairs<Expression> = [],
        env: OrderedPairs<InputValue> = [], defaults: RunDefaults? = nil, steps: [any StepConvertible],
        file: String = #filePath, line: Int = #line
    ) {
        self.id = id
        self.name = name
        self.needs = needs.map(\.id)
        self.condition = condition
        self.runner = .label(runsOn)
        self.environment = environment
        self.permissions = permissions
        self.concurrency = concurrency
        self.timeoutMinutes = timeoutMinutes
        self.continueOnError = continueOnError
        self.strategy = strategy
        self.container = container
        self.services = services
        self.outputs = outputs
        self.env = env
        self.defaults = defaults
        self.body = .steps(steps.map(\.asStep))
        self.location = SourceLocation(file: file, line: line)
    }

    /// A job that calls a reusable workflow.
    public init(
        _ id: String, name: String? = nil, needs: [Job] = [], if condition: Expression? = nil,
        permissions: Permissions? = nil, concurrency: Concurrency? = nil, strategy: Strategy? = nil,
        calling call: ReusableWorkflowCall, file: String = #filePath, line: Int = #line
    ) {
        self.id = id
        self.name = name
        self.needs = needs.map(\.id)
        self.condition = condition
        self.runner = nil
        self.environment = nil
        self.permissions = permissions
        self.concurrency = concurrency
        self.timeoutMinutes = nil
        self.continueOnError = nil
        self.strategy = strategy
        self.container = nil
        self.services = []
        self.outputs = []
        self.env = []
        self.defaults = nil
        self.body = .reusableWorkflow(call)
        self.location = SourceLocation(file: file, line: line)
    }

    /// A job that runs `steps` on `runner` (one label, several labels, or a runner group).
    public init(
        _ id: String, name: String? = nil, needs: [Job] = [], if condition: Expression? = nil,
        runner: Runner, environment: DeploymentTarget? = nil, permissions: Permissions? = nil,
        concurrency: Concurrency? = nil, timeoutMinutes: LiteralOrExpression<Int>? = nil,
        continueOnError: LiteralOrExpression<Bool>? = nil, strategy: Strategy? = nil, container: JobContainer? = nil,
        services: OrderedPairs<JobContainer> = [], outputs: OrderedPairs<Expression> = [],
        env: OrderedPairs<InputValue> = [], defaults: RunDefaults? = nil, steps: [Step],
        file: String = #filePath, line: Int = #line
    ) {
        self.id = id
        self.name = name
        self.needs = needs.map(\.id)
        self.condition = condition
        self.runner = runner
        self.environment = environment
        self.permissions = permissions
        self.concurrency = concurrency
        self.timeoutMinutes = timeoutMinutes
        self.continueOnError = continueOnError
        self.strategy = strategy
        self.container = container
        self.services = services
        self.outputs = outputs
        self.env = env
        self.defaults = defaults
        self.body = .steps(steps)
        self.location = SourceLocation(file: file, line: line)
    }

    private init(untyped id: String, needs: [String], yaml: UntypedYAML, location: SourceLocation) {
        self.id = id
        self.name = nil
        self.needs = needs
        self.condition = nil
        self.runner = nil
        self.environment = nil
        self.permissions = nil
        self.concurrency = nil
        self.timeoutMinutes = nil
        self.continueOnError = nil
        self.strategy = nil
        self.container = nil
        self.services = []
        self.outputs = []
        self.env = []
        self.defaults = nil
        self.body = .untyped(yaml)
        self.location = location
    }

    /// Escape hatch: job `id` written exactly as `yaml`, unchecked (generating warns with `reason`). `needs`
    /// lists the jobs `yaml` needs, so that other jobs may still need this one.
    public static func untyped(_ id: String, needs: [Job] = [], _ yaml: YAMLValue, reason: String,
                               file: String = #filePath, line: Int = #line) -> Job {
        Job(untyped: id, needs: needs.map(\.id), yaml: UntypedYAML(yaml, reason: reason),
            location: SourceLocation(file: file, line: line))
    }

    /// `runs-on:` when it is one label or expression.
    public var runsOn: LiteralOrExpression<String>? {
        if case .label(let label)? = runner { return label }
        return nil
    }

    /// `needs.<id>.outputs.<name>`; the reading job must list this job in its `needs`.
    public func output(_ name: String, file: String = #filePath, line: Int = #line) -> Expression {
        Expression(code: "needs.\(id).outputs.\(name)",
                   references: [.jobOutput(job: id, output: name, SourceLocation(file: file, line: line))])
    }

    /// `jobs.<id>.outputs.<name>`: how a reusable workflow's `workflow_call` outputs read this job.
    public func workflowCallOutput(_ name: String) -> Expression {
        Expression(code: "jobs.\(id).outputs.\(name)")
    }

    /// `needs.<id>.result`.
    public var result: Expression { Expression(code: "needs.\(id).result") }

    /// The job's steps (empty for a reusable-workflow call).
    public var steps: [Step] {
        if case .steps(let steps) = body { return steps }
        return []
    }
}

/// A GitHub-hosted runner label commonly used; any label or expression also works.
extension LiteralOrExpression where Literal == String {
    /// `ubuntu-24.04`, pinned rather than `ubuntu-latest` so the image changes only when you say so.
    public static var ubuntu2404: Self { .literal("ubuntu-24.04") }
}

/// `environment:` of a job: a deployment environment with its protection rules and URL.
public struct DeploymentTarget: Sendable, Hashable {
    /// `name:`.
    public let name: InterpolatedString
    /// `url:`; nil omits it.
    public let url: InterpolatedString?
    /// Written as a `name:` mapping even without a URL (as an imported file had it).
    public let writtenAsMapping: Bool

    /// Deploys into environment `name`, shown with `url`.
    public init(_ name: InterpolatedString, url: InterpolatedString? = nil, writtenAsMapping: Bool = false) {
        self.name = name
        self.url = url
        self.writtenAsMapping = writtenAsMapping
    }
}

/// `concurrency:`: at most one running (and one pending) run or job per group.
public struct Concurrency: Sendable, Hashable {
    /// `group:`.
    public let group: InterpolatedString
    /// `cancel-in-progress:`; nil omits it (GitHub's default, false).
    public let cancelInProgress: LiteralOrExpression<Bool>?
    /// Written as the group alone (`concurrency: <group>`), as an imported file had it.
    public let groupOnly: Bool

    /// A group; `cancelInProgress` defaults to false so that a deploy in progress is never cancelled.
    public init(group: InterpolatedString, cancelInProgress: LiteralOrExpression<Bool>? = false) {
        self.group = group
        self.cancelInProgress = cancelInProgress
        self.groupOnly = false
    }

    /// `concurrency: <group>`: the short form, which does not cancel runs in progress.
    public static func group(_ group: InterpolatedString) -> Concurrency { Concurrency(shortForm: group) }

    private init(shortForm group: InterpolatedString) {
        self.group = group
        self.cancelInProgress = nil
        self.groupOnly = true
    }
}

/// A job that calls a reusable workflow: `uses`, `with`, `secrets`.
public struct ReusableWorkflowCall: Sendable {
    /// Where the called workflow lives.
    public enum Target: Sendable, Hashable {
        /// `<file>` under `.github/workflows/` of this repository, written in GitHub's self-repository
        /// form `$/.github/workflows/<file>` (zizmor's `self-repository` audit flags the older `./` form).
        case local(String)
        /// A workflow in another repository, pinned to a commit.
        case remote(ActionPin)
        /// `uses:` exactly as an imported file wrote it (`./.github/workflows/x.yml`, `org/repo/...@v1`);
        /// an `.unpinned` reference warns when generating.
        case reference(ActionReference)
    }

    /// Which secrets the called workflow sees.
    public enum Secrets: Sendable, Hashable {
        case none
        case inherit
        case explicit([String: Secret])
        /// Any values, expressions included (`token: ${{ secrets.A || github.token }}`).
        case values([String: InputValue])
    }

    /// `target:`.
    public let target: Target
    /// `inputs:`.
    public let inputs: OrderedPairs<InputValue>
    /// `secrets:`.
    public let secrets: Secrets

    /// Calls `target` with `inputs`.
    public init(_ target: Target, with inputs: OrderedPairs<InputValue> = [], secrets: Secrets = .none) {
        self.target = target
        self.inputs = inputs
        self.secrets = secrets
    }

    /// The `uses:` value.
    var reference: String {
        switch target {
        case .local(let file): "$/.github/workflows/" + file
        case .remote(let pin): pin.reference
        case .reference(let reference): reference.reference
        }
    }
}
