import ArgumentParser
import Foundation

/// The `wfgen` command: compile typed pipelines into workflows, check them for drift, lint any workflow.
///
/// Exit status: 0 ok, 1 drift (check) or findings (lint), 2 definition, usage or input error, 3 internal error.
///
/// Every command names itself (`commandName:`): otherwise argument-parser derives each name from the type's name
/// through runtime reflection on every start, a fixed cost paid by every pre-commit and CI run.
@main
struct WFGen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wfgen",
        abstract: "Compile typed Swift pipelines (workflows-src/) into GitHub Actions workflows and ECS task definitions.",
        subcommands: [Generate.self, Check.self, Lint.self, Explain.self, Rules.self],
        defaultSubcommand: Generate.self
    )

    /// Parses and runs, mapping argument-parser's usage status (64) to wfgen's 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
