import Workflow
import YAML

/// Swift spellings of triggers.
enum Triggers {
    static func list(_ items: [String]) -> String { "[" + items.map(SwiftSyntax.quoted).joined(separator: ", ") + "]" }

    private static func labelled(_ pairs: [(String, [String])]) -> String {
        pairs.filter { !$0.1.isEmpty }.map { "\($0.0): \(list($0.1))" }.joined(separator: ", ")
    }

    static func print(_ trigger: Trigger, indent: String) -> String {
        switch trigger {
        case .push(let f):
            return "Trigger.push(" + labelled([("branches", f.branches), ("branchesIgnore", f.branchesIgnore), ("tags", f.tags),
                                               ("tagsIgnore", f.tagsIgnore), ("paths", f.paths), ("pathsIgnore", f.pathsIgnore)]) + ")"
        case .pullRequest(let f), .pullRequestTarget(let f):
            let name = if case .pullRequest = trigger { "pullRequest" } else { "pullRequestTarget" }
            return "Trigger.\(name)(" + labelled([("types", f.types), ("branches", f.branches), ("branchesIgnore", f.branchesIgnore),
                                                  ("paths", f.paths), ("pathsIgnore", f.pathsIgnore)]) + ")"
        case .workflowDispatch(let inputs):
            return inputs.isEmpty ? "Trigger.workflowDispatch()" : "Trigger.workflowDispatch(inputs: " + self.inputs(inputs, indent: indent) + ")"
        case .workflowDispatchWithEmptyInputs:
            return "Trigger.workflowDispatchWithEmptyInputs"
        case .workflowCall(let call):
            var args: [String] = []
            if !call.inputs.isEmpty { args.append("inputs: " + inputs(call.inputs, indent: indent)) }
            if !call.outputs.isEmpty {
                args.append("outputs: [" + call.outputs.map {
                    "WorkflowCall.Output(\(SwiftSyntax.quoted($0.name)), description: \(optional($0.description)), value: \(SwiftSyntax.expression($0.value)))"
                }.joined(separator: ", ") + "]")
            }
            if !call.secrets.isEmpty {
                args.append("secrets: [" + call.secrets.map {
                    "WorkflowCall.SecretInput(\(SwiftSyntax.quoted($0.name)), description: \(optional($0.description)), required: \($0.required.map { "\($0)" } ?? "nil"))"
                }.joined(separator: ", ") + "]")
            }
            if call.writesEmptyInputs { args.append("writesEmptyInputs: true") }
            return "Trigger.workflowCall(WorkflowCall(" + args.joined(separator: ", ") + "))"
        case .schedule(let crons):
            return "Trigger.schedule(" + list(crons) + ")"
        case .release(let types):
            return "Trigger.release(types: " + list(types) + ")"
        case .mergeGroup:
            return "Trigger.mergeGroup"
        case .workflowRun(let workflows, let types, let branches):
            return "Trigger.workflowRun(workflows: \(list(workflows)), types: \(list(types)), branches: \(list(branches)))"
        case .workflowRunFiltered(let f):
            return "Trigger.workflowRunFiltered(WorkflowRunFilter(workflows: \(list(f.workflows)), "
                + "types: \(list(f.types)), branches: \(list(f.branches)), branchesIgnore: \(list(f.branchesIgnore))))"
        case .activity(let event, let types):
            let name = SwiftSyntax.camelCase(event.rawValue)
            return "Trigger.activity(.\(SwiftSyntax.keywords.contains(name) ? "`\(name)`" : name), types: \(list(types)))"
        case .untyped(let event, let yaml):
            return "Trigger.untyped(event: \(SwiftSyntax.quoted(event)), UntypedYAML(\(SwiftSyntax.yaml(yaml.value, indent: indent)), "
                + "reason: \(SwiftSyntax.quoted(yaml.reason))))"
        }
    }

    static func optional(_ s: String?) -> String { s.map(SwiftSyntax.quoted) ?? "nil" }

    static func inputs(_ inputs: [WorkflowInput], indent: String) -> String {
        let inner = indent + "    "
        return "[\n" + inputs.map { input in
            "\(inner)WorkflowInput(\(SwiftSyntax.quoted(input.name)), description: \(optional(input.description)), "
                + "required: \(input.required.map { "\($0)" } ?? "nil"), \(kind(input.kind, indent: inner))),\n"
        }.joined() + indent + "]"
    }

    static func kind(_ kind: WorkflowInput.Kind, indent: String) -> String {
        switch kind {
        case .string(let d): ".string(default: \(optional(d)))"
        case .boolean(let d): ".boolean(default: \(d.map { "\($0)" } ?? "nil"))"
        case .number(let d): ".number(default: \(d.map { "\($0)" } ?? "nil"))"
        case .choice(let options, let d): ".choice(options: \(list(options)), default: \(optional(d)))"
        case .environment: ".environment"
        case .untyped(let d): ".untyped(default: \(optional(d)))"
        case .other(let type, let d, let options):
            ".other(type: \(optional(type)), default: \(d.map { SwiftSyntax.yaml($0, indent: indent) } ?? "nil"), "
                + "options: \(options.map { "[" + $0.map { SwiftSyntax.yaml($0, indent: indent) }.joined(separator: ", ") + "]" } ?? "nil"))"
        }
    }
}

/// Swift spellings of steps.
enum Steps {
    /// `Checkout(...)` with the inputs it holds, in its initializer's order.
    static func checkoutCall(_ c: Checkout, indent: String) -> String {
        func string(_ s: InterpolatedString?) -> String? { s.map { Values.string($0, indent: indent) } }
        func secret(_ s: Secret?) -> String? { s.map { "Secret(\(SwiftSyntax.quoted($0.name)))" } }
        let args: [(String, String?)] = [
            ("repository", string(c.repository)), ("ref", string(c.ref)), ("token", secret(c.token)),
            ("sshKey", secret(c.sshKey)), ("persistCredentials", c.persistCredentials.map(Values.bool) ?? "nil"),
            ("path", string(c.path)), ("clean", c.clean.map(Values.bool)), ("filter", string(c.filter)),
            ("fetchDepth", c.fetchDepth.map(Values.int)), ("fetchTags", c.fetchTags.map(Values.bool)),
            ("lfs", c.lfs.map(Values.bool)), ("submodules", c.submodules.map { ".\($0 == .recursive ? "recursive" : "`\($0.rawValue)`")" }),
        ]
        return "Checkout(" + args.compactMap { pair in pair.1.map { "\(pair.0): \($0)" } }.joined(separator: ", ") + ")"
    }

    static func print(_ step: Step, indent: String) -> String {
        let inner = indent + "    "
        var tail: [String] = []
        func common(nameFirst: Bool) {
            if !nameFirst, let name = step.name { tail.append("name: " + SwiftSyntax.quoted(name)) }
            if let id = step.givenID { tail.append("id: " + SwiftSyntax.quoted(id)) }
            if let c = step.condition { tail.append("if: " + SwiftSyntax.expression(c)) }
            if !step.env.isEmpty { tail.append("env: " + Values.pairs(step.env, indent: inner)) }
        }
        func trailing() {
            if let c = step.continueOnError { tail.append("continueOnError: " + Values.bool(c)) }
            if let t = step.timeoutMinutes { tail.append("timeoutMinutes: " + Values.int(t)) }
        }
        switch step.body {
        case .untyped(let yaml):
            return "Step.untyped(\(SwiftSyntax.yaml(yaml.value, indent: indent)), reason: \(SwiftSyntax.quoted(yaml.reason)))"
        case .action(let reference, _) where step.binding is Checkout:
            guard let checkout = step.binding as? Checkout else { return "" }
            common(nameFirst: false)
            trailing()
            let head = [checkoutCall(checkout, indent: inner), "at: " + Values.reference(reference)]
            return "Step.uses(" + (head + tail).map { "\n" + inner + $0 }.joined(separator: ",") + "\n" + indent + ").step"
        case .action(let reference, let inputs):
            var head = [Values.reference(reference)]
            let given = inputs.compactMap { pair in pair.1.map { (pair.0, $0) } }
            if !given.isEmpty { head.append("with: " + Values.pairs(given, indent: inner)) }
            common(nameFirst: false)
            trailing()
            return "Step.uses(" + (head + tail).map { "\n" + inner + $0 }.joined(separator: ",") + "\n" + indent + ")"
        case .run(let script, let shell, let directory):
            let scriptText = SwiftSyntax.literal(InterpolatedString(script), indent: inner)
            var head: [String]
            if step.scriptForm == .standard, let name = step.name {
                head = [SwiftSyntax.quoted(name), scriptText]
                common(nameFirst: true)
            } else {
                let form: String
                switch step.scriptForm {
                case .standard: form = ".standard"
                case .verbatim(let allowing): form = ".verbatim(allowingExpressions: \(allowing))"
                }
                head = ["script: " + scriptText, "form: " + form]
                common(nameFirst: false)
            }
            if let shell { tail.append("shell: Shell(rawValue: \(SwiftSyntax.quoted(shell.rawValue)))") }
            if let directory { tail.append("workingDirectory: " + SwiftSyntax.quoted(directory)) }
            trailing()
            return "Step.run(" + (head + tail).map { "\n" + inner + $0 }.joined(separator: ",") + "\n" + indent + ")"
        }
    }
}
