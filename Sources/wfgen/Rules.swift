import ArgumentParser
import Lint

extension WFGen {
    /// `wfgen rules`: list every lint rule.
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the lint rules by family, with severity and summary.")

        func run() throws {
            var output = StandardOutput()
            RuleDocsCommand.list(output: &output)
            try output.finish()
        }
    }
}
