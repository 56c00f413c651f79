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
                // IAM policies live under generated/iam/ (and Golden/iam/); IAMPeerValidationTests checks them.
                if relative.hasSuffix(".json") && !relative.hasSuffix("wfgen-manifest.json") && !relative.hasPrefix("iam/") {
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
        let bin = try Peers.bin(requiring: ["actionlint", "shellcheck", "zizmor", "check-jsonschema", "python"])
        let (directory, files) = try Self.stagedRepository()
        #expect(files.count >= 5)
        let run = try runProcess(bin + "/actionlint", ["-shellcheck", bin + "/shellcheck"] + files, in: directory.path, environment: Peers.path(bin))
        #expect(run.status == 0, "actionlint:\n\(run.output)")
    }

    @Test func githubWorkflowSchemaAcceptsEveryWorkflow() throws {
        let bin = try Peers.bin(requiring: ["actionlint", "shellcheck", "zizmor", "check-jsonschema", "python"])
        let files = try Self.workflowFiles()
        let run = try runProcess(bin + "/check-jsonschema", ["--builtin-schema", "vendor.github-workflows"] + files,
                                in: packageRoot, environment: Peers.path(bin))
        #expect(run.status == 0, "check-jsonschema:\n\(run.output)")
    }

    @Test func zizmorHasNoFindings() throws {
        let bin = try Peers.bin(requiring: ["actionlint", "shellcheck", "zizmor", "check-jsonschema", "python"])
        let (directory, _) = try Self.stagedRepository()
        let run = try runProcess(bin + "/zizmor", ["--offline", "--no-progress", ".github/workflows"], in: directory.path, environment: Peers.path(bin))
        #expect(run.status == 0, "zizmor:\n\(run.output)")
        #expect(run.output.contains("No findings to report"), "zizmor:\n\(run.output)")
    }

    @Test func botocoreAcceptsEveryTaskDefinition() throws {
        let bin = try Peers.bin(requiring: ["actionlint", "shellcheck", "zizmor", "check-jsonschema", "python"])
        let files = Self.taskDefinitionFiles()
        #expect(files.count >= 5)
        let run = try runProcess(bin + "/python", [packageRoot + "/tools/validate-task-definitions.py"] + files,
                                in: packageRoot, environment: Peers.path(bin))
        #expect(run.status == 0, "botocore:\n\(run.output)")
    }

    @Test func botocoreValidatorRejectsABrokenTaskDefinition() throws {
        let bin = try Peers.bin(requiring: ["actionlint", "shellcheck", "zizmor", "check-jsonschema", "python"])
        let directory = try TemporaryDirectory()
        try directory.write("bad.json", "{\"family\": \"x\", \"containerDefinitions\": [{\"name\": \"a\", \"bogus\": 1}], \"cpu\": 256}\n")
        let run = try runProcess(bin + "/python", [packageRoot + "/tools/validate-task-definitions.py", directory.url("bad.json").path],
                                in: packageRoot, environment: Peers.path(bin))
        #expect(run.status == 1)
        #expect(run.output.contains("Unknown parameter in containerDefinitions[0]: \"bogus\""))
    }
}
