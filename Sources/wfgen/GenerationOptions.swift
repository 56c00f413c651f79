import ArgumentParser
import Foundation
import Generate
import Pipelines

/// Options shared by `generate` and `check`.
struct GenerationOptions: ParsableArguments {
    @Option(name: .long, help: "Directory holding .github/workflows/ and generated/ (default: the package that defines workflows-src/).")
    var root: String?

    func validate() throws {
        var isDirectory: ObjCBool = false
        if let root, !(FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) && isDirectory.boolValue) {
            throw ValidationError("--root \(root) is not a directory")
        }
        if root == nil, !FileManager.default.fileExists(atPath: Project.packageRoot + "/workflows-src") {
            throw ValidationError("the package this wfgen was built from (\(Project.packageRoot)) is not here; pass --root <package>")
        }
    }

    /// The library run for these options, over this package's definitions.
    var commands: GenerationCommands {
        GenerationCommands(definitions: Definitions(workflows: Project.workflows, pipelines: Project.pipelines),
                           packageRoot: Project.packageRoot, outputRoot: root ?? Project.packageRoot)
    }
}
