public import Workflow

/// One container of a task definition.
///
/// `environment` is for non-secret values only (it is readable by anyone who may describe the task
/// definition); secrets come from `secrets`, whose sources are typed SSM or Secrets Manager ARNs.
public struct ContainerDefinition: Sendable, Hashable {
    /// The name.
    public let name: String
    /// The repository the image comes from; the deploy renders `:<commit sha>` into it.
    public let repository: ECRRepository
    /// Whether the task stops when this container stops (AWS default: true).
    public let essential: Bool
    /// Ports the container listens on.
    public let portMappings: [PortMapping]
    /// Non-secret environment variables, in order.
    public let environment: [EnvironmentVariable]
    /// Secrets injected at start by the execution role.
    public let secrets: [ContainerSecret]
    /// The container health check ECS runs.
    public let healthCheck: ContainerHealthCheck?
    /// Where the container logs go.
    public let logging: AWSLogs
    /// Overrides the image command.
    public let command: [String]?
    /// The DSL call that built this value, named in diagnostics.
    public let location: SourceLocation

    /// Declares a container.
    public init(_ name: String, repository: ECRRepository, essential: Bool = true, portMappings: [PortMapping] = [],
                environment: KeyValuePairs<String, String> = [:], secrets: [ContainerSecret] = [],
                healthCheck: ContainerHealthCheck?, logging: AWSLogs, command: [String]? = nil,
                file: String = #filePath, line: Int = #line) {
        self.name = name
        self.repository = repository
        self.essential = essential
        self.portMappings = portMappings
        self.environment = environment.map { EnvironmentVariable(name: $0.key, value: $0.value) }
        self.secrets = secrets
        self.healthCheck = healthCheck
        self.logging = logging
        self.command = command
        self.location = SourceLocation(file: file, line: line)
    }

    var diagnostics: [Diagnostic] {
        var found = repository.diagnostics + (healthCheck?.diagnostics ?? []) + logging.diagnostics
        found += portMappings.flatMap(\.diagnostics)
        found += secrets.flatMap(\.diagnostics)
        if name.isEmpty || name.count > 255
            || !name.unicodeScalars.allSatisfy({ $0.isAlphanumericASCII || $0 == "-" || $0 == "_" }) {
            found.append(.error("container name '\(name)' must be 1-255 letters, digits, - and _", at: location))
        }
        var seen: Set<String> = []
        for variable in environment {
            let key = variable.name, value = variable.value
            if !seen.insert(key).inserted {
                found.append(.error("environment variable \(key) is given twice", at: location))
            }
            if SecretHeuristics.looksLikeSecretName(key) || SecretHeuristics.containsAWSAccessKey(value) {
                found.append(.error("environment variable \(key) is a plaintext secret (\(SecretHeuristics.redact(value))); move it to secrets: with an SSM parameter or Secrets Manager ARN",
                                    at: location))
            }
        }
        for secret in secrets where !seen.insert(secret.name).inserted {
            found.append(.error("\(secret.name) is both an environment variable and a secret, or a secret twice",
                                at: secret.location))
        }
        if healthCheck == nil {
            found.append(.warning("container '\(name)' has no healthCheck; ECS cannot replace it when it hangs",
                                  at: location))
        }
        return found
    }
}

/// A plaintext environment variable of a container (`{name, value}` in the task definition).
public struct EnvironmentVariable: Sendable, Hashable {
    /// The variable's name.
    public let name: String
    /// Its value, readable by anyone allowed to describe the task definition.
    public let value: String
}

/// A port the container listens on (with `awsvpc`, the host port is the same).
public struct PortMapping: Sendable, Hashable {
    /// `protocol`.
    public enum TransportProtocol: String, Sendable { case tcp, udp }
    /// `appProtocol`, used by Service Connect.
    public enum AppProtocol: String, Sendable { case http, http2, grpc }

    /// The port inside the container.
    public let containerPort: Int
    /// `protocol`: tcp or udp.
    public let transport: TransportProtocol
    /// The name.
    public let name: String?
    /// `appProtocol`, for Service Connect.
    public let appProtocol: AppProtocol?
    /// The DSL call that built this value, named in diagnostics.
    public let location: SourceLocation

    /// Declares a port.
    public init(_ containerPort: Int, transport: TransportProtocol = .tcp, name: String? = nil,
                appProtocol: AppProtocol? = nil, file: String = #filePath, line: Int = #line) {
        self.containerPort = containerPort
        self.transport = transport
        self.name = name
        self.appProtocol = appProtocol
        self.location = SourceLocation(file: file, line: line)
    }

    var diagnostics: [Diagnostic] {
        (1...65535).contains(containerPort) ? []
            : [.error("container port \(containerPort) is out of range 1-65535", at: location)]
    }
}

/// A secret injected into the container at start, fetched by the execution role.
public struct ContainerSecret: Sendable, Hashable {
    /// Where the value lives.
    public enum Source: Sendable, Hashable {
        /// An SSM Parameter Store parameter (SecureString), by name: `/app/db-password`.
        case ssmParameter(account: AWSAccountID, region: AWSRegion, name: String)
        /// A Secrets Manager secret by full ARN, optionally one JSON key of it.
        case secretsManager(arn: String, jsonKey: String? = nil)

        var valueFrom: String {
            switch self {
            case .ssmParameter(let account, let region, let name):
                let path = name.hasPrefix("/") ? String(name.dropFirst()) : name
                return "arn:aws:ssm:\(region.value):\(account.value):parameter/\(path)"
            case .secretsManager(let arn, let jsonKey):
                return jsonKey.map { "\(arn):\($0)::" } ?? arn
            }
        }
    }

    /// The name.
    public let name: String
    /// Where the value comes from.
    public let source: Source
    /// The DSL call that built this value, named in diagnostics.
    public let location: SourceLocation

    /// Exposes `source` to the container as environment variable `name`.
    public init(_ name: String, from source: Source, file: String = #filePath, line: Int = #line) {
        self.name = name
        self.source = source
        self.location = SourceLocation(file: file, line: line)
    }

    var diagnostics: [Diagnostic] {
        switch source {
        case .ssmParameter(let account, let region, let name):
            return account.diagnostics + region.diagnostics
                + (name.isEmpty ? [.error("SSM parameter name is empty", at: location)] : [])
        case .secretsManager(let arn, _):
            let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
            let ok = parts.count >= 7 && parts[0] == "arn" && parts[2] == "secretsmanager" && parts[5] == "secret"
                && parts[4].utf8.count == 12
            return ok ? [] : [.error("'\(arn)' is not a Secrets Manager secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>)",
                                     at: location)]
        }
    }
}

/// The `awslogs` log driver, the one Fargate tasks normally use.
public struct AWSLogs: Sendable, Hashable {
    /// The CloudWatch Logs group.
    public let group: String
    /// The region.
    public let region: AWSRegion
    /// `awslogs-stream-prefix`.
    public let streamPrefix: String
    /// `awslogs-create-group` (needs logs:CreateLogGroup).
    public let createGroup: Bool
    /// The DSL call that built this value, named in diagnostics.
    public let location: SourceLocation

    /// Sends the container's output to CloudWatch Logs group `group`.
    public init(group: String, region: AWSRegion, streamPrefix: String, createGroup: Bool = false,
                file: String = #filePath, line: Int = #line) {
        self.group = group
        self.region = region
        self.streamPrefix = streamPrefix
        self.createGroup = createGroup
        self.location = SourceLocation(file: file, line: line)
    }

    var diagnostics: [Diagnostic] {
        var found = region.diagnostics
        if group.isEmpty { found.append(.error("awslogs group is empty", at: location)) }
        if streamPrefix.isEmpty { found.append(.error("awslogs stream prefix is required on Fargate", at: location)) }
        return found
    }
}
