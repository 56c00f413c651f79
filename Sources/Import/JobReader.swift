import Workflow
import YAML

/// One `jobs:` entry → a typed `Job`; a job the model cannot hold becomes `Job.untyped` with a note, and a
/// step it cannot hold `Step.untyped`.
struct JobReader {
    let notes: Notes
    var typedBindings = true

    static let keys: Set<String> = ["name", "needs", "if", "runs-on", "environment", "permissions", "concurrency",
                                    "timeout-minutes", "continue-on-error", "strategy", "container", "services",
                                    "outputs", "env", "defaults", "steps", "uses", "with", "secrets"]
    static let callKeys: Set<String> = ["name", "needs", "if", "permissions", "concurrency", "strategy", "uses", "with",
                                        "secrets"]

    /// The ids this job needs, in order.
    static func needs(_ node: Node) throws(ImportError) -> [String] {
        guard let value = node["needs"] else { return [] }
        do {
            return try NodeReading.stringList(value, "needs")
        } catch {
            throw ImportError(.invalid, error.what, at: error.mark)
        }
    }

    func job(_ id: String, _ node: Node, needs: [Job]) -> Job {
        do {
            return try typed(id, node, needs: needs)
        } catch {
            let reason = "job '\(id)': \(error.what)"
            notes.add(reason, at: error.mark)
            return Job.untyped(id, needs: needs, node.value, reason: reason)
        }
    }

    private func typed(_ id: String, _ node: Node, needs: [Job]) throws(Unsupported) -> Job {
        let f = try NodeReading.fields(node, "job '\(id)'", allowed: Self.keys)
        let name = try f["name"].map { v throws(Unsupported) in try NodeReading.string(v, "job name") }
        let condition = try f["if"].map { v throws(Unsupported) in try NodeReading.condition(v) }
        let permissions = try f["permissions"].map { v throws(Unsupported) in try PermissionsReader.permissions(v) }
        let concurrency = try f["concurrency"].map { v throws(Unsupported) in try concurrencyValue(v) }
        let strategy = try f["strategy"].map { v throws(Unsupported) in try StrategyReader.strategy(v) }
        if let uses = f["uses"] {
            guard Set(f.keys).isSubset(of: Self.callKeys) else {
                throw Unsupported("a reusable-workflow call has keys the model does not allow there", at: node)
            }
            let target = ReusableWorkflowCall.Target.reference(ActionReference(parsing: try NodeReading.string(uses, "uses")))
            let with = try f["with"].map { v throws(Unsupported) in try NodeReading.inputPairs(v, "with", isEnv: false) } ?? []
            if f["with"] != nil, with.isEmpty { throw Unsupported("with: is empty", at: node) }
            let call = ReusableWorkflowCall(target, with: with, secrets: try secrets(f["secrets"]))
            return Job(id, name: name, needs: needs, if: condition, permissions: permissions, concurrency: concurrency,
                       strategy: strategy, calling: call)
        }
        guard let runsOn = f["runs-on"] else { throw Unsupported("job has no runs-on", at: node) }
        guard let stepsNode = f["steps"], let stepNodes = stepsNode.sequence, !stepNodes.isEmpty else {
            throw Unsupported("job has no steps", at: node)
        }
        var steps: [Step] = []
        for stepNode in stepNodes {
            do {
                steps.append(try StepReader.step(stepNode, typedBindings: typedBindings))
            } catch {
                let reason = "step of job '\(id)': \(error.what)"
                notes.add(reason, at: error.mark)
                steps.append(Step.untyped(stepNode.value, reason: reason))
            }
        }
        var services: OrderedPairs<JobContainer> = []
        if let node = f["services"] {
            for (name, value) in try NodeReading.pairs(node, "services") {
                services.append((name, try ContainerReader.container(value, shortForm: false)))
            }
            if services.isEmpty { throw Unsupported("services: is empty", at: node) }
        }
        var outputs: OrderedPairs<Expression> = []
        if let node = f["outputs"] {
            for (name, value) in try NodeReading.pairs(node, "outputs") {
                outputs.append((name, try NodeReading.expressionValue(value, "output '\(name)'")))
            }
            if outputs.isEmpty { throw Unsupported("outputs: is empty", at: node) }
        }
        let env = try f["env"].map { v throws(Unsupported) in try NodeReading.inputPairs(v, "env", isEnv: true) } ?? []
        if f["env"] != nil, env.isEmpty { throw Unsupported("env: is empty", at: node) }
        return Job(
            id, name: name, needs: needs, if: condition, runner: try runner(runsOn),
            environment: try f["environment"].map { v throws(Unsupported) in try environment(v) },
            permissions: permissions, concurrency: concurrency,
            timeoutMinutes: try f["timeout-minutes"].map { v throws(Unsupported) in try NodeReading.int(v, "timeout-minutes") },
            continueOnError: try f["continue-on-error"].map { v throws(Unsupported) in try NodeReading.bool(v, "continue-on-error") },
            strategy: strategy,
            container: try f["container"].map { v throws(Unsupported) in try ContainerReader.container(v, shortForm: true) },
            services: services, outputs: outputs, env: env,
            defaults: try f["defaults"].map { v throws(Unsupported) in try DefaultsReader.defaults(v) }, steps: steps)
    }

    private func runner(_ node: Node) throws(Unsupported) -> Runner {
        if let items = node.sequence {
            var labels: [InterpolatedString] = []
            for item in items { labels.append(try NodeReading.interpolated(item, "runs-on label")) }
            return .labels(labels)
        }
        if node.mapping != nil {
            let f = try NodeReading.fields(node, "runs-on", allowed: ["group", "labels"])
            let group = try f["group"].map { v throws(Unsupported) in try NodeReading.interpolated(v, "runs-on group") }
            var labels: [InterpolatedString]?
            if let l = f["labels"] {
                labels = try NodeReading.stringList(l, "runs-on labels").map { s throws(Unsupported) in
                    guard let parsed = Interpolation.parse(s) else { throw Unsupported("runs-on label holds an unterminated ${{", at: l) }
                    return parsed
                }
            }
            return .group(name: group, labels: labels)
        }
        let text = try NodeReading.string(node, "runs-on")
        if let expression = Interpolation.singleExpression(text) { return .label(.expression(expression)) }
        return .label(.literal(text))
    }

    private func environment(_ node: Node) throws(Unsupported) -> DeploymentTarget {
        if node.mapping != nil {
            let f = try NodeReading.fields(node, "environment", allowed: ["name", "url"])
            guard let name = f["name"] else { throw Unsupported("environment has no name", at: node) }
            return DeploymentTarget(try NodeReading.interpolated(name, "environment name"),
                                    url: try f["url"].map { v throws(Unsupported) in try NodeReading.interpolated(v, "environment url") },
                                    writtenAsMapping: true)
        }
        return DeploymentTarget(try NodeReading.interpolated(node, "environment"))
    }

    private func concurrencyValue(_ node: Node) throws(Unsupported) -> Concurrency {
        if node.mapping != nil {
            let f = try NodeReading.fields(node, "concurrency", allowed: ["group", "cancel-in-progress"])
            guard let group = f["group"] else { throw Unsupported("concurrency has no group", at: node) }
            return Concurrency(group: try NodeReading.interpolated(group, "concurrency group"),
                               cancelInProgress: try f["cancel-in-progress"].map { v throws(Unsupported) in
                                   try NodeReading.bool(v, "cancel-in-progress")
                               })
        }
        return .group(try NodeReading.interpolated(node, "concurrency"))
    }

    static func concurrency(_ node: Node) throws(Unsupported) -> Concurrency {
        try JobReader(notes: Notes()).concurrencyValue(node)
    }

    private func secrets(_ node: Node?) throws(Unsupported) -> ReusableWorkflowCall.Secrets {
        guard let node else { return .none }
        if case .string("inherit") = node.value { return .inherit }
        var values: [String: InputValue] = [:]
        var secrets: [String: Secret] = [:]
        let pairs = try NodeReading.pairs(node, "secrets")
        if pairs.isEmpty { throw Unsupported("secrets: is empty", at: node) }
        for (name, value) in pairs {
            let input = try NodeReading.inputValue(value, name: name, what: "secrets", isEnv: false)
            values[name] = input
            if case .secret(let secret) = input { secrets[name] = secret }
        }
        return secrets.count == values.count ? .explicit(secrets) : .values(values)
    }
}
