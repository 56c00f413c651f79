import ArgumentParser
import Lint

extension WFGen {
    /// `wfgen explain RULE`: print a rule's documentation.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "explain", abstract: "Print the documentation of a lint rule.")

        @Argument(help: "The rule id, e.g. deploy-without-stability-wait.")
        var rule: String

        func run() throws {
            var output = StandardOutput()
            var errors = StandardError()
            let code = RuleDocsCommand.explain(rule, output: &output, errors: &errors)
            try output.finish()
            if code != .clean { throw ExitCode(code.rawValue) }
        }
    }
}
