import Foundation

/// What a child process did.
public struct ProcessResult: Sendable {
    /// The exit status.
    public let status: Int32
    /// Standard output and standard error, interleaved as written.
    public let output: String
}

/// Runs `executable` with `arguments` in `directory`; `environment` entries override the test's own.
public func runProcess(_ executable: String, _ arguments: [String], in directory: String,
                       environment overrides: [String: String] = [:], input: String? = nil) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    for (key, value) in overrides { environment[key] = value }
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    let stdin = Pipe()
    process.standardInput = stdin
    try process.run()
    if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
    try stdin.fileHandleForWriting.close()
    // Read before waiting so a full pipe cannot block the child.
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
}

/// The peer tools from the git-ignored .venv (`make venv`).
///
/// `make test` sets WFGEN_PEERS_BIN to its bin directory and WFGEN_REQUIRE_PEERS=1, which turns a missing peer
/// into a failure; with neither variable the tests that need peers are skipped.
public enum Peers {
    static let environment = ProcessInfo.processInfo.environment

    /// True when the peers are configured or required (then a missing peer fails instead of skipping).
    public static var requested: Bool { environment["WFGEN_PEERS_BIN"] != nil || environment["WFGEN_REQUIRE_PEERS"] == "1" }

    /// A peer that should be there and is not.
    public struct Missing: Error, CustomStringConvertible {
        /// What is missing and how to get it.
        public let description: String
        /// Creates the error.
        public init(description: String) { self.description = description }
    }

    /// The peers' bin directory, checked to hold every tool in `tools`; throws (failing the test) otherwise.
    public static func bin(requiring tools: [String] = []) throws -> String {
        guard let bin = environment["WFGEN_PEERS_BIN"], !bin.isEmpty else {
            throw Missing(description: "WFGEN_REQUIRE_PEERS=1 but WFGEN_PEERS_BIN is not set; run `make test`")
        }
        for tool in tools where !FileManager.default.isExecutableFile(atPath: bin + "/" + tool) {
            throw Missing(description: "\(bin)/\(tool) is missing; run `make venv`")
        }
        return bin
    }

    /// The path of `tool` in the peers' bin directory; throws (failing the test) when it is not there.
    public static func tool(_ tool: String) throws -> String {
        try bin(requiring: [tool]) + "/" + tool
    }

    /// The environment overrides that put the peers' bin first on PATH (actionlint finds shellcheck there).
    public static func path(_ bin: String) -> [String: String] {
        ["PATH": bin + ":" + (environment["PATH"] ?? "/usr/bin:/bin")]
    }
}
