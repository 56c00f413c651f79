import ArgumentParser

/// The `wfgen` command: compile typed pipelines into workflows, check them for drift, lint any workflow.
@main
struct WFGen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wfgen",
        abstract: "Compile typed Swift pipelines (workflows-src/) into GitHub Actions workflows and ECS task definitions.",
        subcommands: [Generate.self, Check.self],
        defaultSubcommand: Generate.self
    )
}
