public import YAML

/// Turns a validated workflow into a `YAMLValue`, writing keys in a fixed, conventional order.
public enum WorkflowRenderer {
    /// The workflow document; validate first, rendering assumes a valid workflow.
    public static func render(_ workflow: Workflow) -> YAMLValue {
        var top: [(String, YAMLValue)] = workflow.name.map { [("name", .string($0))] } ?? []
        if let runName = workflow.runName { top.append(("run-name", .string(runName.rendered))) }
        top.append(("on", triggers(workflow.on)))
        if let permissions = workflow.permissions, permissions != .repositoryDefault {
            top.append(("permissions", render(permissions)))
        }
        if !workflow.env.isEmpty { top.append(("env", render(workflow.env))) }
        if let defaults = workflow.defaults { top.append(("defaults", render(defaults))) }
        if let concurrency = workflow.concurrency { top.append(("concurrency", render(concurrency))) }
        top.append(("jobs", .map(workflow.jobs.map { ($0.id, render($0)) })))
        return .map(top)
    }

    static func render(_ job: Job) -> YAMLValue {
        if case .untyped(let yaml) = job.body { return yaml.value }
        var e: [(String, YAMLValue?)] = [("name", job.name.map { .string($0) })]
        if !job.needs.isEmpty {
            e.append(("needs", job.needs.count == 1 ? .string(job.needs[0]) : .sequence(job.needs.map { .string($0) })))
        }
        e.append(("if", job.condition.map { .string($0.rendered) }))
        e.append(("runs-on", job.runner.map(render)))
        if let environment = job.environment {
            e.append(("environment", environment.url == nil && !environment.writtenAsMapping ? .string(environment.name.rendered)
                      : optionalMap([("name", .string(environment.name.rendered)),
                                     ("url", environment.url.map { .string($0.rendered) })])))
        }
        e.append(("permissions", job.permissions == .repositoryDefault ? YAMLValue?.none : job.permissions.map(render)))
        e.append(("concurrency", job.concurrency.map(render)))
        e.append(("timeout-minutes", job.timeoutMinutes.map(render)))
        e.append(("continue-on-error", job.continueOnError.map(render)))
        e.append(("strategy", job.strategy.map(render)))
        e.append(("container", job.container.map(render)))
        e.append(("services", job.services.isEmpty ? YAMLValue?.none : .map(job.services.map { ($0.0, render($0.1)) })))
        e.append(("outputs", job.outputs.isEmpty ? YAMLValue?.none : .map(job.outputs.map { ($0.0, .string($0.1.rendered)) })))
        e.append(("env", job.env.isEmpty ? YAMLValue?.none : render(job.env)))
        e.append(("defaults", job.defaults.map(render)))
        switch job.body {
        case .steps(let steps):
            let referenced = WorkflowValidator.referencedStepIDs(of: job)
            e.append(("steps", .sequence(steps.map { render($0, emitID: $0.givenID != nil || referenced.contains($0.id)) })))
        case .reusableWorkflow(let call):
            e.append(("uses", .string(call.reference)))
            e.append(("with", call.inputs.isEmpty ? YAMLValue?.none : render(call.inputs)))
            switch call.secrets {
            case .none: break
            case .inherit: e.append(("secrets", "inherit"))
            case .explicit(let map):
                e.append(("secrets", .map(map.keys.sorted().compactMap { key in
                    map[key].map { (key, .string($0.expression.rendered)) }
                })))
            case .values(let map):
                e.append(("secrets", .map(map.keys.sorted().compactMap { key in map[key].map { (key, render($0)) } })))
            }
        case .untyped:
            break
        }
        return optionalMap(e)
    }

    static func render(_ step: Step, emitID: Bool) -> YAMLValue {
        if case .untyped(let yaml) = step.body { return yaml.value }
        var e: [(String, YAMLValue?)] = [("name", step.name.map { .string($0) })]
        e.append(("id", emitID ? .string(step.id) : YAMLValue?.none))
        e.append(("if", step.condition.map { .string($0.rendered) }))
        switch step.body {
        case .action(let reference, let inputs):
            if case .pinned(let pin) = reference {
                e.append(("uses", .commented(.string(pin.reference), pin.tag)))
            } else {
                e.append(("uses", .string(reference.reference)))
            }
            let given = inputs.compactMap { pair in pair.1.map { (pair.0, $0) } }
            e.append(("with", given.isEmpty ? YAMLValue?.none : render(given)))
            e.append(("env", step.env.isEmpty ? YAMLValue?.none : render(step.env)))
        case .run(let script, let shell, let directory):
            e.append(("shell", shell.map { .string($0.rawValue) }))
            e.append(("working-directory", directory.map { .string($0) }))
            e.append(("env", step.env.isEmpty ? YAMLValue?.none : render(step.env)))
            let exact = step.scriptForm != .standard || script.hasSuffix("\n") || !script.contains("\n")
            e.append(("run", .string(exact ? script : script + "\n")))
        case .untyped:
            break
        }
        e.append(("continue-on-error", step.continueOnError.map(render)))
        e.append(("timeout-minutes", step.timeoutMinutes.map(render)))
        return optionalMap(e)
    }

    static func render(_ pairs: OrderedPairs<InputValue>) -> YAMLValue {
        .map(pairs.map { ($0.0, render($0.1)) })
    }

    static func render(_ value: InputValue) -> YAMLValue {
        switch value {
        case .string(let s): .string(s.rendered)
        case .bool(let b): render(b)
        case .int(let i): render(i)
        case .secret(let secret): .string(secret.expression.rendered)
        case .lines(let lines): .string(lines.map(\.rendered).joined(separator: "\n") + "\n")
        case .float(let d): .float(d)
        case .null: .null
        case .plaintext(let s): .string(s.rendered)
        }
    }

    static func render(_ value: LiteralOrExpression<Bool>) -> YAMLValue {
        switch value {
        case .literal(let b): .bool(b)
        case .expression(let e): .string(e.rendered)
        }
    }

    static func render(_ value: LiteralOrExpression<Int>) -> YAMLValue {
        switch value {
        case .literal(let i): .int(i)
        case .expression(let e): .string(e.rendered)
        }
    }

    static func render(_ value: LiteralOrExpression<String>) -> YAMLValue {
        switch value {
        case .literal(let s): .string(s)
        case .expression(let e): .string(e.rendered)
        }
    }

    static func render(_ permissions: Permissions) -> YAMLValue {
        switch permissions {
        case .readAll: "read-all"
        case .writeAll: "write-all"
        case .scopes(let map):
            .map(map.keys.sorted().compactMap { scope in map[scope].map { (scope.rawValue, .string($0.rawValue)) } })
        case .repositoryDefault: .null
        }
    }

    static func render(_ concurrency: Concurrency) -> YAMLValue {
        if concurrency.groupOnly { return .string(concurrency.group.rendered) }
        return optionalMap([("group", .string(concurrency.group.rendered)),
                            ("cancel-in-progress", concurrency.cancelInProgress.map(render))])
    }

    static func render(_ runner: Runner) -> YAMLValue {
        switch runner {
        case .label(let label): render(label)
        case .labels(let labels): .sequence(labels.map { .string($0.rendered) })
        case .group(let name, let labels):
            optionalMap([("group", name.map { .string($0.rendered) }),
                         ("labels", labels.map { .sequence($0.map { .string($0.rendered) }) })])
        }
    }

    static func render(_ defaults: RunDefaults) -> YAMLValue {
        .map([("run", optionalMap([("shell", defaults.shell.map { .string($0.rawValue) }),
                                    ("working-directory", defaults.workingDirectory.map { .string($0) })]))])
    }

    static func render(_ strategy: Strategy) -> YAMLValue {
        optionalMap([("fail-fast", strategy.failFast.map(render)), ("max-parallel", strategy.maxParallel.map(render)),
                     ("matrix", strategy.matrix.map(render))])
    }

    static func render(_ matrix: Matrix) -> YAMLValue {
        if let computed = matrix.computed { return .string(computed.rendered) }
        var m: [(String, YAMLValue?)] = matrix.dimensions.map { dimension in
            (dimension.name, dimension.computed.map { .string($0.rendered) } ?? .sequence(dimension.values.map(render)))
        }
        m.append(("include", matrix.include.isEmpty ? YAMLValue?.none : .sequence(matrix.include.map(render))))
        m.append(("exclude", matrix.exclude.isEmpty ? YAMLValue?.none : .sequence(matrix.exclude.map(render))))
        return optionalMap(m)
    }

    static func render(_ combination: Matrix.Combination) -> YAMLValue {
        .map(combination.keys.sorted().compactMap { key in combination[key].map { (key, render($0)) } })
    }

    static func render(_ value: MatrixValue) -> YAMLValue {
        switch value {
        case .string(let s): .string(s)
        case .int(let i): .int(i)
        case .bool(let b): .bool(b)
        case .data(let value): value
        }
    }

    static func render(_ container: JobContainer) -> YAMLValue {
        if container.imageOnly { return .string(container.image.rendered) }
        var credentials: YAMLValue?
        if container.username != nil || container.password != nil {
            credentials = optionalMap([("username", container.username.map { .string($0.rendered) }),
                                       ("password", container.password.map(render))])
        }
        return optionalMap([
            ("image", .string(container.image.rendered)), ("credentials", credentials),
            ("env", container.env.isEmpty ? YAMLValue?.none : .map(container.env.keys.sorted().compactMap { key in
                container.env[key].map { (key, .string($0.rendered)) }
            })),
            ("ports", container.ports.isEmpty ? YAMLValue?.none : .sequence(container.ports.map(render))),
            ("volumes", list(container.volumes)),
            ("options", container.options.map { .string($0) }),
        ])
    }

    static func list(_ items: [String]) -> YAMLValue? {
        items.isEmpty ? YAMLValue?.none : .sequence(items.map { .string($0) })
    }

    /// A mapping of the entries that have a value, in the order given.
    static func optionalMap(_ entries: [(String, YAMLValue?)]) -> YAMLValue {
        let present = entries.compactMap { entry in entry.1.map { (entry.0, $0) } }
        return present.isEmpty ? .null : .map(present)
    }
}
