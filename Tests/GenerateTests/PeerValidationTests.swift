import Foundation
import Testing

/// Every generated workflow passes actionlint (with shellcheck), check-jsonschema and zizmor, and
/// every task definition passes botocore's RegisterTaskDefinition validation.
///
/// The peers come from the git-ignored .venv that `make venv` builds; `make test` sets
/// WFGEN_PEERS_BIN to its bin directory and WFGEN_REQUIRE_PEERS=1, which turns a missing peer into
/// a failure. Without either variable these tests are skipped.
@Suite(.enabled(if: Peers.requested, "set WFGEN_PEERS_BIN (make test does) to run the peer validators"))
struct PeerValidationTests {
    /// The repository's generated workflows plus the golden workflows of the other test targets.
    static func workflowFiles() throws -> [String] {
        var files = try FileManager.default.contentsOfDirectory(atPath: packageRoot + "/.github/workflows")
            .filter { $0.hasSuffix(".yml") }.sorted().map { packageRoot + "/.github/workflows/" + $0 }
        for golden in ["Tests/WorkflowTests/Golden", "Tests/ECSTests/Golden"] {
            files += try FileManager.default.contentsOfDirectory(atPath: packageRoot + "/" + golden)
                .filter { $0.hasSuffix(".yml") }.sorted().map { packageRoot + "/" + golden + "/" + $0 }
        }
        return files
    }

    /// The repository's generated task definitions plus the golden ones.
    static func taskDefinitionFiles() -> [String] {
        var files: [String] = []
        for directory in ["generated", "Tests/ECSTests/Golden"] {
            let enumerator = FileManager.default.enumerator(atPath: packageRoot + "/" + directory)
            while let relative = enumerator?.nextObject() as? String {
                if relative.hasSuffix(".json") && !relative.hasSuffix("wfgen-manifest.json") {
                    files.append(packageRoot + "/" + directory + "/" + relative)
                }
            }
        }
        return files.sorted()
    }

    /// The workflows copied into a fresh repository layout, so that local reusable workflows resolve.
    static func stagedRepository() throws -> (TemporaryDirectory, [String]) {
        let directory = try TemporaryDirectory()
        var staged: [String] = []
        for file in try workflowFiles() {
            let name = ".github/workflows/" + (file as NSString).lastPathComponent
            try directory.write(name, try String(contentsOfFile: file, encoding: .utf8))
            staged.append(name)
        }
        return (directory, staged)
    }

    @Test func actionlintWithShellcheckFindsNothing() throws {
        let bin = try Peers.bin()
        let (directory, files) = try Self.stagedRepository()
        #expect(files.count >= 5)
        let run = try Peers.run(bin + "/actionlint", ["-shellcheck", bin + "/shellcheck"] + files, in: directory.path, bin: bin)
        #expect(run.status == 0, "actionlint:\n\(run.output)")
    }

    @Test func githubWorkflowSchemaAcceptsEveryWorkflow() throws {
        let bin = try Peers.bin()
        let files = try Self.workflowFiles()
        let run = try Peers.run(bin + "/check-jsonschema", ["--builtin-schema", "vendor.github-workflows"] + files,
                                in: packageRoot, bin: bin)
        #expect(run.status == 0, "check-jsonschema:\n\(run.output)")
    }

    @Test func zizmorHasNoFindings() throws {
        let bin = try Peers.bin()
        let (directory, _) = try Self.stagedRepository()
        let run = try Peers.run(bin + "/zizmor", ["--offline", "--no-progress", ".github/workflows"], in: directory.path, bin: bin)
        #expect(run.status == 0, "zizmor:\n\(run.output)")
        #expect(run.output.contains("No findings to report"), "zizmor:\n\(run.output)")
    }

    @Test func botocoreAcceptsEveryTaskDefinition() throws {
        let bin = try Peers.bin()
        let files = Self.taskDefinitionFiles()
        #expect(files.count >= 5)
        let run = try Peers.run(bin + "/python", [packageRoot + "/tools/validate-task-definitions.py"] + files,
                                in: packageRoot, bin: bin)
        #expect(run.status == 0, "botocore:\n\(run.output)")
    }

    @Test func botocoreValidatorRejectsABrokenTaskDefinition() throws {
        let bin = try Peers.bin()
        let directory = try TemporaryDirectory()
        try directory.write("bad.json", "{\"family\": \"x\", \"containerDefinitions\": [{\"name\": \"a\", \"bogus\": 1}], \"cpu\": 256}\n")
        let run = try Peers.run(bin + "/python", [packageRoot + "/tools/validate-task-definitions.py", directory.url("bad.json").path],
                                in: packageRoot, bin: bin)
        #expect(run.status == 1)
        #expect(run.output.contains("Unknown parameter in containerDefinitions[0]: \"bogus\""))
    }
}

/// Finding and running the peer tools.
enum Peers {
    static let environment = ProcessInfo.processInfo.environment

    /// True when the peers are configured or required (then a missing peer fails instead of skipping).
    static var requested: Bool { environment["WFGEN_PEERS_BIN"] != nil || environment["WFGEN_REQUIRE_PEERS"] == "1" }

    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    /// The peers' bin directory; throws (failing the test) when it is not set up.
    static func bin() throws -> String {
        guard let bin = environment["WFGEN_PEERS_BIN"], !bin.isEmpty else {
            throw Missing(description: "WFGEN_REQUIRE_PEERS=1 but WFGEN_PEERS_BIN is not set; run `make test`")
        }
        for tool in ["actionlint", "shellcheck", "zizmor", "check-jsonschema", "python"]
        where !FileManager.default.isExecutableFile(atPath: bin + "/" + tool) {
            throw Missing(description: "\(bin)/\(tool) is missing; run `make venv`")
        }
        return bin
    }

    /// Runs `executable` with `arguments` in `directory`, the peers' bin first on PATH; output and errors combined.
    static func run(_ executable: String, _ arguments: [String], in directory: String, bin: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = environment
        env["PATH"] = bin + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env["NO_COLOR"] = "1"
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
