import YAML

/// Helpers shared by several rules.
extension WorkflowContext {
    /// Steps that use the action `repository` (lowercased `owner/repo`).
    func steps(using repository: String) -> [StepFacts] {
        allSteps.filter { $0.view.action?.repository == repository }
    }

    /// The step at a position.
    func step(at position: StepPosition) -> StepFacts? {
        guard position.job < jobs.count, position.step < jobs[position.job].steps.count else { return nil }
        return jobs[position.job].steps[position.step]
    }

    /// The location of a `with:` input's value, or of the step's first line when absent.
    func location(ofInput name: String, in step: StepFacts) -> SourceLocation {
        if let input = step.view.input(name) { return location(of: input.value) }
        return location(ofStep: step)
    }

    /// The location of a step's `uses:` value, or its first line.
    func usesLocation(of step: StepFacts) -> SourceLocation {
        step.view.usesNode.map { location(of: $0) } ?? location(ofStep: step)
    }

    /// Locates `needle` inside a scalar node (first occurrence), falling back to the node.
    func location(of needle: String, inScalar node: Node) -> SourceLocation {
        let mapped = ScalarText(node: node, source: source)
        if let range = mapped.text.utf8Range(of: needle) {
            return mapped.location(in: source, from: range.lowerBound, to: range.upperBound)
        }
        return location(of: node)
    }

    /// True when a job (or the workflow) declares `concurrency`.
    func hasConcurrency(_ job: JobView) -> Bool { workflow.concurrency != nil || job.concurrency != nil }

}

extension String {
    /// The UTF-8 offsets of the first occurrence of `needle`.
    func utf8Range(of needle: String) -> Range<Int>? {
        let hay = Array(utf8)
        let pin = Array(needle.utf8)
        guard !pin.isEmpty, pin.count <= hay.count else { return nil }
        var i = 0
        while i + pin.count <= hay.count {
            if hay[i] == pin[0], hay[i..<(i + pin.count)].elementsEqual(pin) { return i..<(i + pin.count) }
            i += 1
        }
        return nil
    }

    /// All UTF-8 offsets where `needle` occurs.
    func utf8Ranges(of needle: String) -> [Range<Int>] {
        let hay = Array(utf8)
        let pin = Array(needle.utf8)
        guard !pin.isEmpty, pin.count <= hay.count else { return [] }
        var result: [Range<Int>] = []
        var i = 0
        while i + pin.count <= hay.count {
            if hay[i] == pin[0], hay[i..<(i + pin.count)].elementsEqual(pin) { result.append(i..<(i + pin.count)); i += pin.count } else { i += 1 }
        }
        return result
    }
}

/// Which values carry secrets: `${{ secrets.X }}` directly, or environment variables set from one.
struct SecretTaint {
    /// Names of environment variables (any level) whose value reads a secret.
    let taintedVariables: Set<String>

    /// The taint computed once when the step was read.
    init(step: StepFacts, context: WorkflowContext) {
        self = step.taint
    }

    /// Names of the variables among `env` entries whose value reads a secret.
    static func taintedNames(_ env: [KeyedNode]) -> Set<String> {
        var names = Set<String>()
        for entry in env {
            if let text = entry.text, Expressions.readsSecret(text) { names.insert(entry.name) }
        }
        return names
    }

    init(view: StepView, script: Script?, inherited: Set<String>) {
        var names = view.env.isEmpty ? inherited : inherited.union(SecretTaint.taintedNames(view.env))
        // Script variables assigned from secrets or from tainted variables.
        // Only the assignments are read: taking each whole command struct out of its class copied every field.
        for command in script?.commands ?? [] {
            let assignments = command.command.assignments
            for assignment in assignments {
                guard let eq = SecretTaint.firstEquals(in: assignment.value) else { continue }
                let name = String(assignment.value[..<eq])
                let value = String(assignment.value[assignment.value.index(after: eq)...])
                // A command substitution's output is not the secret it used (an HTTP status, a signature).
                let viaSubstitution = value.fastContains("$(") || value.fastContains("`")
                if Expressions.readsSecret(value) || (!viaSubstitution && SecretTaint.mentions(value, names)) { names.insert(name) }
            }
        }
        taintedVariables = names
    }

    /// The index of the first `=` Character of `text`. Found by byte when every byte up to it and the one after it
    /// are ASCII: no grapheme cluster then joins the `=` with a neighbour, so the byte is the Character.
    static func firstEquals(in text: String) -> String.Index? {
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte >= 0x80 { break }
            if byte == 0x3D {
                let next = utf8.index(after: index)
                if next == utf8.endIndex || utf8[next] < 0x80 { return index }
                break
            }
            index = utf8.index(after: index)
        }
        return text.firstIndex(of: "=")
    }

    /// True when `text` (unresolved) reads a secret directly or through a tainted variable.
    func isTainted(_ text: String) -> Bool {
        Expressions.readsSecret(text) || SecretTaint.mentions(text, taintedVariables)
    }

    /// The secret expression or variable `text` reads, for messages.
    func source(in text: String) -> String? {
        if let name = Expressions.secretNames(in: text).first(where: Expressions.isSensitiveSecretName) { return "secrets.\(name)" }
        for name in taintedVariables.sorted() where SecretTaint.mentions(text, [name]) { return "$\(name)" }
        return nil
    }

    static func mentions(_ text: String, _ names: Set<String>) -> Bool {
        guard text.fastContains("$") else { return false }
        for name in names {
            // Every form below spells the name: most texts do not, and skip building the four needles.
            guard text.fastContains(name) else { continue }
            if text.fastContains("${\(name)}") || text.fastContains("${\(name):") || text.fastContains("env.\(name)") { return true }
            for range in text.utf8Ranges(of: "$" + name) {
                let bytes = Array(text.utf8)
                let next = range.upperBound < bytes.count ? bytes[range.upperBound] : 0x20
                let isNameByte = next == 0x5F || (next >= 0x30 && next <= 0x39) || ((next | 0x20) >= 0x61 && (next | 0x20) <= 0x7A)
                if !isNameByte { return true }
            }
        }
        return false
    }
}

/// Masks secrets for output: the first four characters, then `****`.
public enum Redaction {
    /// `AKIAIOSFODNN7EXAMPLF` → `AKIA****`.
    public static func mask(_ secret: String) -> String { String(secret.prefix(4)) + "****" }
}

/// Tags that name a moving target rather than one build.
enum MutableTags {
    static let names: Set<String> = ["latest", "main", "master", "develop", "development", "dev", "staging", "stage",
                                     "prod", "production", "test", "qa", "stable", "edge", "nightly", "release", "uat"]

    /// True when `tag` is literal and mutable.
    static func isMutable(_ tag: String?) -> Bool {
        guard let tag else { return true } // no tag means :latest
        if ImageReference.isUnresolved(tag) {
            return tag.fastContains("github.ref_name") || tag.fastContains("github.head_ref") || tag.fastContains("github.base_ref")
        }
        return names.contains(tag.lowercased())
    }
}
