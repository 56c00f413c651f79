import Foundation
import YAML

/// A file to lint.
public struct LintTarget: Sendable, Hashable {
    /// What the file holds.
    public enum Kind: Sendable, Hashable {
        /// A GitHub Actions workflow.
        case workflow
        /// An ECS task-definition JSON file.
        case taskDefinition
    }

    /// The path relative to the repository root (how workflows name it, and how output shows it).
    public let path: String
    /// What it holds.
    public let kind: Kind

    /// Creates a target.
    public init(path: String, kind: Kind) {
        self.path = RepositoryPath.normalize(path)
        self.kind = kind
    }
}

/// The outcome of a lint run.
public struct LintResult: Sendable {
    /// Findings after suppression and severity filtering, in output order.
    public let diagnostics: [Diagnostic]
    /// How many files were linted (workflows and task definitions).
    public let fileCount: Int
    /// Paths (of explicit targets) that could not be read.
    public let unreadable: [String]
    /// Why each unreadable path was not read.
    public let unreadableReasons: [String: FileReadRefusal]
    /// Every secret found in the linted files, by any finding (suppressed and hidden ones too) or as a private-key
    /// block: output masks them wherever they appear (see `SecretMask`).
    public var secrets: Set<String> = []
    /// Per path, how many findings were left out past `Linter.maximumFindingsPerFile`.
    public var omittedFindings: [String: Int] = [:]

    /// Creates a result.
    public init(diagnostics: [Diagnostic], fileCount: Int, unreadable: [String], unreadableReasons: [String: FileReadRefusal] = [:]) {
        self.diagnostics = diagnostics
        self.fileCount = fileCount
        self.unreadable = unreadable
        self.unreadableReasons = unreadableReasons
    }
}

/// The lint engine: runs every enabled rule over workflows and the task definitions they reference.
public struct Linter: Sendable {
    /// The rules to run.
    public let rules: [any Rule]
    /// Settings from `.wfgen.yml` and the command line.
    public let configuration: LintConfiguration

    /// Creates an engine over `rules` (all registered rules by default).
    public init(rules: [any Rule] = RuleRegistry.all, configuration: LintConfiguration = LintConfiguration()) {
        self.rules = rules
        self.configuration = configuration
    }

    /// Lints `targets` read from `repository`; referenced task definitions are loaded and linted too.
    public func lint(_ targets: [LintTarget], in repository: RepositoryFiles) -> LintResult {
        let enabled = rules.filter { !configuration.disabledRules.contains($0.id) }
        let unique = Array(Set(targets)).sorted { $0.path < $1.path }
        let workflows = unique.filter { $0.kind == .workflow }
        let workflowResults = ParallelMap.map(workflows) { target in
            lintWorkflow(target, repository: repository, rules: enabled)
        }
        var taskDefinitionPaths = Set(unique.filter { $0.kind == .taskDefinition }.map(\.path))
        var unreadable: [String] = []
        var reasons: [String: FileReadRefusal] = [:]
        var diagnostics: [Diagnostic] = []
        var secrets: Set<String> = []
        var omitted: [String: Int] = [:]
        for result in workflowResults {
            diagnostics += result.diagnostics
            secrets.formUnion(result.secrets)
            if result.omitted > 0 { omitted[result.path] = result.omitted }
            if let refusal = result.refusal {
                unreadable.append(result.path)
                reasons[result.path] = refusal
            }
            for path in result.referencedTaskDefinitions where repository.read(path) != nil {
                taskDefinitionPaths.insert(path)
            }
        }
        let explicitTaskDefinitions = Set(unique.filter { $0.kind == .taskDefinition }.map(\.path))
        let taskResults = ParallelMap.map(taskDefinitionPaths.sorted()) { path in
            lintTaskDefinition(path, repository: repository, rules: enabled, explicit: explicitTaskDefinitions.contains(path))
        }
        for result in taskResults {
            diagnostics += result.diagnostics
            secrets.formUnion(result.secrets)
            if result.omitted > 0 { omitted[result.path] = result.omitted }
            if let refusal = result.refusal {
                unreadable.append(result.path)
                reasons[result.path] = refusal
            }
        }
        let filtered = diagnostics.filter { $0.severity >= configuration.minimumSeverity }.sorted(by: Diagnostic.outputOrder)
        var result = LintResult(diagnostics: filtered, fileCount: workflows.count + taskDefinitionPaths.count,
                                unreadable: unreadable.sorted(), unreadableReasons: reasons)
        result.secrets = secrets
        result.omittedFindings = omitted
        return result
    }

    private struct FileResult: Sendable {
        let path: String
        var diagnostics: [Diagnostic] = []
        var referencedTaskDefinitions: [String] = []
        /// Why the file was not read (explicit targets only).
        var refusal: FileReadRefusal?
        /// The secrets found in the file.
        var secrets: Set<String> = []
        /// Findings left out past `maximumFindingsPerFile`.
        var omitted = 0
    }

    private func lintWorkflow(_ target: LintTarget, repository: RepositoryFiles, rules: [any Rule]) -> FileResult {
        var result = FileResult(path: target.path)
        let bytes: [UInt8]
        switch repository.readChecked(target.path) {
        case .success(let read): bytes = read
        case .failure(let refusal):
            result.refusal = refusal
            return result
        }
        let source = SourceText(path: target.path, bytes: ByteOrderMark.stripped(bytes))
        var findings: [(Rule, Finding)] = []
        do {
            let document = try YAMLParser().parse(source.bytes)
            let root = document.root ?? Node(kind: .mapping([]), span: document.span)
            let context = WorkflowContext(source: source, root: root, repository: ReadOnceRepository(base: repository))
            for rule in rules {
                for finding in rule.check(workflow: context) { findings.append((rule, finding)) }
            }
            result.referencedTaskDefinitions = TaskDefinitionReferences.paths(in: context)
        } catch {
            for rule in rules {
                for finding in rule.check(unparsable: source, error: error) { findings.append((rule, finding)) }
            }
        }
        (result.diagnostics, result.omitted) = Linter.capped(finish(findings, source: source))
        result.secrets = Linter.secrets(of: findings, source: source)
        return result
    }

    /// The secrets of a file: those its findings name (before suppression), and the lines of its private keys.
    private static func secrets(of findings: [(Rule, Finding)], source: SourceText) -> Set<String> {
        var secrets: Set<String> = []
        for (_, finding) in findings { secrets.formUnion(finding.sensitiveTexts) }
        secrets.formUnion(PrivateKeyBlocks.lines(in: source.bytes))
        return secrets
    }

    private func lintTaskDefinition(_ path: String, repository: RepositoryFiles, rules: [any Rule], explicit: Bool) -> FileResult {
        var result = FileResult(path: path)
        let bytes: [UInt8]
        switch repository.readChecked(path) {
        case .success(let read): bytes = read
        case .failure(let refusal):
            if explicit { result.refusal = refusal }
            return result
        }
        let source = SourceText(path: path, bytes: ByteOrderMark.stripped(bytes))
        var findings: [(Rule, Finding)] = []
        switch TaskDefinitionContext.parse(source) {
        case .success(let context?):
            for rule in rules {
                for finding in rule.check(taskDefinition: context) { findings.append((rule, finding)) }
            }
        case .success(nil):
            break
        case .failure(let error):
            for rule in rules {
                for finding in rule.check(unparsable: source, error: error) { findings.append((rule, finding)) }
            }
        }
        (result.diagnostics, result.omitted) = Linter.capped(finish(findings, source: source))
        result.secrets = Linter.secrets(of: findings, source: source)
        return result
    }

    /// Applies severities, inline and configured suppressions, and builds diagnostics.
    private func finish(_ findings: [(Rule, Finding)], source: SourceText) -> [Diagnostic] {
        guard !findings.isEmpty else { return [] }
        let inline = InlineSuppressions(source: source)
        // A file has a handful of findings: comparing with the kept ones finds duplicates without hashing every field.
        var seen = findings.count > 16 ? Set<Diagnostic>() : nil
        var output: [Diagnostic] = []
        for (rule, finding) in findings {
            let id = rule.id
            if inline.suppresses(id, line: finding.location.line) { continue }
            if configuration.ignores(path: source.path, line: finding.location.line, rule: id) { continue }
            let severity = configuration.severityOverrides[id] ?? rule.description.severity
            let diagnostic = Diagnostic(ruleID: id, severity: severity, message: finding.message, location: finding.location,
                                        related: finding.related, sensitiveTexts: finding.sensitiveTexts, fix: finding.fix)
            guard severity >= configuration.minimumSeverity else { continue }
            if seen?.insert(diagnostic).inserted ?? !output.contains(diagnostic) { output.append(diagnostic) }
        }
        return output
    }

    /// The most findings reported per file. A hostile file can hold hundreds of thousands (671k made 559 MB of
    /// SARIF in 3.1 GB of memory); past this the first ones in output order are kept and the run says how many
    /// were left out.
    public static let maximumFindingsPerFile = 1_000

    /// `diagnostics` cut to `maximumFindingsPerFile`, and how many were left out.
    private static func capped(_ diagnostics: [Diagnostic]) -> (kept: [Diagnostic], omitted: Int) {
        guard diagnostics.count > maximumFindingsPerFile else { return (diagnostics, 0) }
        let sorted = diagnostics.sorted(by: Diagnostic.outputOrder)
        return (Array(sorted.prefix(maximumFindingsPerFile)), sorted.count - maximumFindingsPerFile)
    }
}

/// Order-preserving parallel map over the machine's cores.
enum ParallelMap {
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let slots = ResultSlots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            slots.set(index, transform(items[index]))
        }
        return slots.values()
    }

    /// Results written by index from several threads under a lock.
    private final class ResultSlots<R>: @unchecked Sendable {
        private var storage: [R?]
        private let lock = NSLock()

        init(count: Int) { storage = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: R) {
            lock.lock()
            storage[index] = value
            lock.unlock()
        }

        func values() -> [R] {
            lock.lock()
            defer { lock.unlock() }
            return storage.compactMap { $0 }
        }
    }
}

/// Which task-definition files a workflow names (render/deploy `task-definition:` inputs, `file://` arguments).
enum TaskDefinitionReferences {
    static func paths(in context: WorkflowContext) -> [String] {
        var paths: [String] = []
        for job in context.jobs {
            for step in job.steps {
                if let action = step.view.action,
                   action.repository == AWSActionCatalog.renderTaskDefinition || action.repository == AWSActionCatalog.deployTaskDefinition,
                   let input = step.view.input("task-definition")?.text {
                    let resolved = step.resolve(input)
                    if !ImageReference.isUnresolved(resolved), !resolved.hasPrefix("<rendered:") {
                        paths.append(RepositoryPath.normalize(resolved.trimmingWhitespace()))
                    }
                }
                for command in step.script?.commands ?? [] {
                    guard command.command.name == "aws" else { continue }
                    for value in command.resolved where value.hasPrefix("file://") && value.hasSuffix(".json") {
                        let path = String(value.dropFirst(7))
                        if !ImageReference.isUnresolved(path), !path.hasPrefix("/") { paths.append(RepositoryPath.normalize(path)) }
                    }
                }
            }
        }
        return paths
    }
}
