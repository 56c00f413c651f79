public import Workflow
import YAML

/// What `wfgen import` made of one file: the Swift source and the escape hatches it had to use.
public struct ImportedSource: Sendable, Hashable {
    /// A Swift file defining `func <symbol>() -> Workflow` (or `-> TaskDefinitionFile`).
    public let source: String
    /// Every value that went through an escape hatch, and why; each is also a `// wfgen import:` comment.
    public let notes: [ImportNote]
}

/// A workflow read into the typed model, with the notes of what went through an escape hatch.
public struct ImportedWorkflow: Sendable {
    /// The typed workflow; rendering it gives back the original file's data.
    public let workflow: Workflow
    /// What went through an escape hatch, and why.
    public let notes: [ImportNote]
}

/// `.github/workflows/*.yml` → typed `Workflow` → Swift source that builds the same workflow.
public enum WorkflowImporter {
    /// The workflow in `yaml`, read from `path` (its last component becomes the generated file's name).
    public static func workflow(yaml: String, path: String) throws(ImportError) -> ImportedWorkflow {
        let document: Document
        do {
            document = try YAMLParser().parse(yaml)
        } catch {
            throw ImportError(.syntax, "invalid YAML: \(error.message)", at: error.mark)
        }
        guard let root = document.root, root.mapping != nil else {
            throw ImportError(.notAWorkflow, "the document is not a mapping", at: document.root?.start ?? .start)
        }
        var notes = Notes()
        var workflow = try read(root, fileName: fileName(of: path), notes: notes, typedBindings: true)
        var errors = WorkflowValidator.diagnostics(for: workflow).filter { $0.severity == .error }
        if !errors.isEmpty {
            // A typed binding checks more (the permissions its action needs): keep the generic steps then.
            notes = Notes()
            workflow = try read(root, fileName: fileName(of: path), notes: notes, typedBindings: false)
            errors = WorkflowValidator.diagnostics(for: workflow).filter { $0.severity == .error }
        }
        if let first = errors.first {
            throw ImportError(.invalid, "the imported workflow does not pass wfgen's checks: \(first.message)", at: .start)
        }
        return ImportedWorkflow(workflow: workflow, notes: notes.items)
    }

    /// Swift source defining `func <symbol>() -> Workflow`, which builds the workflow in `yaml`.
    public static func swiftSource(yaml: String, path: String, symbol: String) throws(ImportError) -> ImportedSource {
        let imported = try workflow(yaml: yaml, path: path)
        guard SwiftSyntax.isIdentifier(symbol) else {
            throw ImportError(.invalid, "'\(symbol)' is not a Swift identifier", at: .start)
        }
        let source = WorkflowPrinter(symbol: symbol, originalPath: path).print(imported.workflow)
        return ImportedSource(source: source, notes: imported.notes)
    }

    static func fileName(of path: String) -> String {
        String(path.split(separator: "/").last ?? Substring(path))
    }

    static let topKeys: Set<String> = ["name", "run-name", "on", "permissions", "env", "defaults", "concurrency", "jobs"]

    private static func read(_ root: Node, fileName: String, notes: Notes,
                             typedBindings: Bool) throws(ImportError) -> Workflow {
        var fields: [String: Node] = [:]
        for pair in root.mapping ?? [] {
            guard case .string(let key) = pair.key.value else {
                throw ImportError(.notAWorkflow, "a top-level key is not a string", at: pair.key.start)
            }
            guard topKeys.contains(key) else {
                throw ImportError(.unsupported, "top-level key '\(key)' is not part of a workflow", at: pair.key.start)
            }
            fields[key] = pair.value
        }
        guard let on = fields["on"] else { throw ImportError(.notAWorkflow, "the workflow has no on:", at: root.start) }
        guard let jobsNode = fields["jobs"], let jobPairs = jobsNode.mapping, !jobPairs.isEmpty else {
            throw ImportError(.notAWorkflow, "the workflow has no jobs:", at: root.start)
        }
        func typed<T>(_ key: String, _ read: (Node) throws(Unsupported) -> T) throws(ImportError) -> T? {
            guard let node = fields[key] else { return nil }
            do {
                return try read(node)
            } catch {
                throw ImportError(.unsupported, "\(key): \(error.what)", at: error.mark)
            }
        }
        var triggers = TriggerReader(notes: notes)
        let on2 = try triggers.triggers(on)
        return Workflow(
            fileName,
            name: try typed("name") { n throws(Unsupported) in try NodeReading.string(n, "name") },
            runName: try typed("run-name") { n throws(Unsupported) in try NodeReading.interpolated(n, "run-name") },
            on: on2,
            permissions: try typed("permissions", PermissionsReader.permissions) ?? .repositoryDefault,
            env: try typed("env") { n throws(Unsupported) in
                let env = try NodeReading.inputPairs(n, "env", isEnv: true)
                if env.isEmpty { throw Unsupported("env is empty", at: n) }
                return env
            } ?? [],
            defaults: try typed("defaults", DefaultsReader.defaults),
            concurrency: try typed("concurrency", JobReader.concurrency),
            jobs: try jobs(jobPairs, notes: notes, typedBindings: typedBindings))
    }

    /// The jobs in file order, each built after the jobs it needs.
    private static func jobs(_ pairs: [Node.Pair], notes: Notes, typedBindings: Bool) throws(ImportError) -> [Job] {
        var order: [String] = []
        var nodes: [String: Node] = [:]
        for pair in pairs {
            guard case .string(let id) = pair.key.value else {
                throw ImportError(.notAWorkflow, "a job id is not a string", at: pair.key.start)
            }
            order.append(id)
            nodes[id] = pair.value
        }
        let reader = JobReader(notes: notes, typedBindings: typedBindings)
        var built: [String: Job] = [:]
        var visiting: Set<String> = []
        func build(_ id: String, from mark: Mark) throws(ImportError) -> Job {
            if let job = built[id] { return job }
            guard let node = nodes[id] else { throw ImportError(.invalid, "a job needs '\(id)', which does not exist", at: mark) }
            guard visiting.insert(id).inserted else { throw ImportError(.invalid, "needs form a cycle through '\(id)'", at: node.start) }
            var needs: [Job] = []
            for need in try JobReader.needs(node) { needs.append(try build(need, from: node.start)) }
            let job = reader.job(id, node, needs: needs)
            built[id] = job
            return job
        }
        var result: [Job] = []
        for id in order { result.append(try build(id, from: .start)) }
        return result
    }
}
