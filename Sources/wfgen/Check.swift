import ArgumentParser
import Generate

extension WFGen {
    /// `wfgen check`: the drift check for pre-commit and pull requests; writes nothing.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Exit 1 with a unified diff when a generated file is missing, stale or hand-edited; write nothing.")

        @OptionGroup var options: GenerationOptions

        func run() throws {
            var output = StandardOutput()
            var errors = StandardError()
            guard let commands = options.commands else { throw ExitCode(CommandStatus.inputError.rawValue) }
            let status = commands.check(output: &output, errors: &errors)
            try output.finish()
            if status != .ok { throw ExitCode(status.rawValue) }
        }
    }
}
