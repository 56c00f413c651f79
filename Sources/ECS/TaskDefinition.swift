public import Workflow

/// A Fargate task definition (`awsvpc` networking, task-level CPU and memory).
public struct TaskDefinition: Sendable, Hashable {
    /// The task definition family.
    public let family: String
    /// Fargate CPU and memory.
    public let size: FargateSize
    /// The role ECS uses to pull images, fetch secrets and write logs.
    public let executionRole: IAMRole
    /// The role the application code runs with.
    public let taskRole: IAMRole?
    /// The containers.
    public let containers: [ContainerDefinition]
    /// The DSL call that built this value, named in diagnostics.
    public let location: SourceLocation

    /// Declares a task definition.
    public init(family: String, size: FargateSize, executionRole: IAMRole, taskRole: IAMRole? = nil,
                containers: [ContainerDefinition], file: String = #filePath, line: Int = #line) {
        self.family = family
        self.size = size
        self.executionRole = executionRole
        self.taskRole = taskRole
        self.containers = containers
        self.location = SourceLocation(file: file, line: line)
    }

    /// Errors and warnings of this task definition.
    public var diagnostics: [Diagnostic] {
        var found = size.diagnostics + executionRole.diagnostics + (taskRole?.diagnostics ?? [])
        found += containers.flatMap(\.diagnostics)
        if family.isEmpty || family.count > 255
            || !family.unicodeScalars.allSatisfy({ $0.isAlphanumericASCII || $0 == "-" || $0 == "_" }) {
            found.append(.error("task definition family '\(family)' must be 1-255 letters, digits, - and _", at: location))
        }
        if containers.isEmpty {
            found.append(.error("task definition '\(family)' has no container", at: location))
        } else if !containers.contains(where: \.essential) {
            found.append(.error("task definition '\(family)' needs at least one essential container", at: location))
        }
        var names: Set<String> = []
        for container in containers where !names.insert(container.name).inserted {
            found.append(.error("duplicate container name '\(container.name)'", at: container.location))
        }
        return found
    }

    /// The `RegisterTaskDefinition` input, keys in AWS's documented order.
    public var json: JSONValue {
        var top: [(String, JSONValue)] = [("family", .string(family))]
        if let taskRole { top.append(("taskRoleArn", .string(taskRole.arn))) }
        top.append(("executionRoleArn", .string(executionRole.arn)))
        top.append(("networkMode", "awsvpc"))
        top.append(("containerDefinitions", .array(containers.map(Self.json))))
        top.append(("requiresCompatibilities", ["FARGATE"]))
        top.append(("cpu", .string(String(size.cpu.rawValue))))
        top.append(("memory", .string(String(size.memoryMiB))))
        top.append(("runtimePlatform", .object([("cpuArchitecture", "X86_64"), ("operatingSystemFamily", "LINUX")])))
        return .object(top)
    }

    static func json(_ container: ContainerDefinition) -> JSONValue {
        var c: [(String, JSONValue)] = [("name", .string(container.name)), ("image", .string(container.repository.uri))]
        c.append(("essential", .bool(container.essential)))
        if let command = container.command { c.append(("command", .array(command.map { .string($0) }))) }
        if !container.portMappings.isEmpty {
            c.append(("portMappings", .array(container.portMappings.map { port in
                var p: [(String, JSONValue)] = [("containerPort", .int(port.containerPort)),
                                                ("hostPort", .int(port.containerPort)),
                                                ("protocol", .string(port.transport.rawValue))]
                if let name = port.name { p.append(("name", .string(name))) }
                if let app = port.appProtocol { p.append(("appProtocol", .string(app.rawValue))) }
                return .object(p)
            })))
        }
        if !container.environment.isEmpty {
            c.append(("environment", .array(container.environment.map {
                .object([("name", .string($0.name)), ("value", .string($0.value))])
            })))
        }
        if !container.secrets.isEmpty {
            c.append(("secrets", .array(container.secrets.map {
                .object([("name", .string($0.name)), ("valueFrom", .string($0.source.valueFrom))])
            })))
        }
        if let check = container.healthCheck {
            var h: [(String, JSONValue)] = [("command", .array(check.command.array.map { .string($0) })),
                                            ("interval", .int(check.interval)), ("timeout", .int(check.timeout)),
                                            ("retries", .int(check.retries))]
            if let start = check.startPeriod { h.append(("startPeriod", .int(start))) }
            c.append(("healthCheck", .object(h)))
        }
        var options: [(String, JSONValue)] = [("awslogs-group", .string(container.logging.group)),
                                              ("awslogs-region", .string(container.logging.region.value)),
                                              ("awslogs-stream-prefix", .string(container.logging.streamPrefix))]
        if container.logging.createGroup { options.append(("awslogs-create-group", "true")) }
        c.append(("logConfiguration", .object([("logDriver", "awslogs"), ("options", .object(options))])))
        return .object(c)
    }
}
