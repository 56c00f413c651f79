import ECS
import Foundation
import Generate
import Lint
import Testing
import Workflow

/// docs/migration.md shows real input and real output: the "before" (GitHub's starter workflow, filled in, in
/// Migration/before/) with the findings wfgen lint really prints for it, and the "after" (the Swift in
/// Migration/workflows-src/MyApp.swift) with the files wfgen really generates from it. Each block of the guide
/// must be the text these tests produce, so the guide cannot drift from the tools.
@Suite struct MigrationGuideTests {
    static let migration = packageRoot + "/Tests/IntegrationTests/Migration"

    static func guide() throws -> String { try String(contentsOfFile: packageRoot + "/docs/migration.md", encoding: .utf8) }

    /// `text` must appear in the guide as-is; on failure the message holds what the guide should show.
    static func expectInGuide(_ text: String, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        #expect(try guide().contains(text), "docs/migration.md must show \(what) exactly as:\n\(text)", sourceLocation: sourceLocation)
    }

    /// The generated files of the "after", in a temp directory.
    static func generateAfter() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        var output = Captured(), errors = Captured()
        let status = GenerationCommands(definitions: Definitions(workflows: [], pipelines: [myApp()]),
                                        packageRoot: migration, outputRoot: directory.path)
            .generate(output: &output, errors: &errors)
        #expect(status == .ok, "\(errors.text)")
        #expect(errors.text.isEmpty, "the example compiles without warnings: \(errors.text)")
        return directory
    }

    @Test func beforeIsTheStarterWorkflowAndItsFindingsAreReal() throws {
        try Self.expectInGuide(try String(contentsOfFile: Self.migration + "/before/.github/workflows/aws.yml", encoding: .utf8),
                               "the before workflow")
        var output = Captured(), errors = Captured()
        let code = LintRunner.run(LintInvocation(minimumSeverity: .note, workingDirectory: Self.migration + "/before"),
                                  output: &output, errors: &errors)
        #expect(code == .findings)
        try Self.expectInGuide(output.text, "`wfgen lint` on the before")
        try Self.expectInGuide(errors.text.trimmingCharacters(in: .newlines), "the lint summary")
    }

    /// The generated files are also kept as golden files in Migration/after/ (re-record with WFGEN_RECORD=1).
    @Test(arguments: [".github/workflows/deploy-my-app.yml", "generated/my-app/production/my-service.json",
                      "generated/iam/123456789012/roles/github-deploy-my-app/trust-policy.json",
                      "generated/iam/123456789012/roles/github-deploy-my-app/permissions-policy.json"])
    func afterIsWhatWfgenGeneratesFromTheSwift(_ file: String) throws {
        let generated = try Self.generateAfter().read(file)
        let golden = Self.migration + "/after/" + file
        if ProcessInfo.processInfo.environment["WFGEN_RECORD"] == "1" {
            try FileManager.default.createDirectory(atPath: (golden as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(generated.utf8).write(to: URL(fileURLWithPath: golden))
        }
        #expect(generated == (try? String(contentsOfFile: golden, encoding: .utf8)), "Migration/after/\(file) is stale; WFGEN_RECORD=1 re-records it")
        try Self.expectInGuide(generated, file)
    }

    @Test func afterSwiftIsInTheGuide() throws {
        try Self.expectInGuide(try String(contentsOfFile: Self.migration + "/workflows-src/MyApp.swift", encoding: .utf8),
                               "workflows-src/MyApp.swift")
    }

    @Test func afterHasNoFindings() throws {
        let after = try Self.generateAfter()
        var output = Captured(), errors = Captured()
        let code = LintRunner.run(LintInvocation(minimumSeverity: .note, workingDirectory: after.path), output: &output, errors: &errors)
        #expect(code == .clean)
        #expect(output.text.isEmpty, "\(output.text)")
    }

    @Test(.enabled(if: Peers.requested, "set WFGEN_PEERS_BIN (make test does) to run the peer validators"))
    func afterPassesActionlintAndZizmor() throws {
        let after = try Self.generateAfter()
        let actionlint = try runProcess(try Peers.tool("actionlint"), ["-shellcheck", try Peers.tool("shellcheck"),
                                                                       ".github/workflows/deploy-my-app.yml"], in: after.path)
        #expect(actionlint.status == 0, "actionlint:\n\(actionlint.output)")
        let zizmor = try runProcess(try Peers.tool("zizmor"), ["--offline", "--no-progress", ".github/workflows"], in: after.path)
        #expect(zizmor.status == 0 && zizmor.output.contains("No findings to report"), "zizmor:\n\(zizmor.output)")
    }
}
