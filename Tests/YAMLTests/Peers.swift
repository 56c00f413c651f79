import Foundation
import Testing

/// Finds the peer tools that `make venv` installs, so tests can run real external checkers.
///
/// `make test` sets WFGEN_PEERS_BIN and WFGEN_REQUIRE_PEERS=1: there a missing peer fails the
/// test. A bare `swift test` without the venv skips those tests instead.
enum Peers {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binDirectory: URL {
        if let bin = ProcessInfo.processInfo.environment["WFGEN_PEERS_BIN"], !bin.isEmpty {
            return URL(fileURLWithPath: bin)
        }
        return packageRoot.appendingPathComponent(".venv/bin")
    }

    static var required: Bool { ProcessInfo.processInfo.environment["WFGEN_REQUIRE_PEERS"] == "1" }

    /// The path of a peer executable, if installed.
    static func path(_ name: String) -> URL? {
        let url = binDirectory.appendingPathComponent(name)
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }

    /// Whether a test that needs `name` should run (it is there, or its absence must fail).
    static func shouldRun(_ name: String) -> Bool { path(name) != nil || required }

    /// Runs a peer with arguments and standard input; returns its exit status and output.
    static func run(_ executable: URL, _ arguments: [String], input: Data? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(input) }
        try inPipe.fileHandleForWriting.close()
        // Read before waiting so a full pipe cannot block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}
