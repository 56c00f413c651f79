import Workflow
import YAML

/// Prints a typed `Workflow` as the Swift DSL calls that build it: one function for the workflow, one for
/// its triggers, one for its jobs and one per job's steps, so that no expression is large for the type checker.
struct WorkflowPrinter {
    let symbol: String
    let originalPath: String
    private var out = ""

    init(symbol: String, originalPath: String) {
        self.symbol = symbol
        self.originalPath = originalPath
    }

    /// The file's text; it imports YAML only when an escape hatch or a data value needs `YAMLValue`.
    func print(_ workflow: Workflow) -> String {
        var printer = self
        printer.write(workflow)
        guard printer.out.contains("YAMLValue."), let range = printer.out.firstRange(of: "import Workflow\n") else {
            return printer.out
        }
        var text = printer.out
        text.replaceSubrange(range, with: "import Workflow\nimport YAML\n")
        return text
    }

    private mutating func line(_ text: String) { out += text + "\n" }

    private mutating func note(_ reason: String, indent: String) {
        line(indent + "// wfgen import: " + SwiftSyntax.escaped(reason).replacingOccurrences("\\n", " "))
    }

    private mutating func write(_ workflow: Workflow) {
        line("// Imported by `wfgen import` from \(SwiftSyntax.escaped(originalPath)); `swift run wfgen` regenerates it.")
        line("import Workflow")
        line("")
        line("func \(symbol)() -> Workflow {")
        line("    Workflow(")
        var args = ["        \(SwiftSyntax.quoted(workflow.fileName))"]
        args.append("        name: " + (workflow.name.map(SwiftSyntax.quoted) ?? "nil"))
        if let runName = workflow.runName { args.append("        runName: " + SwiftSyntax.literal(runName, indent: "        ")) }
        args.append("        on: \(symbol)Triggers()")
        args.append("        permissions: " + (workflow.permissions.map(Values.permissions) ?? "nil"))
        if !workflow.env.isEmpty { args.append("        env: " + Values.pairs(workflow.env, indent: "        ")) }
        if let defaults = workflow.defaults { args.append("        defaults: " + Values.defaults(defaults)) }
        if let concurrency = workflow.concurrency {
            args.append("        concurrency: " + Values.concurrency(concurrency, indent: "        "))
        }
        args.append("        jobs: \(symbol)Jobs()")
        line(args.joined(separator: ",\n"))
        line("    )")
        line("}")
        line("")
        line("private func \(symbol)Triggers() -> [Trigger] {")
        line("    var on: [Trigger] = []")
        for trigger in workflow.on {
            if case .untyped(_, let yaml) = trigger { note(yaml.reason, indent: "    ") }
            line("    on.append(" + Triggers.print(trigger, indent: "    ") + ")")
        }
        line("    return on")
        line("}")
        writeJobs(workflow.jobs)
    }

    private mutating func writeJobs(_ jobs: [Job]) {
        var names: [String: String] = [:]
        var used: Set<String> = [symbol + "Triggers", symbol + "Jobs", symbol]
        for job in jobs {
            var name = SwiftSyntax.camelCase(job.id)
            if !SwiftSyntax.isIdentifier(name) { name += "Job" }
            var candidate = name, n = 2
            while used.contains(candidate) || SwiftSyntax.keywords.contains(candidate) { candidate = name + String(n); n += 1 }
            used.insert(candidate)
            names[job.id] = candidate
        }
        let byID = Dictionary(jobs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var order: [Job] = []
        var done: Set<String> = []
        func visit(_ job: Job) {
            guard done.insert(job.id).inserted else { return }
            for need in job.needs { if let other = byID[need] { visit(other) } }
            order.append(job)
        }
        jobs.forEach(visit)

        line("")
        line("private func \(symbol)Jobs() -> [Job] {")
        var stepFunctions: [(String, [Step])] = []
        for job in order {
            let name = names[job.id] ?? "job"
            let needs = "[" + job.needs.map { names[$0] ?? $0 }.joined(separator: ", ") + "]"
            if case .untyped(let yaml) = job.body {
                note(yaml.reason, indent: "    ")
                line("    let \(name) = Job.untyped(\(SwiftSyntax.quoted(job.id)), needs: \(needs), "
                     + SwiftSyntax.yaml(yaml.value, indent: "    ") + ", reason: \(SwiftSyntax.quoted(yaml.reason)))")
                continue
            }
            var args = ["        \(SwiftSyntax.quoted(job.id))"]
            if let jobName = job.name { args.append("        name: " + SwiftSyntax.quoted(jobName)) }
            if !job.needs.isEmpty { args.append("        needs: " + needs) }
            if let condition = job.condition { args.append("        if: " + SwiftSyntax.expression(condition)) }
            if case .reusableWorkflow(let call) = job.body {
                if let p = job.permissions { args.append("        permissions: " + Values.permissions(p)) }
                if let c = job.concurrency { args.append("        concurrency: " + Values.concurrency(c, indent: "        ")) }
                if let s = job.strategy { args.append("        strategy: " + Values.strategy(s, indent: "        ")) }
                args.append("        calling: " + Values.call(call, indent: "        "))
            } else {
                if let runner = job.runner { args.append("        runner: " + Values.runner(runner)) }
                if let e = job.environment { args.append("        environment: " + Values.environment(e)) }
                if let p = job.permissions { args.append("        permissions: " + Values.permissions(p)) }
                if let c = job.concurrency { args.append("        concurrency: " + Values.concurrency(c, indent: "        ")) }
                if let t = job.timeoutMinutes { args.append("        timeoutMinutes: " + Values.int(t)) }
                if let c = job.continueOnError { args.append("        continueOnError: " + Values.bool(c)) }
                if let s = job.strategy { args.append("        strategy: " + Values.strategy(s, indent: "        ")) }
                if let c = job.container { args.append("        container: " + Values.container(c, indent: "        ")) }
                if !job.services.isEmpty {
                    args.append("        services: [\n" + job.services.map {
                        "            (\(SwiftSyntax.quoted($0.0)), \(Values.container($0.1, indent: "            "))),\n"
                    }.joined() + "        ]")
                }
                if !job.outputs.isEmpty {
                    args.append("        outputs: [\n" + job.outputs.map {
                        "            (\(SwiftSyntax.quoted($0.0)), \(SwiftSyntax.expression($0.1))),\n"
                    }.joined() + "        ]")
                }
                if !job.env.isEmpty { args.append("        env: " + Values.pairs(job.env, indent: "        ")) }
                if let d = job.defaults { args.append("        defaults: " + Values.defaults(d)) }
                let function = symbol + "Steps" + name.prefix(1).uppercased() + name.dropFirst()
                args.append("        steps: \(function)()")
                stepFunctions.append((function, job.steps))
            }
            line("    let \(name) = Job(")
            line(args.joined(separator: ",\n"))
            line("    )")
        }
        line("    return [" + jobs.map { names[$0.id] ?? "" }.joined(separator: ", ") + "]")
        line("}")
        for (function, steps) in stepFunctions {
            line("")
            line("private func \(function)() -> [Step] {")
            line("    var steps: [Step] = []")
            for step in steps {
                if case .untyped(let yaml) = step.body { note(yaml.reason, indent: "    ") }
                line("    steps.append(" + Steps.print(step, indent: "    ") + ")")
            }
            line("    return steps")
            line("}")
        }
    }
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
