public import YAML

/// `strategy:` with a matrix.
public struct Strategy: Sendable, Hashable {
    /// `matrix:`; nil omits it.
    public let matrix: Matrix?
    /// `fail-fast:`; nil omits it.
    public let failFast: LiteralOrExpression<Bool>?
    /// `max-parallel:`; nil omits it.
    public let maxParallel: LiteralOrExpression<Int>?

    /// A matrix strategy.
    public init(matrix: Matrix?, failFast: LiteralOrExpression<Bool>? = nil, maxParallel: LiteralOrExpression<Int>? = nil) {
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
    /// Any other YAML value (a float, null, a list, an object), passed to jobs unchanged.
    case data(YAMLValue)
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
    /// The whole matrix computed by one expression (`matrix: ${{ fromJSON(...) }}`); the other fields are then empty.
    public let computed: InterpolatedString?

    /// A dimension: a name and its values.
    public struct Dimension: Sendable, Hashable {
        /// `name:`.
        public let name: String
        /// `values:`.
        public let values: [MatrixValue]
        /// The values computed by one expression (`os: ${{ fromJSON(...) }}`); `values` is then empty.
        public let computed: InterpolatedString?
        /// Declares a dimension.
        public init(_ name: String, _ values: [MatrixValue]) {
            self.name = name
            self.values = values
            self.computed = nil
        }
        /// Declares a dimension whose values an expression computes.
        public init(_ name: String, computed: InterpolatedString) {
            self.name = name
            self.values = []
            self.computed = computed
        }
    }

    /// Declares a matrix.
    public init(_ dimensions: [Dimension], include: [Combination] = [], exclude: [Combination] = []) {
        self.dimensions = dimensions
        self.include = include
        self.exclude = exclude
        self.computed = nil
    }

    /// A matrix computed by one expression.
    public init(computed: InterpolatedString) {
        self.dimensions = []
        self.include = []
        self.exclude = []
        self.computed = computed
    }
}

/// A Docker container for a job (`container:`) or a service container (`services:`).
public struct JobContainer: Sendable, Hashable {
    /// `image:`.
    public let image: InterpolatedString
    /// `username:`; nil omits it.
    public let username: InterpolatedString?
    /// `password:`; nil omits it.
    public let password: InputValue?
    /// `env:`.
    public let env: [String: InterpolatedString]
    /// `ports:`.
    public let ports: [InputValue]
    /// `volumes:`.
    public let volumes: [String]
    /// `options:`; nil omits it.
    public let options: String?
    /// Written as the image alone (`container: <image>`), as an imported file had it.
    public let imageOnly: Bool

    /// A container; registry credentials can only be a secret.
    public init(image: InterpolatedString, username: InterpolatedString? = nil, password: Secret? = nil,
                env: [String: InterpolatedString] = [:], ports: [InputValue] = [], volumes: [String] = [],
                options: String? = nil) {
        self.init(image: image, username: username, passwordValue: password.map { .secret($0) }, env: env,
                  ports: ports, volumes: volumes, options: options)
    }

    /// A container whose registry password is any value (an expression such as `${{ github.token }}`).
    public init(image: InterpolatedString, username: InterpolatedString? = nil, passwordValue: InputValue?,
                env: [String: InterpolatedString] = [:], ports: [InputValue] = [], volumes: [String] = [],
                options: String? = nil) {
        self.image = image
        self.username = username
        self.password = passwordValue
        self.env = env
        self.ports = ports
        self.volumes = volumes
        self.options = options
        self.imageOnly = false
    }

    private init(imageOnly image: InterpolatedString) {
        self.image = image
        self.username = nil
        self.password = nil
        self.env = [:]
        self.ports = []
        self.volumes = []
        self.options = nil
        self.imageOnly = true
    }

    /// `container: <image>`, the short form.
    public static func image(_ image: InterpolatedString) -> JobContainer { JobContainer(imageOnly: image) }
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

/// `runs-on:`: one label or expression, several labels a runner must all have, or a runner group.
public enum Runner: Sendable, Hashable {
    /// `runs-on: <label>`.
    case label(LiteralOrExpression<String>)
    /// `runs-on: [a, b]`.
    case labels([InterpolatedString])
    /// `runs-on: {group:, labels:}`.
    case group(name: InterpolatedString?, labels: [InterpolatedString]?)
}
