/// A job: steps on a runner, or a call to a reusable workflow.
///
/// `needs` takes the `Job` values themselves, so a dependency is a reference the compiler can
/// resolve, not a string that may be misspelled.
public struct Job: Sendable {
    /// What the job runs.
    public enum Body: Sendable {
        case steps([Step])
        case reusableWorkflow(ReusableWorkflowCall)
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
    public let runsOn: LiteralOrExpression<String>?
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
        self.runsOn = runsOn
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
        self.runsOn = nil
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

    /// Deploys into environment `name`, shown with `url`.
    public init(_ name: InterpolatedString, url: InterpolatedString? = nil) {
        self.name = name
        self.url = url
    }
}

/// `concurrency:`: at most one running (and one pending) run or job per group.
public struct Concurrency: Sendable, Hashable {
    /// `group:`.
    public let group: InterpolatedString
    /// `cancel-in-progress:`.
    public let cancelInProgress: LiteralOrExpression<Bool>

    /// A group; `cancelInProgress` defaults to false so that a deploy in progress is never cancelled.
    public init(group: InterpolatedString, cancelInProgress: LiteralOrExpression<Bool> = false) {
        self.group = group
        self.cancelInProgress = cancelInProgress
    }
}

/// `strategy:` with a matrix.
public struct Strategy: Sendable, Hashable {
    /// `matrix:`.
    public let matrix: Matrix
    /// `fail-fast:`; nil omits it.
    public let failFast: LiteralOrExpression<Bool>?
    /// `max-parallel:`; nil omits it.
    public let maxParallel: LiteralOrExpression<Int>?

    /// A matrix strategy.
    public init(matrix: Matrix, failFast: LiteralOrExpression<Bool>? = nil, maxParallel: LiteralOrExpression<Int>? = nil) {
        self.matrix = matrix
        self.failFast = failFast
        self.maxParallel = maxParallel
    }
}

/// A value in a matrix.
public enum MatrixValue: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral
{
    case string(String), int(Int), bool(Bool)
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

/// `strategy.matrix`: named dimensions, plus combinations to add and to remove.
public struct Matrix: Sendable, Hashable {
    /// One combination, for `include` and `exclude`.
    public typealias Combination = [String: MatrixValue]

    /// `dimensions:`.
    public let dimensions: [Dimension]
    /// `include:`.
    public let include: [Combination]
    /// `exclude:`.
    public let exclude: [Combination]

    /// A dimension: a name and its values.
    public struct Dimension: Sendable, Hashable {
        /// `name:`.
        public let name: String
        /// `values:`.
        public let values: [MatrixValue]
        /// Declares a dimension.
        public init(_ name: String, _ values: [MatrixValue]) {
            self.name = name
            self.values = values
        }
    }

    /// Declares a matrix.
    public init(_ dimensions: [Dimension], include: [Combination] = [], exclude: [Combination] = []) {
        self.dimensions = dimensions
        self.include = include
        self.exclude = exclude
    }
}

/// A Docker container for a job (`container:`) or a service container (`services:`).
public struct JobContainer: Sendable, Hashable {
    /// `image:`.
    public let image: InterpolatedString
    /// `username:`; nil omits it.
    public let username: InterpolatedString?
    /// `password:`; nil omits it.
    public let password: Secret?
    /// `env:`.
    public let env: [String: InterpolatedString]
    /// `ports:`.
    public let ports: [String]
    /// `volumes:`.
    public let volumes: [String]
    /// `options:`; nil omits it.
    public let options: String?

    /// A container; registry credentials can only be a secret.
    public init(image: InterpolatedString, username: InterpolatedString? = nil, password: Secret? = nil,
                env: [String: InterpolatedString] = [:], ports: [String] = [], volumes: [String] = [],
                options: String? = nil) {
        self.image = image
        self.username = username
        self.password = password
        self.env = env
        self.ports = ports
        self.volumes = volumes
        self.options = options
    }
}

/// `defaults.run`: the shell and working directory of every `run` step.
public struct RunDefaults: Sendable, Hashable {
    /// `shell:`; nil omits it.
    public let shell: Shell?
    /// `working-directory:`; nil omits it.
    public let workingDirectory: String?

    /// Run defaults.
    public init(shell: Shell? = nil, workingDirectory: String? = nil) {
        self.shell = shell
        self.workingDirectory = workingDirectory
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
    }

    /// Which secrets the called workflow sees.
    public enum Secrets: Sendable, Hashable {
        case none
        case inherit
        case explicit([String: Secret])
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
        }
    }
}
