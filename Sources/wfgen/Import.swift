import ArgumentParser
import Foundation
import Generate
import Import

extension WFGen {
    /// `wfgen import`: take over existing workflows and task definitions as Swift in workflows-src/.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Turn existing workflows and task-definition JSON into Swift in workflows-src/, regenerated at their own paths.",
            discussion: """
                Writes one Swift file per input under workflows-src/Imported/ and lists them in \
                workflows-src/Imported.swift; records each input in generated/wfgen-manifest.json, so the next \
                `swift run wfgen` replaces exactly the imported bytes with the generated file (a file changed after \
                the import is left alone). Run it at the repository root, after `wfgen init`.
                """)

        @Argument(help: "Workflow files (.github/workflows/*.yml), task-definition JSON files, or folders of them.")
        var paths: [String]

        @Option(help: "Repository root (default: the current folder).")
        var root: String?

        func run() throws {
            var output = StandardOutput()
            var errors = StandardError()
            let status = ImportCommand(root: root ?? FileManager.default.currentDirectoryPath, paths: paths)
                .run(output: &output, errors: &errors)
            try output.finish()
            if status != .ok { throw ExitCode(status.rawValue) }
        }
    }
}

