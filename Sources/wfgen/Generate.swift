import ArgumentParser
import Generate

extension WFGen {
    /// `wfgen generate` (the default): compile workflows-src/ and write what changed.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "Compile workflows-src/ into .github/workflows/ and generated/ (atomic, byte-stable writes).")

        @OptionGroup var options: GenerationOptions

        func run() throws {
            var output = StandardOutput()
            var errors = StandardError()
            guard let commands = options.commands else { throw ExitCode(CommandStatus.inputError.rawValue) }
            let status = commands.generate(output: &output, errors: &errors)
            try output.finish()
            if status != .ok { throw ExitCode(status.rawValue) }
        }
    }
}
