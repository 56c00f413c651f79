import Foundation
import Generate
import Import

/// The work of `wfgen import`, apart from argument parsing so tests can run it in-process.
///
/// All or nothing: every input is read and translated first; only when all succeed are the Swift files and the
/// registry written (staged, then renamed) and the inputs recorded in the manifest for adoption.
struct ImportCommand {
    let root: String
    let paths: [String]
    var workingDirectory: String = FileManager.default.currentDirectoryPath

    /// One file to take over, relative to the root.
    struct Input: Hashable {
        let path: String
        let kind: ImportRegistry.Entry.Kind
    }

    func run(output: inout some TextOutputStream, errors: inout some TextOutputStream) -> CommandStatus {
        let base = URL(fileURLWithPath: workingDirectory, isDirectory: true)
        let rootURL = URL(fileURLWithPath: root, isDirectory: true, relativeTo: base).standardizedFileURL
        guard FileManager.default.fileExists(atPath: rootURL.appendingPathComponent("workflows-src").path) else {
            errors.write("wfgen import: \(rootURL.path) has no workflows-src/; run `wfgen init` there first\n")
            return .inputError
        }
        var problems: [String] = []
        let inputs = ImportInputs.collect(paths, root: rootURL, base: base, problems: &problems)
        if problems.isEmpty, inputs.isEmpty {
            problems.append("wfgen import: no workflow (.github/workflows/*.yml|yaml) or task-definition (.json) file in " +
                            paths.joined(separator: " "))
        }
        let files = RepositoryFiles(root: rootURL.path)
        let previous = ImportRegistry.importedFiles(in: rootURL, files: files)
        var symbols = Set(previous.map(\.entry.symbol))
        var entries = previous.map(\.entry)
        var writes: [(path: String, contents: String)] = []
        var adoptions: [Adoption.Record] = []
        var notes: [String] = []
        for input in inputs {
            guard let text = read(input.path, from: files, problems: &problems) else { continue }
            let entry: ImportRegistry.Entry
            let file: String
            if let earlier = previous.first(where: { $0.source == input.path && $0.entry.kind == input.kind }) {
                (entry, file) = (earlier.entry, earlier.file)
            } else {
                entry = ImportRegistry.Entry(kind: input.kind, symbol: ImportNames.symbol(for: input.path, kind: input.kind,
                                                                                          taken: symbols))
                symbols.insert(entry.symbol)
                entries.append(entry)
                file = ImportRegistry.folder + "/" + entry.symbol.prefix(1).uppercased() + entry.symbol.dropFirst() + ".swift"
            }
            do {
                let imported: ImportedSource = switch input.kind {
                case .workflow: try WorkflowImporter.swiftSource(yaml: text, path: input.path, symbol: entry.symbol)
                case .taskDefinition: try TaskDefinitionImporter.swiftSource(json: text, path: input.path, symbol: entry.symbol)
                }
                notes += imported.notes.map { "\(input.path):\($0.line):\($0.column): note: \($0.message)" }
                writes.append((file, ImportRegistry.swiftFile(imported.source, entry: entry, source: input.path)))
                adoptions.append(Adoption.Record(path: input.path, source: file))
            } catch {
                problems.append("\(input.path):\(error.line):\(error.column): error: \(error.message)")
            }
        }
        do {
            if let registry = try files.read(ImportRegistry.path), !registry.hasPrefix(ImportRegistry.marker) {
                problems.append("\(ImportRegistry.path): error: exists but was not written by wfgen; rename it, then import again")
            }
        } catch {
            problems.append("\(error.path): error: \(error.reason)")
        }
        guard problems.isEmpty else {
            for problem in problems { errors.write(problem + "\n") }
            errors.write("wfgen import: nothing written\n")
            return .inputError
        }
        writes.append((ImportRegistry.path, ImportRegistry.render(entries)))
        do {
            try files.write(writes)
            try Adoption.record(adoptions, outputRoot: rootURL.path)
        } catch let error as RepositoryFiles.Refusal {
            errors.write("\(error.path): error: \(error.reason)\nwfgen import: nothing written\n")
            return .inputError
        } catch let error as AdoptionError {
            errors.write("\(error.path): error: \(error.reason)\n")
            return .inputError
        } catch {
            errors.write("wfgen import: internal error: \(error)\n")
            return .internalError
        }
        for note in notes { errors.write(note + "\n") }
        for (input, write) in zip(inputs, writes) { output.write("imported \(input.path) into \(write.path)\n") }
        output.write("updated \(ImportRegistry.path)\n")
        if (try? files.read("workflows-src/main.swift"))??.contains("Imported.definitions") != true {
            errors.write("workflows-src/main.swift: warning: add `+ Imported.definitions` to the definitions it runs, " +
                         "or nothing imported is generated\n")
        }
        output.write("""

            Next, at \(rootURL.path):
              swift run wfgen         # regenerates each imported file at its own path, with wfgen's header
              swift run wfgen check

            """)
        return .ok
    }

    private func read(_ path: String, from files: RepositoryFiles, problems: inout [String]) -> String? {
        do {
            guard let text = try files.read(path) else {
                problems.append("\(path): error: does not exist")
                return nil
            }
            return text
        } catch {
            problems.append("\(error.path): error: \(error.reason)")
            return nil
        }
    }
}

/// Which files a `wfgen import` call names.
enum ImportInputs {
    /// The workflows and task definitions among `paths` (files, or folders read one level deep), relative to the
    /// root, in a stable order. Paths outside the root, and YAML outside `.github/workflows/`, are problems.
    static func collect(_ paths: [String], root: URL, base: URL, problems: inout [String]) -> [ImportCommand.Input] {
        var inputs: [ImportCommand.Input] = []
        for given in paths {
            let url = URL(fileURLWithPath: given, relativeTo: base).standardizedFileURL
            guard url.path.hasPrefix(root.path + "/") else {
                problems.append("\(given): error: is outside the repository root \(root.path); wfgen import takes files of the repository it writes to")
                continue
            }
            let relative = String(url.path.dropFirst(root.path.count + 1))
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                problems.append("\(given): error: does not exist")
                continue
            }
            let candidates: [String]
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
                candidates = names.sorted().map { relative + "/" + $0 }.filter { kind(of: $0) != nil }
            } else {
                candidates = [relative]
            }
            for path in candidates {
                guard let kind = kind(of: path) else {
                    problems.append("\(path): error: is neither a workflow (.yml, .yaml) nor a task definition (.json)")
                    continue
                }
                if kind == .workflow, !(path.hasPrefix(".github/workflows/") && !path.dropFirst(18).contains("/")) {
                    problems.append("\(path): error: GitHub reads workflows only directly in .github/workflows/; import them from there")
                    continue
                }
                let input = ImportCommand.Input(path: path, kind: kind)
                if !inputs.contains(input) { inputs.append(input) }
            }
        }
        return inputs
    }

    static func kind(of path: String) -> ImportRegistry.Entry.Kind? {
        if path.hasSuffix(".yml") || path.hasSuffix(".yaml") { return .workflow }
        if path.hasSuffix(".json") { return .taskDefinition }
        return nil
    }
}

/// Swift names for imported files.
enum ImportNames {
    /// A lower-camel-case function name from the file's path (its name for workflows, its whole path for task
    /// definitions), with the kind as suffix, unique among `taken`.
    static func symbol(for path: String, kind: ImportRegistry.Entry.Kind, taken: Set<String>) -> String {
        let source = kind == .workflow ? String(path.split(separator: "/").last ?? "") : path
        let stem = source.hasSuffix(".yaml") ? String(source.dropLast(5))
            : source.hasSuffix(".yml") || source.hasSuffix(".json") ? String(source.dropLast(source.hasSuffix(".yml") ? 4 : 5))
            : source
        let words = stem.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map(String.init)
        var name = words.enumerated().map { $0 == 0 ? $1.lowercased() : $1.prefix(1).uppercased() + $1.dropFirst() }.joined()
        if name.isEmpty || name.first?.isNumber == true { name = "file" + name.prefix(1).uppercased() + name.dropFirst() }
        name += kind == .workflow ? "Workflow" : "TaskDefinition"
        var candidate = name
        var counter = 2
        while taken.contains(candidate) {
            candidate = name + String(counter)
            counter += 1
        }
        return candidate
    }
}
