import ArgumentParser
import Foundation
// A consumer's workflows-src/ imports only this module: the DSL and `Definitions` come with it.
@_exported import ECS
@_exported import Generate
@_exported import Workflow
// Imported workflows name YAML values in their escape hatches.
@_exported import YAML

/// The `wfgen` command: compile typed pipelines into workflows, check them for drift, lint any workflow, and set up
/// or take over a repository.
///
/// Exit status: 0 ok, 1 drift (check) or findings (lint), 2 definition, usage or input error, 3 internal error.
///
/// Every command names itself (`commandName:`): otherwise argument-parser derives each name from the type's name
/// through runtime reflection on every start, a fixed cost paid by every pre-commit and CI run.
struct WFGen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wfgen",
        abstract: "Compile typed Swift pipelines (workflows-src/) into GitHub Actions workflows and ECS task definitions.",
        subcommands: [Generate.self, Check.self, Lint.self, Explain.self, Rules.self, Init.self, Import.self],
        defaultSubcommand: Generate.self
    )
}

/// How a program runs wfgen: a repository's `workflows-src/main.swift` with its definitions, the prebuilt binary
/// without any.
public enum WFGenMain {
    /// Runs the command line over `definitions`. The package root is the folder holding the folder of `file`, so
    /// `workflows-src/main.swift` calling `WFGenMain.run(definitions)` names its own repository.
    public static func run(_ definitions: Definitions, file: StaticString = #filePath) -> Never {
        let path = "\(file)"
        let sourceFolder = (path as NSString).deletingLastPathComponent
        run(LoadedDefinitions(definitions: definitions, packageRoot: (sourceFolder as NSString).deletingLastPathComponent))
    }

    /// Runs the command line with no definitions compiled in: `generate` and `check` then say where to run them.
    public static func runWithoutDefinitions() -> Never { run(nil) }

    private static func run(_ loaded: LoadedDefinitions?) -> Never {
        LoadedDefinitions.current = loaded
        do {
            var command = try WFGen.parseAsRoot()
            try command.run()
            Foundation.exit(0)
        } catch {
            // argument-parser's usage status is 64; wfgen's is 2.
            if WFGen.exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((WFGen.fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            WFGen.exit(withError: error)
        }
    }
}

/// The definitions this process was started with, and the package that holds them.
struct LoadedDefinitions {
    let definitions: Definitions
    let packageRoot: String

    /// Set once by `WFGenMain` before any command is parsed, read by `generate` and `check`; never written again.
    nonisolated(unsafe) static var current: LoadedDefinitions?
}
