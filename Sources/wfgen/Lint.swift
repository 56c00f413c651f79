import ArgumentParser
import Foundation
import Lint

extension OutputFormat: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

extension WFGen {
    /// `wfgen lint`: check workflows and task definitions for ECS deployment mistakes.
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lint",
            abstract: "Find ECR/ECS confusion, missing service updates, leaked secrets and absent health checks.",
            discussion: """
                Lints *.yml/*.yaml workflows and the *.json task definitions they name (paths relative to the \
                repository root). Exit codes: 0 clean, 1 findings at or above the fail level, 2 usage or unreadable \
                input, 3 internal error. --fix applies the safe mechanical fixes, prints them, then reports what is \
                left (exit code by the remaining findings); --diff prints the fixes as a unified diff, writes nothing and \
                exits 1 when there is something to fix.
                """
        )

        @Argument(help: "Workflow files, task-definition files or folders (default: .github/workflows).")
        var paths: [String] = []

        @Option(help: "Output format: text, json, sarif or github.")
        var format: OutputFormat = .text

        @Option(help: "Hide findings below this severity (note, warning, error).")
        var minSeverity: Severity?

        @Option(help: "Exit 1 when a finding is at or above this severity (default: warning).")
        var failLevel: Severity?

        @Option(help: "Configuration file (default: <root>/.wfgen.yml when present).")
        var config: String?

        @Option(help: "Repository root that workflows name task definitions relative to (default: the current folder).")
        var root: String?

        @Flag(help: "Apply the safe mechanical fixes in place, print them, then report the remaining findings.")
        var fix = false

        @Flag(help: "Print the fixes --fix would apply as a unified diff; write nothing (exit 1 when there are any).")
        var diff = false

        func validate() throws {
            if fix && diff { throw ValidationError("--fix and --diff cannot be used together") }
        }

        func run() throws {
            var output = StandardOutput()
            var errors = StandardError()
            let invocation = LintInvocation(paths: paths, format: format, minimumSeverity: minSeverity, failLevel: failLevel,
                                            configPath: config, root: root,
                                            workingDirectory: FileManager.default.currentDirectoryPath,
                                            fixMode: fix ? .fix : diff ? .diff : .report)
            let code = LintRunner.run(invocation, output: &output, errors: &errors)
            try output.finish()
            if code != .clean { throw ExitCode(code.rawValue) }
        }
    }
}
