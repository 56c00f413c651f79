import ArgumentParser
import Generate
import Pipelines

/// Options shared by `generate` and `check`.
struct GenerationOptions: ParsableArguments {
    @Option(name: .long, help: "Directory holding .github/workflows/ and generated/ (default: the package that defines workflows-src/).")
    var root: String?

    /// The library run for these options, over this package's definitions.
    var commands: GenerationCommands {
        GenerationCommands(definitions: Definitions(workflows: Project.workflows, pipelines: Project.pipelines),
                           packageRoot: Project.packageRoot, outputRoot: root ?? Project.packageRoot)
    }
}

/// Standard output and standard error as text streams.
struct StandardOutput: TextOutputStream {
    mutating func write(_ string: String) { print(string, terminator: "") }
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        var stream = FileHandleStream()
        stream.write(string)
    }
}
