import Foundation
import Lint
import Testing
import Workflow
import YAML

/// action.yml, the composite action other repositories use: it passes wfgen's own linter and the peers, its pins
/// are real, and its scripts do what the docs say when run as GitHub runs them.
@Suite struct GitHubActionTests {
    static func action() throws -> Node { try parsePackageYAML("action.yml") }

    /// The `run:` script of the step named `name`.
    static func script(_ name: String) throws -> String {
        let steps = try #require(try action()["runs"]?["steps"]?.sequence)
        let step = try #require(steps.first { $0["name"]?.scalar == name }, "no step \(name)")
        return try #require(step["run"]?.scalar)
    }

    /// Runs a step's script the way GitHub runs `shell: bash`: `bash --noprofile --norc -eo pipefail FILE`.
    static func runStep(_ name: String, in directory: TemporaryDirectory, environment: [String: String]) throws -> ProcessResult {
        let scripts = try TemporaryDirectory()
        try scripts.write("step.sh", try script(name))
        return try runProcess("/bin/bash", ["--noprofile", "--norc", "-eo", "pipefail", scripts.url("step.sh").path],
                              in: directory.path, environment: environment)
    }

    /// `key=value` lines written to `$GITHUB_OUTPUT`.
    static func outputs(_ file: URL) throws -> [String: String] {
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        var outputs: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            outputs[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return outputs
    }

    @Test func isACompositeActionWithTheDocumentedInputs() throws {
        let action = try Self.action()
        #expect(action.scalar(at: ["runs", "using"]) == "composite")
        let inputs = try #require(action["inputs"]?.mapping).compactMap(\.key.scalar)
        #expect(inputs == ["paths", "format", "fail-level", "min-severity", "config", "sarif-file", "upload-sarif", "sarif-category",
                           "from-source"])
        #expect(action.scalar(at: ["outputs", "sarif-file", "value"]) == "${{ steps.lint.outputs.sarif-file }}")
    }

    /// zizmor's template-injection, checked here too: no `${{` in any script; inputs come in through `env:`.
    @Test func noScriptInterpolatesAnExpression() throws {
        let steps = try #require(try Self.action()["runs"]?["steps"]?.sequence)
        let scripts = steps.compactMap { $0["run"]?.scalar }
        #expect(scripts.count >= 5)
        for script in scripts { #expect(!script.contains("${{"), "\(script)") }
    }

    @Test func wfgenLintFindsNothing() throws {
        var output = Captured(), errors = Captured()
        let code = LintRunner.run(LintInvocation(paths: ["action.yml"], minimumSeverity: .note, workingDirectory: packageRoot),
                                  output: &output, errors: &errors)
        #expect(code == .clean)
        #expect(output.text.isEmpty, "\(output.text)")
    }

    @Test func everyActionIsPinnedToItsTagsCommit() throws {
        let text = try String(contentsOfFile: packageRoot + "/action.yml", encoding: .utf8)
        let upload = ActionPins.uploadSARIF
        #expect(text.contains("uses: \(upload.reference) # \(upload.tag)"), "upload-sarif must match the pin table")
        // actions/cache v5.0.5 is not in the pin table (no typed binding uses it); its commit is
        // `git rev-parse v5.0.5^{commit}` in a clone of actions/cache.
        #expect(text.contains("uses: actions/cache/restore@27d5ce7f107fe9357f9df03efb73ab90386fccae # v5.0.5"))
        #expect(text.contains("uses: actions/cache/save@27d5ce7f107fe9357f9df03efb73ab90386fccae # v5.0.5"))
        let uses = text.split(separator: "\n").filter { $0.contains("uses: ") }
        #expect(uses.count == 3)
        for line in uses {
            let reference = line.split(separator: "@").last?.split(separator: " ").first ?? ""
            #expect(ActionPin("x/y", tag: "v1.0.0", commit: String(reference)).hasFullCommit, "\(line)")
        }
    }

    @Test func cacheKeyFollowsTheSourcesAndIsStable() throws {
        let package = try TemporaryDirectory()
        for item in ["Package.swift", "Sources", "workflows-src"] {
            try FileManager.default.copyItem(atPath: packageRoot + "/" + item, toPath: package.url(item).path)
        }
        let workspace = try TemporaryDirectory()
        func key() throws -> String {
            let output = workspace.url("output-\(UUID().uuidString)")
            let run = try Self.runStep("Compute the build cache key", in: workspace, environment: [
                "WFGEN_PACKAGE": package.path, "RUNNER_OS": "Linux", "RUNNER_ARCH": "X64", "GITHUB_OUTPUT": output.path,
            ])
            #expect(run.status == 0, "\(run.output)")
            return try #require(try Self.outputs(output)["key"])
        }
        let first = try key()
        #expect(first.hasPrefix("wfgen-Linux-X64-"))
        #expect(try key() == first)
        try package.write("Sources/wfgen/Lint.swift", try package.read("Sources/wfgen/Lint.swift") + "\n// edited\n")
        #expect(try key() != first, "an edited source must miss the cache")
    }

    @Test(.enabled(if: wfgenBinary != nil, "the wfgen binary is not built"))
    func lintStepWritesSARIFAndReportStepFailsOnFindings() throws {
        let binary = try #require(wfgenBinary)
        let workspace = try TemporaryDirectory()
        try workspace.write(".github/workflows/deploy.yml", DeployWorkflow.broken)
        try workspace.write(".aws/task-definition.json", DeployWorkflow.taskDefinition)
        try workspace.write("deploy/worker-task-definition.json", DeployWorkflow.workerWithoutHealthCheck)
        let output = workspace.url("github-output")
        let inputs = ["WFGEN": binary, "WFGEN_PATHS": ".github/workflows\ndeploy/worker-task-definition.json",
                      "WFGEN_FAIL_LEVEL": "", "WFGEN_MIN_SEVERITY": "", "WFGEN_CONFIG": "",
                      "WFGEN_SARIF_FILE": "reports/wfgen.sarif", "GITHUB_OUTPUT": output.path]

        let lint = try Self.runStep("Lint", in: workspace, environment: inputs)
        #expect(lint.status == 0, "findings must not stop the job before the upload:\n\(lint.output)")
        let outputs = try Self.outputs(output)
        #expect(outputs["exit-code"] == "1")
        let sarifPath = try #require(outputs["sarif-file"])
        #expect(sarifPath.hasPrefix("/") && sarifPath.hasSuffix("/reports/wfgen.sarif"))
        let sarif = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: sarifPath))) as? [String: Any]
        let runs = try #require(sarif?["runs"] as? [[String: Any]])
        let rules = try #require(runs.first?["results"] as? [[String: Any]]).compactMap { $0["ruleId"] as? String }
        #expect(rules.contains("aws-cli-wrong-service"))
        #expect(rules.contains("deploy-without-stability-wait"))
        #expect(rules.contains("container-without-healthcheck"))

        var report = inputs
        report["WFGEN_FORMAT"] = "github"
        let failing = try Self.runStep("Report", in: workspace, environment: report)
        #expect(failing.status == 1, "\(failing.output)")
        #expect(failing.output.contains("::error file=.github/workflows/deploy.yml,line=27,col=19"), "\(failing.output)")
        #expect(failing.output.contains("::warning file=deploy/worker-task-definition.json,line=5,col=5"), "\(failing.output)")

        // Only warnings left: they fail at the default level, not with fail-level error, and min-severity hides them.
        try workspace.write(".github/workflows/deploy.yml", DeployWorkflow.fixed)
        #expect(try Self.runStep("Report", in: workspace, environment: report).status == 1)
        report["WFGEN_FAIL_LEVEL"] = "error"
        let errorLevel = try Self.runStep("Report", in: workspace, environment: report)
        #expect(errorLevel.status == 0, "\(errorLevel.output)")
        #expect(errorLevel.output.contains("::warning file=deploy/worker-task-definition.json"))
        report["WFGEN_MIN_SEVERITY"] = "error"
        report["WFGEN_FAIL_LEVEL"] = ""
        let hidden = try Self.runStep("Report", in: workspace, environment: report)
        #expect(hidden.status == 0, "\(hidden.output)")
        #expect(!hidden.output.contains("::warning"))
    }

    @Test(.enabled(if: wfgenBinary != nil, "the wfgen binary is not built"))
    func lintStepFailsWhenWfgenCannotRun() throws {
        let workspace = try TemporaryDirectory()
        let output = workspace.url("github-output")
        let run = try Self.runStep("Lint", in: workspace, environment: [
            "WFGEN": try #require(wfgenBinary), "WFGEN_PATHS": "no/such/folder", "WFGEN_FAIL_LEVEL": "",
            "WFGEN_MIN_SEVERITY": "", "WFGEN_CONFIG": "", "WFGEN_SARIF_FILE": "wfgen.sarif", "GITHUB_OUTPUT": output.path,
        ])
        #expect(run.status == 2, "\(run.output)")
        #expect(run.output.contains("::error title=wfgen::wfgen lint could not run (exit status 2)"))
        #expect(try Self.outputs(output)["sarif-file"] == nil)
    }
}

/// The peers on action.yml: actionlint only reads workflows, so the schema check is check-jsonschema's
/// `vendor.github-actions`; zizmor audits composite actions; shellcheck reads every script.
@Suite(.enabled(if: Peers.requested, "set WFGEN_PEERS_BIN (make test does) to run the peer validators"))
struct GitHubActionPeerTests {
    @Test func githubActionSchemaAcceptsIt() throws {
        let run = try runProcess(try Peers.tool("check-jsonschema"), ["--builtin-schema", "vendor.github-actions", "action.yml"],
                                 in: packageRoot)
        #expect(run.status == 0, "check-jsonschema:\n\(run.output)")
    }

    @Test func githubActionSchemaRejectsAnActionWithoutRuns() throws {
        let directory = try TemporaryDirectory()
        try directory.write("action.yml", "name: x\ndescription: y\n")
        let run = try runProcess(try Peers.tool("check-jsonschema"), ["--builtin-schema", "vendor.github-actions", "action.yml"],
                                 in: directory.path)
        #expect(run.status == 1, "check-jsonschema:\n\(run.output)")
    }

    @Test func zizmorHasNoFindings() throws {
        let run = try runProcess(try Peers.tool("zizmor"), ["--offline", "--no-progress", "action.yml"], in: packageRoot)
        #expect(run.status == 0, "zizmor:\n\(run.output)")
        #expect(run.output.contains("No findings to report"), "zizmor:\n\(run.output)")
    }

    /// Proof that zizmor audits this file at all: the same action with one input interpolated into a script.
    @Test func zizmorFlagsAnInputInterpolatedIntoAScript() throws {
        let text = try String(contentsOfFile: packageRoot + "/action.yml", encoding: .utf8)
        let injected = text.replacingOccurrences(of: "        \"$WFGEN\" lint --format \"$WFGEN_FORMAT\"",
                                                 with: "        echo \"${{ inputs.paths }}\"\n        \"$WFGEN\" lint --format \"$WFGEN_FORMAT\"")
        #expect(injected != text)
        let directory = try TemporaryDirectory()
        try directory.write("action.yml", injected)
        let run = try runProcess(try Peers.tool("zizmor"), ["--offline", "--no-progress", "action.yml"], in: directory.path)
        #expect(run.status != 0)
        #expect(run.output.contains("template-injection"), "zizmor:\n\(run.output)")
    }

    @Test func shellcheckFindsNothingInTheScripts() throws {
        let steps = try #require(try GitHubActionTests.action()["runs"]?["steps"]?.sequence)
        let directory = try TemporaryDirectory()
        var files: [String] = []
        for (index, step) in steps.enumerated() {
            guard let script = step["run"]?.scalar else { continue }
            #expect(step["shell"]?.scalar == "bash")
            let name = "step-\(index).sh"
            try directory.write(name, "#!/usr/bin/env bash\nset -eo pipefail\n" + script)
            files.append(name)
        }
        #expect(files.count >= 5)
        let run = try runProcess(try Peers.tool("shellcheck"), ["--shell=bash"] + files, in: directory.path)
        #expect(run.status == 0, "shellcheck:\n\(run.output)")
    }
}
