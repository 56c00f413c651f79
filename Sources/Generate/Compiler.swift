public import Workflow
import ECS
import YAML

/// What compiling the definitions produced: the files to write and the warnings to print.
public struct Compilation: Sendable {
    /// Every file, sorted by path, the manifest included.
    public let files: [GeneratedFile]
    /// Warnings, sorted by location.
    public let warnings: [Diagnostic]
}

/// Compiles definitions into files: validates everything first and writes nothing itself.
public enum Compiler {
    /// Compiles `definitions`; file headers name sources relative to `packageRoot`.
    ///
    /// Throws `DefinitionErrors` (with every error and warning) when any definition is invalid.
    public static func compile(_ definitions: Definitions, packageRoot: String) throws(DefinitionErrors) -> Compilation {
        var diagnostics: [Diagnostic] = []
        var workflows: [Workflow] = definitions.workflows
        var taskDefinitions: [(RenderedTaskDefinition, SourceLocation)] = []
        var iamNeeds: [IAMNeed] = []
        for pipeline in definitions.pipelines {
            let compiled = PipelineCompiler.compile(pipeline)
            diagnostics += compiled.diagnostics
            workflows.append(compiled.workflow)
            taskDefinitions += compiled.taskDefinitions.map { ($0, pipeline.location) }
            iamNeeds += compiled.iam
        }
        let iam = IAMDocuments.render(iamNeeds)
        diagnostics += iam.diagnostics
        for file in definitions.taskDefinitionFiles { diagnostics += file.diagnostics }
        for workflow in workflows { diagnostics += WorkflowValidator.diagnostics(for: workflow) }

        var files: [GeneratedFile] = []
        var firstDefinition: [String: SourceLocation] = [:]
        func claim(_ path: String, at location: SourceLocation) -> Bool {
            if let first = firstDefinition[path] {
                diagnostics.append(.error("\(path) is generated twice (first defined at \(first))", at: location))
                return false
            }
            firstDefinition[path] = location
            return true
        }

        let unique = Array(Set(diagnostics)).sorted { ($0.location, $0.message) < ($1.location, $1.message) }
        if unique.contains(where: { $0.severity == .error }) { throw DefinitionErrors(unique) }

        for workflow in workflows {
            let path = ".github/workflows/" + workflow.fileName
            guard claim(path, at: workflow.location) else { continue }
            let source = Diagnostic.relativePath(workflow.location.file, to: packageRoot)
            let text: String
            do {
                text = try YAMLEmitter().emit(WorkflowRenderer.render(workflow), header: YAMLHeader.lines(source: source))
            } catch {
                diagnostics.append(.error("could not emit \(path): \(error)", at: workflow.location))
                continue
            }
            files.append(GeneratedFile(path: path, contents: text, source: source, kind: .workflow))
        }
        for (rendered, location) in taskDefinitions {
            guard claim(rendered.path, at: rendered.definition.location) else { continue }
            files.append(GeneratedFile(path: rendered.path, contents: rendered.definition.json.text,
                                       source: Diagnostic.relativePath(location.file, to: packageRoot), kind: .json))
        }
        for file in definitions.taskDefinitionFiles where claim(file.path, at: file.location) {
            files.append(GeneratedFile(path: file.path, contents: file.json.text,
                                       source: Diagnostic.relativePath(file.location.file, to: packageRoot), kind: .json))
        }
        for policy in iam.documents where claim(policy.path, at: policy.location) {
            files.append(GeneratedFile(path: policy.path, contents: policy.json.text,
                                       source: Diagnostic.relativePath(policy.location.file, to: packageRoot), kind: .json))
        }
        let all = Array(Set(diagnostics)).sorted { ($0.location, $0.message) < ($1.location, $1.message) }
        if all.contains(where: { $0.severity == .error }) { throw DefinitionErrors(all) }

        files.sort { $0.path < $1.path }
        let manifest = Manifest(entries: files.map {
            Manifest.Entry(path: $0.path, source: $0.source, fingerprint: Fingerprint.of($0.contents))
        })
        files.append(GeneratedFile(path: Manifest.path, contents: manifest.rendered(), source: "", kind: .manifest))
        files.sort { $0.path < $1.path }
        return Compilation(files: files, warnings: all)
    }
}
