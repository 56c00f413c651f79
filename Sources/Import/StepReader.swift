import Workflow
import YAML

/// One `steps:` entry → a typed `Step` (a `run` script or a `uses` action).
enum StepReader {
    static let keys: Set<String> = ["id", "name", "if", "uses", "with", "env", "run", "shell", "working-directory",
                                    "continue-on-error", "timeout-minutes"]

    /// `typedBindings`: use a known action's typed binding when the inputs fit it exactly.
    static func step(_ node: Node, typedBindings: Bool) throws(Unsupported) -> Step {
        let f = try NodeReading.fields(node, "step", allowed: keys)
        let name = try f["name"].map { v throws(Unsupported) in try NodeReading.string(v, "step name") }
        let id = try f["id"].map { v throws(Unsupported) in try NodeReading.string(v, "step id") }
        let condition = try f["if"].map { v throws(Unsupported) in try NodeReading.condition(v) }
        let env = try f["env"].map { v throws(Unsupported) in try NodeReading.inputPairs(v, "env", isEnv: true) } ?? []
        let continueOnError = try f["continue-on-error"].map { v throws(Unsupported) in
            try NodeReading.bool(v, "continue-on-error")
        }
        let timeout = try f["timeout-minutes"].map { v throws(Unsupported) in try NodeReading.int(v, "timeout-minutes") }
        if let uses = f["uses"] {
            if f["run"] != nil || f["shell"] != nil || f["working-directory"] != nil {
                throw Unsupported("step has uses: together with run:, shell: or working-directory:", at: node)
            }
            let reference = ActionReference(parsing: try NodeReading.string(uses, "uses"))
            var inputs: OrderedPairs<InputValue> = []
            if let with = f["with"], !isNull(with) {
                inputs = try NodeReading.inputPairs(with, "with", isEnv: false)
            } else if f["with"] != nil {
                throw Unsupported("with: is empty", at: node)
            }
            if typedBindings, let typed = KnownActions.checkout(
                reference, inputs: inputs, name: name, id: id, condition: condition, env: env,
                continueOnError: continueOnError, timeoutMinutes: timeout) {
                return typed
            }
            return Step.uses(reference, with: inputs, name: name, id: id, if: condition, env: env,
                             continueOnError: continueOnError, timeoutMinutes: timeout)
        }
        guard let run = f["run"] else { throw Unsupported("step has neither uses: nor run:", at: node) }
        if f["with"] != nil { throw Unsupported("run step has with:", at: node) }
        let script = try NodeReading.string(run, "run")
        let shell = try f["shell"].map { v throws(Unsupported) in Shell(rawValue: try NodeReading.string(v, "shell")) }
        let directory = try f["working-directory"].map { v throws(Unsupported) in
            try NodeReading.string(v, "working-directory")
        }
        if let name, isStandardScript(script) {
            return Step.run(name, script, id: id, if: condition, env: env, shell: shell, workingDirectory: directory,
                            continueOnError: continueOnError, timeoutMinutes: timeout)
        }
        return Step.run(script: script, form: .verbatim(allowingExpressions: script.contains("${{")), name: name, id: id,
                        if: condition, env: env, shell: shell, workingDirectory: directory,
                        continueOnError: continueOnError, timeoutMinutes: timeout)
    }

    /// True when the DSL's `Step.run` writes `script` unchanged: no expressions, one line or a final newline.
    static func isStandardScript(_ script: String) -> Bool {
        !script.contains("${{") && !script.trimmingCharacters(in: " \t\n").isEmpty
            && (script.hasSuffix("\n") || !script.contains("\n"))
    }

    static func isNull(_ node: Node) -> Bool {
        if case .null = node.value { return true }
        return false
    }
}

extension String {
    func trimmingCharacters(in set: String) -> Substring {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return s
    }
}
