import ArgumentParser
import Lint
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output as a text stream that remembers a failed write, so a report sent to a full disk or a closed pipe
/// ends in a message and exit status 2 instead of a silent success (`finish()`).
struct StandardOutput: TextOutputStream {
    private var stream = CheckedOutputStream(descriptor: STDOUT_FILENO)

    mutating func write(_ string: String) { stream.write(string) }

    /// Throws exit status 2, after saying why on standard error, when a write to standard output failed.
    func finish() throws {
        guard let failure = stream.failure else { return }
        var errors = StandardError()
        errors.write("wfgen: cannot write to standard output: \(failure)\n")
        throw ExitCode(CommandStatus.inputError.rawValue)
    }
}

/// Standard error as a text stream (a failure to write there has nowhere left to be reported).
struct StandardError: TextOutputStream {
    private var stream = CheckedOutputStream(descriptor: STDERR_FILENO)

    mutating func write(_ string: String) { stream.write(string) }
}
