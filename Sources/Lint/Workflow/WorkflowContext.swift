import YAML

/// A `run:` script: its node, its text mapped back to the file, and its commands with resolved word values.
///
/// A class: rules iterate `allCommands` tuples holding a script each, and copying the struct's node, text and
/// command array cost a retain per field per command.
public final class Script: Sendable {
    /// The `run:` value node.
    public let node: Node
    /// The script text with its source offsets.
    public let text: ScalarText
    /// The commands, in textual order (substitutions before the command that holds them).
    public let commands: [ResolvedCommand]

    init(node: Node, text: ScalarText, commands: [ResolvedCommand]) {
        self.node = node
        self.text = text
        self.commands = commands
    }
}

/// A shell command with each word's value resolved against the scope at that point of the script (a class for
/// the same reason as `Script`: it is copied into facts and tuples far more often than it is built).
public final class ResolvedCommand: Sendable {
    /// The command as read.
    public let command: ShellCommand
    /// `command.words[i].value` resolved.
    public let resolved: [String]
    /// The assignment words resolved (`NAME=value`).
    public let resolvedAssignments: [String]
    /// Index of the command in its script.
    public let index: Int

    init(command: ShellCommand, resolved: [String], resolvedAssignments: [String], index: Int) {
        self.command = command
        self.resolved = resolved
        self.resolvedAssignments = resolvedAssignments
        self.index = index
    }

    /// Commands whose words are resolved: the ones rules read arguments of (AWS and Docker CLIs, deploy tools,
    /// HTTP probes, `$GITHUB_ENV`/`$GITHUB_OUTPUT` writers, `eval`), and any command whose name is a variable.
    static let resolvedCommands: Set<String> = ["aws", "docker", "podman", "docker-compose", "buildah", "helm", "ecs",
        "ecs-deploy", "copilot", "ecspresso", "ecs-cli", "cdk", "curl", "wget", "http", "httpie", "gh", "terraform",
        "terragrunt", "tofu", "sam", "serverless", "sls", "pulumi", "make", "npx", "eval", "echo", "printf", "ecs-tool"]

    /// True when the command named `name` has its words resolved.
    static func needsResolution(_ name: String?) -> Bool {
        guard let name else { return false }
        // Every command is asked: one pass over the name's bytes finds a `$`, a `/` and anything not ASCII.
        var (hasSlash, isASCII) = (false, true)
        for byte in name.utf8 {
            if byte == 0x24 { return true }
            if byte == 0x2F { hasSlash = true }
            if byte >= 0x80 { isASCII = false }
        }
        let base: String
        if !hasSlash {
            base = name
        } else if isASCII {
            // In ASCII text a `/` is always a Character of its own: split on bytes.
            base = name.utf8.split(separator: 0x2F).last.map { String(Substring($0)) } ?? name
        } else {
            base = name.split(separator: "/").last.map(String.init) ?? name
        }
        // Most names start with a byte no resolved command starts with (every name and its equal is ASCII).
        guard let first = base.utf8.first, resolvedFirstBytes[Int(first)] else { return false }
        return resolvedCommands.contains(base)
    }

    private static let resolvedFirstBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for name in resolvedCommands { if let first = name.utf8.first { table[Int(first)] = true } }
        return table
    }()

    /// The resolved value of the word after `option`.
    public func resolvedOption(_ option: String) -> (word: ShellWord, value: String)? {
        for (i, word) in command.words.enumerated() {
            if word.value == option, i + 1 < command.words.count { return (command.words[i + 1], resolved[i + 1]) }
            if word.value.hasPrefix(option + "=") { return (word, String(resolved[i].dropFirst(option.count + 1))) }
        }
        return nil
    }
}

/// One step with what is known at its position (a class: rules pass steps around a lot, copies must be cheap).
public final class StepFacts: Sendable {
    /// Index of the job in the workflow.
    public let jobIndex: Int
    /// The step.
    public let view: StepView
    /// The scope visible to the step (its own `env` included).
    public let scope: ValueScope
    /// The `run:` script, if any.
    public let script: Script?
    /// Which variables carry secrets in this step.
    let taint: SecretTaint

    init(jobIndex: Int, view: StepView, scope: ValueScope, script: Script?, taint: SecretTaint) {
        self.jobIndex = jobIndex
        self.view = view
        self.scope = scope
        self.script = script
        self.taint = taint
    }

    /// Resolves a text against the step's scope.
    public func resolve(_ text: String) -> String { scope.resolve(text) }
}

/// One job with its steps.
public struct JobFacts: Sendable {
    /// Index in the workflow.
    public let index: Int
    /// The job.
    public let view: JobView
    /// Its steps.
    public let steps: [StepFacts]
}

/// A scalar of a workflow file with the key it is the value of (nil for keys and sequence items).
struct ScalarEntry: Sendable {
    let node: Node
    let key: String?
}

/// Everything a workflow rule may ask about one workflow file (a class: every rule receives it, copies must be cheap).
public final class WorkflowContext: Sendable {
    /// The file's text.
    public let source: SourceText
    /// The tolerant view.
    public let workflow: WorkflowView
    /// Jobs with step facts.
    public let jobs: [JobFacts]
    /// Other files of the repository (task definitions).
    public let repository: RepositoryFiles
    /// Deployment facts (pushes, logins, renders, deploys, AWS commands).
    public let deployment: DeploymentFacts

    /// True when the file is a composite action shown as a one-job workflow (see `CompositeAction`).
    public let isCompositeAction: Bool

    /// Whether the file uses YAML aliases (which fixes refuse), computed once when a fix first asks.
    let usesAliases: LazyValue<Bool>

    /// Builds the context for a parsed workflow, or for a composite action's steps.
    public init(source: SourceText, root: Node, repository: RepositoryFiles) {
        self.source = source
        self.repository = repository
        isCompositeAction = CompositeAction.isAction(root)
        usesAliases = LazyValue { SourceEdits.containsAlias(root) }
        let view = WorkflowView(root: isCompositeAction ? CompositeAction.workflowRoot(of: root) : root)
        self.workflow = view
        // One budget for every resolution of the file (see `ResolutionBudget`), rules' included.
        var base = ValueScope(budget: ResolutionBudget(fileSize: source.bytes.count))
        for input in WorkflowView.entries(of: view.onPair?.value["workflow_call"]?["inputs"])
            + WorkflowView.entries(of: view.onPair?.value["workflow_dispatch"]?["inputs"]) {
            if let value = input.value["default"]?.scalar { base.inputs[input.name] = value }
        }
        for entry in view.env { if let text = entry.text { base.env[entry.name] = base.resolvedValue(text) } }
        var jobs: [JobFacts] = []
        jobs.reserveCapacity(view.jobs.count)
        let workflowTaint = SecretTaint.taintedNames(view.env)
        for (jobIndex, job) in view.jobs.enumerated() {
            var scope = base
            for entry in job.env { if let text = entry.text { scope.env[entry.name] = scope.resolvedValue(text) } }
            var steps: [StepFacts] = []
            steps.reserveCapacity(job.steps.count)
            let inheritedTaint = workflowTaint.union(SecretTaint.taintedNames(job.env))
            for step in job.steps {
                var stepScope = scope
                for entry in step.env { if let text = entry.text { stepScope.env[entry.name] = scope.resolvedValue(text) } }
                var script: Script?
                if let run = step.run, run.scalar != nil {
                    script = WorkflowContext.readScript(run, source: source, scope: &stepScope, jobScope: &scope, stepID: step.id)
                }
                if let id = step.id, let action = step.action {
                    if action.repository == AWSActionCatalog.ecrLogin {
                        let isPublic = step.input("registry-type")?.text == "public"
                        scope.stepOutputs[id, default: [:]]["registry"] = isPublic ? "public.ecr.aws" : ImageReference.ecrLoginRegistry
                    }
                    if action.repository == "docker/metadata-action" {
                        scope.stepOutputs[id, default: [:]].merge(WorkflowContext.metadataOutputs(step, scope: stepScope)) { $1 }
                    }
                    if action.repository == AWSActionCatalog.renderTaskDefinition {
                        scope.stepOutputs[id, default: [:]]["task-definition"] = "<rendered:\(id)>"
                    }
                }
                if let id = step.id, let outputs = stepScope.stepOutputs[id] {
                    scope.stepOutputs[id, default: [:]].merge(outputs) { $1 }
                }
                steps.append(StepFacts(jobIndex: jobIndex, view: step, scope: stepScope, script: script,
                                       taint: SecretTaint(view: step, script: script, inherited: inheritedTaint)))
            }
            for output in job.outputs {
                if let text = output.text { base.jobOutputs[job.id, default: [:]][output.name] = scope.resolvedValue(text) }
            }
            jobs.append(JobFacts(index: jobIndex, view: job, steps: steps))
        }
        // Job outputs may be read by jobs declared earlier (needs order is free): resolve once more for them.
        self.jobs = base.jobOutputs.isEmpty ? jobs : jobs.map { job in
            JobFacts(index: job.index, view: job.view, steps: job.steps.map { step in
                var scope = step.scope
                scope.jobOutputs = base.jobOutputs
                return StepFacts(jobIndex: step.jobIndex, view: step.view, scope: scope, script: step.script, taint: step.taint)
            })
        }
        var flatSteps: [StepFacts] = []
        var commandCount = 0
        for job in self.jobs {
            for step in job.steps {
                flatSteps.append(step)
                commandCount += step.script?.commands.count ?? 0
            }
        }
        self.allSteps = flatSteps
        var commands: [(step: StepFacts, script: Script, command: ResolvedCommand)] = []
        commands.reserveCapacity(commandCount)
        for step in flatSteps {
            guard let script = step.script else { continue }
            for command in script.commands { commands.append((step, script, command)) }
        }
        self.allCommands = commands
        var collector = ScalarCollector(source: source)
        withUnsafePointer(to: root) { collector.visit($0, key: nil) }
        self.scalarEntries = collector.entries
        self.deployment = DeploymentFacts(jobs: self.jobs, source: source, mentionsECS: collector.mentionsECS)
    }

    /// Reads a script, tracking assignments and `$GITHUB_ENV`/`$GITHUB_OUTPUT` writes as it goes.
    static func readScript(_ node: Node, source: SourceText, scope: inout ValueScope, jobScope: inout ValueScope,
                           stepID: String?) -> Script {
        // The text before and after the first `=` Character, found on bytes when the `=` has ASCII neighbours (then it
        // is a Character of its own, and no earlier `=` byte exists to be part of a longer one).
        func splitAtEquals(_ text: Substring) -> (name: Substring, value: Substring)? {
            let utf8 = text.utf8
            guard let eq = utf8.firstIndex(of: 0x3D) else { return nil }
            let next = utf8.index(after: eq)
            if (eq == utf8.startIndex || utf8[utf8.index(before: eq)] < 0x80) && (next == utf8.endIndex || utf8[next] < 0x80) {
                return (text[..<eq], text[next...])
            }
            guard let characterEq = text.firstIndex(of: "=") else { return nil }
            return (text[..<characterEq], text[text.index(after: characterEq)...])
        }
        let text = ScalarText(node: node, source: source)
        let commands = ShellReader().read(text.text)
        var resolvedCommands: [ResolvedCommand] = []
        resolvedCommands.reserveCapacity(commands.count)
        for command in commands {
            // A value unknown within the limits keeps its raw text; a variable or output set from it becomes unknown.
            let knownAssignments = command.assignments.map { scope.resolvedValue($0.value) }
            let resolvedAssignments = zip(knownAssignments, command.assignments).map { $0 ?? $1.value }
            var hasUnknownWord = false
            func resolve(_ word: ShellWord) -> String {
                if let value = scope.resolvedValue(word.value) { return value }
                hasUnknownWord = true
                return word.value
            }
            // Only commands whose arguments rules look at are resolved (resolution is a large part of lint time).
            let resolved = ResolvedCommand.needsResolution(command.name) ? command.words.map(resolve) : command.words.map(\.value)
            resolvedCommands.append(ResolvedCommand(command: command, resolved: resolved,
                                                    resolvedAssignments: resolvedAssignments, index: resolvedCommands.count))
            // `eval $CMD` runs the command built in a variable: read the resolved text as commands too,
            // positioned on the eval command itself.
            if command.name == "eval", resolved.count > 1, let first = command.words.first, let last = command.words.last {
                let text = resolved.dropFirst().joined(separator: " ")
                for inner in ShellReader().read(text) {
                    let words = inner.words.map { ShellWord(raw: $0.raw, value: $0.value, start: first.start, end: last.end) }
                    let rebuilt = ShellCommand(words: words, assignments: [], redirects: inner.redirects, hereDocument: nil,
                                               isPipedInto: inner.isPipedInto, pipesOut: inner.pipesOut,
                                               substitutionDepth: command.substitutionDepth + 1)
                    resolvedCommands.append(ResolvedCommand(command: rebuilt, resolved: words.map(\.value),
                                                            resolvedAssignments: [], index: resolvedCommands.count))
                }
            }
            if command.words.isEmpty {
                for (assignment, known) in zip(resolvedAssignments, knownAssignments) {
                    guard let (variable, value) = splitAtEquals(Substring(assignment)) else { continue }
                    scope.env[String(variable)] = known == nil ? nil : String(value)
                }
            }
            guard let name = command.name, name == "echo" || name == "printf" else { continue }
            let target = command.outputTarget.map { $0.value } ?? ""
            let writesEnv = target.fastContains("GITHUB_ENV")
            let writesOutput = !writesEnv && target.fastContains("GITHUB_OUTPUT")
            func isPayload(_ word: String) -> Bool { !word.hasPrefix("-") || word.fastContains("=") }
            // Most echoes write to the log: build the payload only when it can set a variable or an output (a
            // `::set-output` payload starts with its first word, which holds no blank).
            guard writesEnv || (stepID != nil && (writesOutput
                || resolved.dropFirst().first(where: isPayload)?.hasPrefix("::set-output") == true)) else { continue }
            let payload = resolved.dropFirst().filter(isPayload).joined(separator: " ")
            var lines: [Substring] {
                let text = name == "printf" ? payload.replacingEscapedNewlines() : payload
                // Without a CR (which joins a following LF into one Character) every LF byte is a "\n" Character.
                guard !text.utf8.contains(0x0D) else { return text.split(separator: "\n") }
                return text.utf8.split(separator: 0x0A).map { Substring($0) }
            }
            if writesEnv {
                for line in lines {
                    guard let (variable, value) = splitAtEquals(line), !variable.fastContains("<") else { continue }
                    let key = String(variable).trimmingWhitespace()
                    let text = hasUnknownWord ? nil : String(value)
                    jobScope.env[key] = text
                    scope.env[key] = text
                }
            } else if writesOutput, let stepID {
                for line in lines {
                    guard let (output, value) = splitAtEquals(line), !output.fastContains("<") else { continue }
                    scope.stepOutputs[stepID, default: [:]][String(output).trimmingWhitespace()] = hasUnknownWord ? nil : String(value)
                }
            } else if let stepID, payload.hasPrefix("::set-output name=") {
                let rest = payload.dropFirst("::set-output name=".count)
                if let sep = rest.firstRange(of: "::") {
                    scope.stepOutputs[stepID, default: [:]][String(rest[..<sep.lowerBound])] = hasUnknownWord ? nil : String(rest[sep.upperBound...])
                }
            }
        }
        return Script(node: node, text: text, commands: resolvedCommands)
    }

    /// What `docker/metadata-action` outputs as `version` and `tags`, as far as its `tags:` rules tell.
    ///
    /// The version is the highest-priority tag: a branch or pull-request ref (the branch name, mutable) beats a
    /// `type=sha` tag.
    static func metadataOutputs(_ step: StepView, scope: ValueScope) -> [String: String] {
        let rules = (step.input("tags")?.text ?? "").split(separator: "\n").map { $0.trimmingWhitespace() }
        let images = (step.input("images")?.text ?? "").split(whereSeparator: { $0 == "\n" || $0 == "," })
            .map { scope.resolve($0.trimmingWhitespace()) }.filter { !$0.isEmpty }
        var version: String?
        if rules.contains(where: { $0.fastContains("event=branch") || $0.fastContains("event=pr") }) {
            version = "${{ github.ref_name }}"
        } else if rules.contains(where: { $0.hasPrefix("type=semver") || $0.fastContains("event=tag") }) {
            version = nil
        } else if let raw = rules.first(where: { $0.hasPrefix("type=raw") }), let value = raw.split(separator: ",").first(where: { $0.hasPrefix("value=") }) {
            version = String(value.dropFirst(6))
        } else if rules.contains(where: { $0.hasPrefix("type=sha") }) {
            version = "sha-${{ github.sha }}"
        }
        guard let version else { return [:] }
        var outputs = ["version": version]
        if let image = images.first { outputs["tags"] = image + ":" + version }
        return outputs
    }

    /// The location of a node of this file.
    public func location(of node: Node) -> SourceLocation { source.location(of: node) }

    /// The location of a node's first line only (for findings about a whole step or job).
    public func headLocation(of node: Node) -> SourceLocation {
        let start = node.start
        let lineText = source.lineText(start.line)
        let endColumn = max(start.column + 1, lineText.count + 1)
        return SourceLocation(path: source.path, line: start.line, column: start.column, endLine: start.line, endColumn: endColumn)
    }

    /// The location of a word of a script.
    public func location(of word: ShellWord, in script: Script) -> SourceLocation {
        script.text.location(in: source, from: word.start, to: word.end)
    }

    /// The location of a whole command of a script.
    public func location(of command: ShellCommand, in script: Script) -> SourceLocation {
        guard let first = command.words.first ?? command.assignments.first else { return location(of: script.node) }
        let last = command.words.last ?? first
        return script.text.location(in: source, from: first.start, to: last.end)
    }

    /// The location of a step: its `- ` item (first line).
    public func location(ofStep step: StepFacts) -> SourceLocation { headLocation(of: step.view.node) }

    /// Every step of every job, in order (computed once: rules ask for it often).
    public let allSteps: [StepFacts]
    /// Every script command with its step, in order.
    public let allCommands: [(step: StepFacts, script: Script, command: ResolvedCommand)]
    /// Every scalar of the file (keys included) in document order, with the key it is the value of.
    public var scalarNodes: [(node: Node, key: String?)] { scalarEntries.map { ($0.node, $0.key) } }
    /// The same scalars as structs: rules walk them for every file, and copying a generic tuple element goes through
    /// the runtime's value witnesses (a profile showed it as a large share of lint time), a struct's does not.
    let scalarEntries: [ScalarEntry]

    /// The effective `permissions` node for a job (its own, else the workflow's).
    public func permissions(for job: JobView) -> Node? { job.permissions ?? workflow.permissions }
}

extension String {
    /// `\n` escapes (as `printf` reads them) turned into line breaks.
    func replacingEscapedNewlines() -> String {
        var out = ""
        var iterator = makeIterator()
        while let c = iterator.next() {
            if c == "\\" {
                if let n = iterator.next() { out.append(n == "n" ? "\n" : n) }
            } else {
                out.append(c)
            }
        }
        return out
    }
}
