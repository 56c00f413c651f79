import ArgumentParser

/// The `wfgen` command: lint deployment workflows (this branch ships only the linter's subcommands).
@main
struct WFGen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wfgen",
        abstract: "Safe build → ECR → ECS pipelines: lint deployment workflows and task definitions.",
        version: "0.1.0",
        subcommands: [Lint.self, Explain.self, Rules.self]
    )
}
