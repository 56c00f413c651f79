/// Checks a workflow before anything is written; every diagnostic names the DSL call at fault.
public enum WorkflowValidator {
    /// All errors and warnings of `workflow`, sorted by location.
    public static func diagnostics(for workflow: Workflow) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let at = workflow.location
        if !(workflow.fileName.hasSuffix(".yml") || workflow.fileName.hasSuffix(".yaml"))
            || workflow.fileName.contains("/") || workflow.fileName.hasPrefix(".") {
            found.append(.error("workflow file name '\(workflow.fileName)' must be a plain name ending in .yml", at: at))
        }
        let title = workflow.name ?? workflow.fileName
        if workflow.on.isEmpty { found.append(.error("workflow '\(title)' has no trigger (on:)", at: at)) }
        if workflow.jobs.isEmpty { found.append(.error("workflow '\(title)' has no job", at: at)) }
        if workflow.permissions == .repositoryDefault {
            found.append(.warning("workflow '\(title)' has permissions .repositoryDefault: its token gets the repository default, possibly write-all; grant only what each job needs",
                                  at: at))
        }
        for case .untyped(let event, let yaml) in workflow.on {
            found.append(.warning("trigger '\(event)' is untyped and not checked: \(yaml.reason)", at: at))
        }
        var triggerKeys: Set<String> = []
        for trigger in workflow.on where !triggerKeys.insert(trigger.key).inserted {
            found.append(.error("trigger '\(trigger.key)' is given twice", at: at))
        }
        found += checkEnv(workflow.env, at: at)
        found += checkStrings(workflow.concurrency.map { [$0.group] } ?? [], at: at)

        let declaredInputs = Set(workflow.on.flatMap { trigger -> [String] in
            switch trigger {
            case .workflowDispatch(let inputs): inputs.map(\.name)
            case .workflowCall(let call): call.inputs.map(\.name)
            default: []
            }
        })

        var jobsByID: [String: Job] = [:]
        for job in workflow.jobs {
            if !Identifier.isValid(job.id) {
                found.append(.error("job id '\(job.id)' must start with a letter or _ and contain only letters, digits, - and _",
                                    at: job.location))
            }
            if let first = jobsByID[job.id] {
                found.append(.error("duplicate job id '\(job.id)' (first defined at \(first.location))", at: job.location))
            } else {
                jobsByID[job.id] = job
            }
        }
        for job in workflow.jobs {
            found += check(job, in: workflow, jobsByID: jobsByID, declaredInputs: declaredInputs)
        }
        found += cycles(in: workflow.jobs, jobsByID: jobsByID)
        return found.sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }

    private static func check(_ job: Job, in workflow: Workflow, jobsByID: [String: Job],
                              declaredInputs: Set<String>) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let at = job.location
        for need in job.needs where jobsByID[need] == nil {
            found.append(.error("job '\(job.id)' needs job '\(need)', which is not in workflow '\(workflow.name ?? workflow.fileName)'", at: at))
        }
        if case .untyped(let yaml) = job.body {
            return found + [.warning("job '\(job.id)' is untyped and not checked: \(yaml.reason)", at: at)]
        }
        if job.permissions == .repositoryDefault {
            found.append(.warning("job '\(job.id)' has permissions .repositoryDefault: its token gets the repository default", at: at))
        }
        if case .literal(let minutes)? = job.timeoutMinutes, minutes <= 0 {
            found.append(.error("timeout-minutes must be positive, got \(minutes)", at: at))
        }
        found += checkEnv(job.env, at: at)

        var jobExpressions: [Expression] = job.outputs.map(\.1)
        if let condition = job.condition { jobExpressions.append(condition) }
        jobExpressions += job.env.flatMap { $0.1.expressions }
        switch job.body {
        case .reusableWorkflow(let call):
            jobExpressions += call.inputs.flatMap { $0.1.expressions }
            if case .reference(let reference) = call.target { found += reference.diagnostics(at: at) }
        case .untyped:
            break
        case .steps(let steps):
            if steps.isEmpty { found.append(.error("job '\(job.id)' has no step", at: at)) }
            if job.runner == nil { found.append(.error("job '\(job.id)' has no runs-on", at: at)) }
            found += checkSteps(steps, of: job, in: workflow)
        }
        for expression in jobExpressions + job.steps.flatMap(\.expressions) {
            found += checkReferences(expression, of: job, jobsByID: jobsByID, declaredInputs: declaredInputs)
        }
        // Job outputs may read any step of the job.
        let stepIDs = Set(job.steps.map(\.id))
        for (_, expression) in job.outputs {
            for case .stepOutput(let step, let output, let location) in expression.references where !stepIDs.contains(step) {
                found.append(.error("job output reads steps.\(step).outputs.\(output), but job '\(job.id)' has no step '\(step)'",
                                    at: location))
            }
        }
        return found
    }

    private static func checkSteps(_ steps: [Step], of job: Job, in workflow: Workflow) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let referenced = referencedStepIDs(of: job)
        var emitted: [String: Step] = [:]
        var earlier: Set<String> = []
        for step in steps {
            found += step.bindingDiagnostics
            found += checkEnv(step.env, at: step.location)
            if let id = step.givenID, !Identifier.isValid(id) {
                found.append(.error("step id '\(id)' must start with a letter or _ and contain only letters, digits, - and _",
                                    at: step.location))
            }
            if step.givenID != nil || referenced.contains(step.id) {
                if let first = emitted[step.id] {
                    found.append(.error("duplicate step id '\(step.id)' in job '\(job.id)' (first at \(first.location))",
                                        at: step.location))
                } else {
                    emitted[step.id] = step
                }
            }
            for expression in step.expressions {
                for case .stepOutput(let id, let output, let location) in expression.references where !earlier.contains(id) {
                    if id == step.id || steps.contains(where: { $0.id == id }) {
                        found.append(.error("steps.\(id).outputs.\(output) is read before step '\(id)' has run; move the reading step after it",
                                            at: location))
                    } else {
                        found.append(.error("steps.\(id).outputs.\(output): job '\(job.id)' has no step '\(id)'", at: location))
                    }
                }
            }
            earlier.insert(step.id)
            switch step.body {
            case .run(let script, _, _):
                if script.contains("${{") {
                    if step.scriptForm == .verbatim(allowingExpressions: true) {
                        found.append(.warning("run script contains ${{ }} (allowed by .verbatim(allowingExpressions: true)): pass values through env: and read them as \"$NAME\" (template injection)",
                                              at: step.location))
                    } else {
                        found.append(.error("run script contains ${{ }}: pass the value through env: and read it as \"$NAME\" (template injection)",
                                            at: step.location))
                    }
                }
                if script.trimmingSpaces.isEmpty { found.append(.error("run script is empty", at: step.location)) }
            case .action(let reference, let inputs):
                found += reference.diagnostics(at: step.location)
                found += checkStrings(inputs.compactMap(\.1).flatMap(\.strings), at: step.location)
            case .untyped(let yaml):
                found.append(.warning("step is untyped and not checked: \(yaml.reason)", at: step.location))
            }
            found += checkPermissions(step, of: job, in: workflow)
        }
        return found
    }

    /// Step ids that some expression of the job reads.
    static func referencedStepIDs(of job: Job) -> Set<String> {
        let expressions = job.outputs.map(\.1) + job.steps.flatMap(\.expressions)
        var ids: Set<String> = []
        for expression in expressions {
            for case .stepOutput(let step, _, _) in expression.references { ids.insert(step) }
        }
        return ids
    }

    private static func checkReferences(_ expression: Expression, of job: Job, jobsByID: [String: Job],
                                        declaredInputs: Set<String>) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for reference in expression.references {
            switch reference {
            case .jobOutput(let other, let output, let location):
                if !job.needs.contains(other) {
                    found.append(.error("job '\(job.id)' reads needs.\(other).outputs.\(output) but does not need job '\(other)'",
                                        at: location))
                } else if let target = jobsByID[other], !target.outputs.contains(where: { $0.0 == output }) {
                    found.append(.error("job '\(other)' has no output '\(output)'", at: location))
                }
            case .input(let name, let location):
                if !declaredInputs.contains(name) {
                    found.append(.error("inputs.\(name) is not declared by workflow_dispatch or workflow_call", at: location))
                }
            case .secret(let name, let location):
                if !isValidSecretName(name) {
                    found.append(.error("secret name '\(name)' must be letters, digits and _, not starting with a digit or GITHUB_",
                                        at: location))
                }
            case .stepOutput:
                break
            }
        }
        return found
    }

    static func isValidSecretName(_ name: String) -> Bool {
        guard Identifier.isValid(name), !name.contains("-") else { return false }
        return name == "GITHUB_TOKEN" || !name.uppercased().hasPrefix("GITHUB_")
    }

    private static func checkPermissions(_ step: Step, of job: Job, in workflow: Workflow) -> [Diagnostic] {
        let effective = job.permissions ?? workflow.permissions
        var found: [Diagnostic] = []
        for (scope, level) in step.requiredPermissions.sorted(by: { $0.key < $1.key }) {
            let granted: PermissionLevel
            if let effective {
                granted = effective.level(of: scope)
            } else {
                // GitHub's default token never grants id-token; other scopes depend on repository settings.
                granted = scope == .idToken ? .none : level
            }
            if granted < level {
                let why = scope == .idToken ? " (OIDC needs it to request a token)" : ""
                found.append(.error("step needs permission '\(scope.rawValue): \(level.rawValue)'\(why) but job '\(job.id)' grants '\(granted.rawValue)'",
                                    at: step.location))
            }
        }
        return found
    }

    /// Plaintext secrets: a literal value under a secret-looking name, or a literal that looks like an AWS key.
    static func checkEnv(_ env: OrderedPairs<InputValue>, at location: SourceLocation) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (name, value) in env {
            if !Identifier.isValid(name) || name.contains("-") {
                // GitHub accepts such names (its own cache example uses `cache-name`); shells cannot read them.
                found.append(.warning("environment variable name '\(name)' is not letters, digits and _: a shell cannot read it as $\(name)",
                                      at: location))
            }
            if case .string(let text) = value, let literal = text.literalText, !literal.isEmpty,
               SecretHeuristics.looksLikeSecretName(name) {
                found.append(.error("environment variable \(name) holds a plaintext value that looks secret; use Secret(\"\(name)\")",
                                    at: location))
            }
            if case .plaintext = value {
                found.append(.warning("environment variable \(name) is marked .plaintext: its literal value is written in the workflow; use Secret(\"\(name)\") if it is secret",
                                      at: location))
            }
        }
        found += checkStrings(env.flatMap { $0.1.strings }, at: location)
        return found
    }

    /// Literal text must not write `${{` (only `Expression` does) nor hold an AWS access key.
    static func checkStrings(_ strings: [InterpolatedString], at location: SourceLocation) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for string in strings {
            for case .literal(let text) in string.segments {
                if text.contains("${{") {
                    found.append(.error("literal text contains '${{': build expressions with Expression, not strings", at: location))
                }
                if SecretHeuristics.containsAWSAccessKey(text) {
                    found.append(.error("literal text contains an AWS access key id (\(SecretHeuristics.redact(text))); use a Secret",
                                        at: location))
                }
            }
        }
        return found
    }

    private static func cycles(in jobs: [Job], jobsByID: [String: Job]) -> [Diagnostic] {
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var found: [Diagnostic] = []
        func visit(_ id: String, path: [String]) {
            guard let job = jobsByID[id] else { return }
            if state[id] == 2 { return }
            if state[id] == 1 {
                let cycle = (path.drop { $0 != id } + [id]).joined(separator: " -> ")
                found.append(.error("needs form a cycle: \(cycle)", at: job.location))
                return
            }
            state[id] = 1
            for need in job.needs { visit(need, path: path + [id]) }
            state[id] = 2
        }
        for job in jobs { visit(job.id, path: []) }
        return found
    }
}

extension InputValue {
    /// The strings inside, for literal checks.
    var strings: [InterpolatedString] {
        switch self {
        case .string(let s): [s]
        case .lines(let lines): lines
        case .plaintext(let s): [s]
        default: []
        }
    }
}

extension String {
    var trimmingSpaces: Substring {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }
}
