import Foundation
import Lint
import Testing
import Workflow
import YAML

/// The pull-request check in this repository's generated CI (workflows-src/CI.swift → .github/workflows/ci.yml):
/// drift check, lint with annotations, SARIF to code scanning with the permissions upload-sarif needs, no more.
/// (actionlint, check-jsonschema and zizmor on ci.yml, and ci.yml matching its source, are GenerateTests'.)
@Suite struct PullRequestCheckTests {
    static func workflow() throws -> Node { try parsePackageYAML(".github/workflows/ci.yml") }

    static func lintJob() throws -> Node { try #require(try workflow()["jobs"]?["lint"], "ci.yml has no lint job") }

    static func steps() throws -> [Node] { try #require(try lintJob()["steps"]?.sequence) }

    /// The index of the first step whose `run:` contains `text`.
    static func runStep(containing text: String) throws -> Int {
        try #require(try steps().firstIndex { $0["run"]?.scalar?.contains(text) == true }, "no step runs \(text)")
    }

    @Test func runsOnEveryPullRequestAndOnMain() throws {
        let on = try #require(try Self.workflow()["on"])
        #expect(on.pair("pull_request") != nil)
        #expect(on["push"]?["branches"]?.sequence?.compactMap(\.scalar) == ["main"])
        #expect(on["pull_request"]?["branches"] == nil && on["pull_request"]?["paths"] == nil, "every pull request, no filter")
    }

    @Test func onlyTheLintJobMayWriteSecurityEvents() throws {
        let workflow = try Self.workflow()
        #expect(workflow["permissions"]?.mapping?.isEmpty == true, "workflow-level permissions: {}")
        let jobs = try #require(workflow["jobs"]?.mapping)
        for job in jobs {
            let permissions = job.value["permissions"]?.mapping?.map { ($0.key.scalar ?? "", $0.value.scalar ?? "") } ?? []
            if job.key.scalar == "lint" {
                #expect(permissions.map { "\($0.0): \($0.1)" } == ["actions: read", "contents: read", "security-events: write"])
            } else {
                #expect(!permissions.contains { $0.0 == "security-events" }, "\(job.key.scalar ?? "")")
                #expect(!permissions.contains { $0.1 == "write" }, "\(job.key.scalar ?? "")")
            }
        }
    }

    @Test func lintsToSARIFUploadsItThenAnnotatesAndChecksDrift() throws {
        let steps = try Self.steps()
        let sarif = try Self.runStep(containing: "wfgen lint --format sarif")
        let sarifScript = try #require(steps[sarif]["run"]?.scalar)
        #expect(sarifScript.contains("> wfgen.sarif"))
        #expect(sarifScript.contains("test \"$status\" -le 1"), "findings (1) go on to the upload; usage (2) and internal (3) errors fail")

        let upload = try #require(steps.firstIndex { $0["uses"]?.scalar?.hasPrefix("github/codeql-action/upload-sarif@") == true })
        #expect(steps[upload].scalar(at: ["with", "sarif_file"]) == "wfgen.sarif")
        #expect(steps[upload].scalar(at: ["with", "category"]) == "wfgen")

        let annotations = try Self.runStep(containing: "wfgen lint --format github")
        let check = try Self.runStep(containing: "wfgen check")
        #expect(sarif < upload && upload < annotations, "the upload comes before the step that fails on findings")
        #expect(steps[check]["if"]?.scalar == "${{ !(cancelled()) }}", "the drift check runs even when lint failed")
        let lintedPaths = ".github/workflows generated action.yml"
        #expect(sarifScript.contains(lintedPaths))
        #expect(steps[annotations]["run"]?.scalar?.hasSuffix(lintedPaths) == true)
    }

    /// docs/integrations.md shows the generated job as it is, and the Action snippet's checkout pin is the table's.
    @Test func integrationsGuideShowsTheGeneratedJob() throws {
        let ci = try String(contentsOfFile: packageRoot + "/.github/workflows/ci.yml", encoding: .utf8)
        let job = try #require(ci.range(of: "  lint:\n")).lowerBound
        let guide = try String(contentsOfFile: packageRoot + "/docs/integrations.md", encoding: .utf8)
        #expect(guide.contains(String(ci[job...])), "docs/integrations.md must show ci.yml's lint job as generated:\n\(ci[job...])")
        #expect(guide.contains("uses: \(ActionPins.checkout.reference) # \(ActionPins.checkout.tag)"))
    }

    /// What the check lints passes at every severity today, so a new finding fails the pull request that adds it.
    @Test func whatTheCheckLintsHasNoFindings() throws {
        var output = Captured(), errors = Captured()
        let invocation = LintInvocation(paths: [".github/workflows", "generated", "action.yml"], minimumSeverity: .note,
                                        workingDirectory: packageRoot)
        let code = LintRunner.run(invocation, output: &output, errors: &errors)
        #expect(code == .clean)
        #expect(output.text.isEmpty, "\(output.text)")
        #expect(errors.text.contains("0 findings"), "\(errors.text)")
    }
}
