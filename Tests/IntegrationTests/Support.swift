import Foundation
import Testing
import YAML

/// The package root, found from this file's path (Tests/IntegrationTests/Support.swift).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// The `wfgen` executable that `swift test` built next to the test bundle, if any.
let wfgenBinary: String? = {
    let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        .map { $0.appendingPathComponent("wfgen").path }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
}()

/// A text stream that keeps what was written.
struct Captured: TextOutputStream {
    var text = ""
    mutating func write(_ string: String) { text += string }
}

/// A fresh directory per test, removed afterwards.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("wfgen-integration-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func url(_ relative: String) -> URL { URL(fileURLWithPath: path).appendingPathComponent(relative) }

    func read(_ relative: String) throws -> String { try String(contentsOf: url(relative), encoding: .utf8) }

    func write(_ relative: String, _ text: String) throws {
        try FileManager.default.createDirectory(at: url(relative).deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url(relative))
    }
}

/// What a child process did.
struct ProcessResult {
    let status: Int32
    /// Standard output and standard error, interleaved as written.
    let output: String
}

/// Runs `executable` with `arguments` in `directory`; `environment` entries override the test's own.
func runProcess(_ executable: String, _ arguments: [String], in directory: String,
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
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
}

/// The peer tools from the git-ignored .venv (`make venv`).
///
/// `make test` sets WFGEN_PEERS_BIN to its bin directory and WFGEN_REQUIRE_PEERS=1, which turns a missing peer
/// into a failure; with neither variable the tests that need peers are skipped.
enum Peers {
    static let environment = ProcessInfo.processInfo.environment

    /// True when the peers are configured or required.
    static var requested: Bool { environment["WFGEN_PEERS_BIN"] != nil || environment["WFGEN_REQUIRE_PEERS"] == "1" }

    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    /// The path of `tool` in the peers' bin directory; throws (failing the test) when it is not there.
    static func tool(_ tool: String) throws -> String {
        guard let bin = environment["WFGEN_PEERS_BIN"], !bin.isEmpty else {
            throw Missing(description: "WFGEN_REQUIRE_PEERS=1 but WFGEN_PEERS_BIN is not set; run `make test`")
        }
        let path = bin + "/" + tool
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw Missing(description: "\(path) is missing; run `make venv`")
        }
        return path
    }
}

/// A YAML file of the package, parsed with positions.
func parsePackageYAML(_ relative: String) throws -> Node {
    let text = try String(contentsOfFile: packageRoot + "/" + relative, encoding: .utf8)
    return try #require(try YAMLParser().parse(text).root, "\(relative) is empty")
}

extension Node {
    /// The scalar at a key path, e.g. `["runs", "using"]`.
    func scalar(at path: [String]) -> String? {
        var node: Node? = self
        for key in path { node = node?[key] }
        return node?.scalar
    }
}
