import Workflow
import YAML

/// `permissions:` → `Permissions`.
enum PermissionsReader {
    static func permissions(_ node: Node) throws(Unsupported) -> Permissions {
        switch node.value {
        case .string("read-all"): return .readAll
        case .string("write-all"): return .writeAll
        case .mapping: break
        default: throw Unsupported("permissions is neither read-all, write-all nor a mapping", at: node)
        }
        var scopes: [PermissionScope: PermissionLevel] = [:]
        for (key, value) in try NodeReading.pairs(node, "permissions") {
            guard let scope = PermissionScope(rawValue: key) else {
                throw Unsupported("permission scope '\(key)' is not one the model knows", at: node)
            }
            guard case .string(let text) = value.value, let level = PermissionLevel(rawValue: text) else {
                throw Unsupported("permission level of '\(key)' is not read, write or none", at: value)
            }
            scopes[scope] = level
        }
        return .scopes(scopes)
    }
}

/// `strategy:` → `Strategy` with its matrix.
enum StrategyReader {
    static func strategy(_ node: Node) throws(Unsupported) -> Strategy {
        let f = try NodeReading.fields(node, "strategy", allowed: ["matrix", "fail-fast", "max-parallel"])
        guard !f.isEmpty else { throw Unsupported("strategy is empty", at: node) }
        return Strategy(
            matrix: try f["matrix"].map { v throws(Unsupported) in try matrix(v) },
            failFast: try f["fail-fast"].map { v throws(Unsupported) in try NodeReading.bool(v, "fail-fast") },
            maxParallel: try f["max-parallel"].map { v throws(Unsupported) in try NodeReading.int(v, "max-parallel") })
    }

    static func matrix(_ node: Node) throws(Unsupported) -> Matrix {
        if case .string = node.value { return Matrix(computed: try NodeReading.interpolated(node, "matrix")) }
        var dimensions: [Matrix.Dimension] = []
        var include: [Matrix.Combination] = []
        var exclude: [Matrix.Combination] = []
        let pairs = try NodeReading.pairs(node, "matrix")
        guard !pairs.isEmpty else { throw Unsupported("matrix is empty", at: node) }
        for (key, value) in pairs {
            switch key {
            case "include", "exclude":
                guard let items = value.sequence, !items.isEmpty else {
                    throw Unsupported("matrix \(key) is not a non-empty list", at: value)
                }
                var combinations: [Matrix.Combination] = []
                for item in items {
                    var combination: Matrix.Combination = [:]
                    let entries = try NodeReading.pairs(item, "matrix \(key) entry")
                    guard !entries.isEmpty else { throw Unsupported("matrix \(key) entry is empty", at: item) }
                    for (name, v) in entries { combination[name] = matrixValue(v.value) }
                    combinations.append(combination)
                }
                if key == "include" { include = combinations } else { exclude = combinations }
            default:
                if let items = value.sequence {
                    dimensions.append(Matrix.Dimension(key, items.map { matrixValue($0.value) }))
                } else if case .string = value.value {
                    dimensions.append(Matrix.Dimension(key, computed: try NodeReading.interpolated(value, "matrix \(key)")))
                } else {
                    throw Unsupported("matrix dimension '\(key)' is neither a list nor an expression", at: value)
                }
            }
        }
        return Matrix(dimensions, include: include, exclude: exclude)
    }

    static func matrixValue(_ value: YAMLValue) -> MatrixValue {
        switch value {
        case .string(let s): .string(s)
        case .int(let i): .int(i)
        case .bool(let b): .bool(b)
        default: .data(value)
        }
    }
}

/// `container:` or one of `services:` → `JobContainer`.
enum ContainerReader {
    static func container(_ node: Node, shortForm: Bool) throws(Unsupported) -> JobContainer {
        if shortForm, case .string = node.value { return .image(try NodeReading.interpolated(node, "container")) }
        let f = try NodeReading.fields(node, "container", allowed: ["image", "credentials", "env", "ports", "volumes", "options"])
        guard let image = f["image"] else { throw Unsupported("container has no image", at: node) }
        var username: InterpolatedString?
        var password: InputValue?
        if let credentials = f["credentials"] {
            let c = try NodeReading.fields(credentials, "credentials", allowed: ["username", "password"])
            guard !c.isEmpty else { throw Unsupported("credentials is empty", at: credentials) }
            username = try c["username"].map { v throws(Unsupported) in try NodeReading.interpolated(v, "username") }
            password = try c["password"].map { v throws(Unsupported) in
                try NodeReading.inputValue(v, name: "password", what: "credentials", isEnv: false)
            }
        }
        var env: [String: InterpolatedString] = [:]
        if let node = f["env"] {
            let pairs = try NodeReading.pairs(node, "container env")
            guard !pairs.isEmpty else { throw Unsupported("container env is empty", at: node) }
            for (name, value) in pairs {
                guard let text = NodeReading.scalarText(value), let parsed = Interpolation.parse(text) else {
                    throw Unsupported("container env '\(name)' is not text", at: value)
                }
                env[name] = parsed
            }
        }
        var ports: [InputValue] = []
        if let node = f["ports"] {
            guard let items = node.sequence, !items.isEmpty else { throw Unsupported("ports is not a non-empty list", at: node) }
            for item in items {
                switch item.value {
                case .int(let i): ports.append(.int(.literal(i)))
                case .string: ports.append(.string(try NodeReading.interpolated(item, "port")))
                default: throw Unsupported("a port is neither a number nor text", at: item)
                }
            }
        }
        var volumes: [String] = []
        if let node = f["volumes"] {
            volumes = try NodeReading.stringList(node, "volumes")
            guard node.sequence != nil, !volumes.isEmpty else { throw Unsupported("volumes is not a non-empty list", at: node) }
        }
        return JobContainer(image: try NodeReading.interpolated(image, "image"), username: username,
                            passwordValue: password, env: env, ports: ports, volumes: volumes,
                            options: try f["options"].map { v throws(Unsupported) in try NodeReading.string(v, "options") })
    }
}

/// `defaults:` → `RunDefaults`.
enum DefaultsReader {
    static func defaults(_ node: Node) throws(Unsupported) -> RunDefaults {
        let f = try NodeReading.fields(node, "defaults", allowed: ["run"])
        guard let run = f["run"] else { throw Unsupported("defaults has no run", at: node) }
        let r = try NodeReading.fields(run, "defaults.run", allowed: ["shell", "working-directory"])
        guard !r.isEmpty else { throw Unsupported("defaults.run is empty", at: run) }
        return RunDefaults(shell: try r["shell"].map { v throws(Unsupported) in Shell(rawValue: try NodeReading.string(v, "shell")) },
                           workingDirectory: try r["working-directory"].map { v throws(Unsupported) in
                               try NodeReading.string(v, "working-directory")
                           })
    }
}
