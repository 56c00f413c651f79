import Foundation
import Testing

/// A report that cannot be written is a failure with a message, never a silent success.
@Suite(.enabled(if: wfgenCLIBinary != nil && FileManager.default.fileExists(atPath: "/dev/full"), "needs wfgen-cli and /dev/full"))
struct StandardOutputTests {
    @Test func aFullDiskEndsWithExit2AndSaysWhy() throws {
        for arguments in [["rules"], ["lint", packageRoot + "/Tests/LintTests/Fixtures/err/shell-scripts"]] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try #require(wfgenCLIBinary))
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 2, "\(arguments): \(message)")
            #expect(message.contains("wfgen: cannot write to standard output: No space left on device"), "\(message)")
        }
    }
}
