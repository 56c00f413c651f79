import Foundation
import Lint
import Testing

/// `wfgen lint --fix` and `--diff` on data: each `Fixtures/fix/<case>/` holds `input.yml`, the fixed file
/// `expected.yml` (equal to the input for the cases that must be left alone) and `expected.out`, what
/// `--fix` prints. A new case is a folder and no code.
@Suite("Fixes")
struct FixTests {
    static let cases: [String] = {
        let folder = TestSupport.testsFolder.appendingPathComponent("Fixtures/fix")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }()

    /// The auto-fixable rules only, so the goldens show the fixes and not unrelated findings.
    static let fixableRules = RuleRegistry.all.filter { $0.description.autoFix != nil }

    static let workflowPath = ".github/workflows/deploy.yml"

    /// A temporary repository holding `input` as its workflow.
    static func repository(with input: Data) throws -> URL {
        let folder = try TestSupport.temporaryFolder()
        let url = folder.appendingPathComponent(workflowPath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try input.write(to: url)
        return folder
    }

    static func invocation(_ folder: URL, _ mode: FixMode, rules: [any Rule] = fixableRules, failLevel: Severity? = nil) -> LintInvocation {
        LintInvocation(paths: [workflowPath], failLevel: failLevel, workingDirectory: folder.path, rules: rules, fixMode: mode)
    }

    @Test("--fix gives expected.yml byte for byte, prints expected.out, and a re-lint finds nothing fixable", arguments: cases)
    func fixCase(_ name: String) throws {
        let caseFolder = TestSupport.testsFolder.appendingPathComponent("Fixtures/fix/\(name)")
        let input = try Data(contentsOf: caseFolder.appendingPathComponent("input.yml"))
        let folder = try Self.repository(with: input)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(Self.workflowPath)

        let run = TestSupport.runLint(Self.invocation(folder, .fix))
        let fixed = try Data(contentsOf: file)
        try TestSupport.assertGolden(String(decoding: fixed, as: UTF8.self), caseFolder.appendingPathComponent("expected.yml"))
        try TestSupport.assertGolden(run.output, caseFolder.appendingPathComponent("expected.out"))
        #expect(run.code != .usage && run.code != .internalError, "\(run.errors)")

        // The fixed findings are gone: nothing fixable is left.
        let relint = TestSupport.runLint(Self.invocation(folder, .report))
        let before = TestSupport.runLint(Self.invocation(try Self.repository(with: input), .report))
        if fixed != input {
            #expect(relint.output.count < before.output.count, "the fix did not remove a finding")
        }
        let remaining = Linter(rules: Self.fixableRules).lint([LintTarget(path: Self.workflowPath, kind: .workflow)],
                                                             in: DiskRepository(root: folder)).diagnostics
        #expect(!remaining.contains { $0.fix?.fix != nil }, "a fixable finding is left after --fix: \(remaining)")
        // Idempotent: a second --fix changes nothing and reports no fix; --diff shows nothing.
        let second = TestSupport.runLint(Self.invocation(folder, .fix))
        #expect(try Data(contentsOf: file) == fixed)
        #expect(!second.output.contains(": fixed: "), "second --fix changed something:\n\(second.output)")
        let diff = TestSupport.runLint(Self.invocation(folder, .diff))
        #expect(diff.output == "")
        #expect(diff.code == .clean)
    }

    @Test("cases that must be left alone are, and say why")
    func unsafeCasesAreReported() throws {
        for name in Self.cases where name.hasSuffix("-unsafe") {
            let caseFolder = TestSupport.testsFolder.appendingPathComponent("Fixtures/fix/\(name)")
            let input = try Data(contentsOf: caseFolder.appendingPathComponent("input.yml"))
            let expected = try Data(contentsOf: caseFolder.appendingPathComponent("expected.yml"))
            #expect(input == expected, "\(name) must not change")
            let out = try String(contentsOf: caseFolder.appendingPathComponent("expected.out"), encoding: .utf8)
            #expect(out.contains(": not fixed: "), "\(name) must say why it is not fixed")
        }
        #expect(Self.cases.filter { $0.hasSuffix("-unsafe") }.count >= 6)
        #expect(Self.cases.count >= 15)
    }

    @Test("--diff prints a unified diff (secrets masked), writes nothing and exits 1")
    func diffGolden() throws {
        let secret = "AKIA" + "Z7QRSTUVWXYZ2345"
        let input = """
            on: push
            env:
              AWS_ACCESS_KEY_ID: \(secret)
            jobs:
              deploy:
                runs-on: ubuntu-latest
                permissions:
                  contents: read
                steps:
                  - uses: aws-actions/configure-aws-credentials@v6
                    with:
                      role-to-assume: arn:aws:iam::123456789012:role/deploy
                      aws-region: us-east-1
                  - run: aws ecs get-login-password | docker login --username AWS --password-stdin "$REGISTRY" # key \(secret)
                  - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
                    with:
                      task-definition: task-definition.json
                      service: web

            """
        let folder = try Self.repository(with: Data(input.utf8))
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = TestSupport.runLint(Self.invocation(folder, .diff, rules: RuleRegistry.all))
        try TestSupport.assertGolden(run.output, TestSupport.testsFolder.appendingPathComponent("Golden/fix.diff"))
        #expect(run.code == .findings)
        #expect(!run.output.contains(secret), "the diff shows a secret in full")
        #expect(run.output.contains("+          wait-for-service-stability: true\n"))
        #expect(try String(contentsOf: folder.appendingPathComponent(Self.workflowPath), encoding: .utf8) == input)
    }

    @Test("--fix exits by the remaining findings; a file that does not parse is never touched")
    func exitCodesAndUnparsable() throws {
        let input = """
            on: push
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
                    with:
                      task-definition: task-definition.json
                      service: web

            """
        let folder = try Self.repository(with: Data(input.utf8))
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = "on: push\njobs:\n  deploy: [unclosed\n    runs-on: ubuntu-latest\n"
        let brokenURL = folder.appendingPathComponent(".github/workflows/broken.yml")
        try Data(broken.utf8).write(to: brokenURL)

        let report = TestSupport.runLint(LintInvocation(paths: [Self.workflowPath], failLevel: .warning, workingDirectory: folder.path))
        #expect(report.code == .findings)
        // All rules, fail level error: the stability wait (a warning) is fixed, the rest are warnings too.
        let fix = TestSupport.runLint(LintInvocation(paths: [".github/workflows"], failLevel: .error, workingDirectory: folder.path,
                                                     fixMode: .fix))
        #expect(fix.output.contains(".github/workflows/deploy.yml:6: deploy-without-stability-wait: fixed: add 'wait-for-service-stability: true'\n"))
        #expect(fix.output.contains("[invalid-yaml]"))
        #expect(fix.code == .findings, "the unparsable file is still an error finding")
        #expect(try String(contentsOf: brokenURL, encoding: .utf8) == broken)
        #expect(!(try String(contentsOf: folder.appendingPathComponent(Self.workflowPath), encoding: .utf8)).contains("deploy-without-stability-wait"))

        try FileManager.default.removeItem(at: brokenURL)
        let clean = TestSupport.runLint(LintInvocation(paths: [Self.workflowPath], failLevel: .error, workingDirectory: folder.path, fixMode: .fix))
        #expect(clean.code == .clean, "\(clean.output)")
        let diff = TestSupport.runLint(LintInvocation(paths: [Self.workflowPath], workingDirectory: folder.path, fixMode: .diff))
        #expect(diff.code == .clean && diff.output == "")
        // No temporary file is left beside the fixed one.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(".github/workflows").path)
        #expect(names == ["deploy.yml"])
    }

    @Test("with a machine format, --fix keeps stdout for the report and lists changes on stderr")
    func machineFormatKeepsStdout() throws {
        let input = "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: aws ecs get-login-password\n"
        let folder = try Self.repository(with: Data(input.utf8))
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = TestSupport.runLint(LintInvocation(paths: [Self.workflowPath], format: .json, workingDirectory: folder.path,
                                                     rules: Self.fixableRules, fixMode: .fix))
        #expect(run.output.filter { !$0.isWhitespace } == "[]", "the fixed finding is still reported:\n\(run.output)")
        #expect(run.errors.contains("aws-cli-wrong-service: fixed: replace 'aws ecs' with 'aws ecr'"))
        #expect(try String(contentsOf: folder.appendingPathComponent(Self.workflowPath), encoding: .utf8).contains("aws ecr get-login-password"))
    }

    @Test("--fix through a symlinked workflow replaces the file it points to and keeps the link")
    func symlinkKept() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let real = folder.appendingPathComponent("shared/deploy.yml")
        try FileManager.default.createDirectory(at: real.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: aws ecs get-login-password\n".utf8).write(to: real)
        let link = folder.appendingPathComponent(Self.workflowPath)
        try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "../../shared/deploy.yml")
        let run = TestSupport.runLint(Self.invocation(folder, .fix))
        #expect(run.code == .clean, "\(run.output)\(run.errors)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "../../shared/deploy.yml")
        #expect(try String(contentsOf: real, encoding: .utf8).contains("aws ecr get-login-password"))
    }
}
