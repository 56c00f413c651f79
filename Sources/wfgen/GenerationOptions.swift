import ArgumentParser
import Foundation
import Generate

/// Options shared by `generate` and `check`.
struct GenerationOptions: ParsableArguments {
    @Option(name: .long, help: "Directory holding .github/workflows/ and generated/ (default: the package that defines workflows-src/).")
    var root: String?

    func validate() throws {
        var isDirectory: ObjCBool = false
        if let root, !(FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) && isDirectory.boolValue) {
            throw ValidationError("--root \(root) is not a directory")
        }
        guard let loaded = LoadedDefinitions.current else {
            throw ValidationError("""
                this wfgen has no definitions compiled in: run `swift run wfgen` (and `swift run wfgen check`) at the \
                root of a repository whose Package.swift builds its workflows-src/; `wfgen init` sets one up
                """)
        }
        if root == nil, !FileManager.default.fileExists(atPath: loaded.packageRoot + "/workflows-src") {
            throw ValidationError("the package this wfgen was built from (\(loaded.packageRoot)) is not here; pass --root <package>")
        }
    }

    /// The library run for these options, over the definitions this process was started with (`validate` ensured
    /// there are some).
    var commands: GenerationCommands? {
        guard let loaded = LoadedDefinitions.current else { return nil }
        return GenerationCommands(definitions: loaded.definitions, packageRoot: loaded.packageRoot,
                                  outputRoot: root ?? loaded.packageRoot)
    }
}
