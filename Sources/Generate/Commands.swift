import TextDiff
import Workflow

/// The library behind `wfgen generate` and `wfgen check`; the CLI only parses arguments and calls these.
public struct GenerationCommands {
    /// What to compile.
    public let definitions: Definitions
    /// The package whose `workflows-src/` defined them; sources are named relative to it.
    public let packageRoot: String
    /// Where `.github/workflows/` and `generated/` are.
    public let outputRoot: String

    /// Prepares a run.
    public init(definitions: Definitions, packageRoot: String, outputRoot: String) {
        self.definitions = definitions
        self.packageRoot = packageRoot
        self.outputRoot = outputRoot
    }

    /// Compiles and writes every file that changed, removes stale ones; never touches files wfgen did not generate.
    public func generate(output: inout some TextOutputStream, errors: inout some TextOutputStream) -> CommandStatus {
        guard let compilation = compile(errors: &errors) else { return .inputError }
        let synchronizer = Synchronizer(tree: OutputTree(root: outputRoot), files: compilation.files)
        let plan = synchronizer.plan()
        guard plan.conflicts.isEmpty else {
            for conflict in plan.conflicts { errors.write("\(conflict.path): error: \(conflict.reason)\n") }
            errors.write("wfgen: nothing written\n")
            return .inputError
        }
        do {
            try synchronizer.apply(plan.changes, leftovers: plan.leftovers)
        } catch {
            errors.write("\(error.path): error: \(error.reason)\n")
            errors.write("wfgen: nothing written\n")
            return .inputError
        }
        for path in plan.leftovers { output.write("removed \(path) (left by an interrupted run)\n") }
        for note in plan.notes { errors.write("\(note.path): note: \(note.reason)\n") }
        for change in plan.changes {
            switch change {
            case .create(let file): output.write("created \(file.path)\n")
            case .update(let file, _, let handEdited):
                output.write("updated \(file.path)\(handEdited ? " (overwrote a hand edit)" : "")\n")
            case .delete(let path, _): output.write("removed \(path) (no longer defined)\n")
            }
        }
        output.write("wfgen: \(plan.changes.count) changed, \(plan.unchanged) unchanged\n")
        return .ok
    }

    /// Writes nothing; reports each missing, stale or hand-edited file with a unified diff.
    public func check(output: inout some TextOutputStream, errors: inout some TextOutputStream) -> CommandStatus {
        guard let compilation = compile(errors: &errors) else { return .inputError }
        let plan = Synchronizer(tree: OutputTree(root: outputRoot), files: compilation.files).plan()
        for conflict in plan.conflicts { errors.write("\(conflict.path): error: \(conflict.reason)\n") }
        for note in plan.notes { errors.write("\(note.path): note: \(note.reason)\n") }
        for path in plan.leftovers {
            errors.write("\(path): note: left by an interrupted run; `swift run wfgen` removes it\n")
        }
        for change in plan.changes {
            switch change {
            case .create(let file):
                output.write("\(file.path): missing\n")
                output.write(UnifiedDiff.diff(old: "", new: file.contents, oldName: "/dev/null", newName: "b/" + file.path))
            case .update(let file, let old, let handEdited):
                output.write("\(file.path): \(handEdited ? "hand-edited" : "stale")\n")
                output.write(UnifiedDiff.diff(old: old, new: file.contents, oldName: "a/" + file.path,
                                              newName: "b/" + file.path))
            case .delete(let path, let old):
                output.write("\(path): no longer defined\n")
                output.write(UnifiedDiff.diff(old: old, new: "", oldName: "a/" + path, newName: "/dev/null"))
            }
        }
        if !plan.conflicts.isEmpty { return .inputError }
        if plan.changes.isEmpty {
            output.write("wfgen: \(plan.unchanged) generated files up to date\n")
            return .ok
        }
        output.write("wfgen: \(plan.changes.count) files out of date; run `swift run wfgen` and commit the result\n")
        return .drift
    }

    /// Compiles, printing warnings (and errors, then returning nil) as `path:line: severity: message`.
    func compile(errors: inout some TextOutputStream) -> Compilation? {
        do {
            let compilation = try Compiler.compile(definitions, packageRoot: packageRoot)
            for warning in compilation.warnings { errors.write(warning.formatted(relativeTo: packageRoot) + "\n") }
            return compilation
        } catch {
            for diagnostic in error.diagnostics { errors.write(diagnostic.formatted(relativeTo: packageRoot) + "\n") }
            let count = error.diagnostics.filter { $0.severity == .error }.count
            errors.write("wfgen: \(count) error\(count == 1 ? "" : "s") in the definitions; nothing written\n")
            return nil
        }
    }
}
