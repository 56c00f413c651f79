import Foundation
import Lint
import Testing

/// `wfgen lint` end to end, in-process: exit codes, defaults, configuration and suppression.
@Suite("Lint runner")
struct RunnerTests {
    static let deployWithoutWait = """
        on: push
        concurrency: deploy
        jobs:
          deploy:
            runs-on: ubuntu-latest
            steps:
              - run: |
                  aws ecs update-service --cluster prod --service web --task-definition web:3
                  curl -f https://example.com/health
        """

    private func repository(_ files: [String: String]) throws -> URL {
        let folder = try TestSupport.temporaryFolder()
        try TestSupport.write(files, to: folder)
        return folder
    }

    @Test("exit 0 when clean, with the default path .github/workflows")
    func clean() throws {
        let folder = try repository([".github/workflows/ci.yml": "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = TestSupport.runLint(LintInvocation(workingDirectory: folder.path))
        #expect(run.code == .clean)
        #expect(run.output.isEmpty)
        #expect(run.errors.contains("1 file linted, 0 findings"))
    }

    @Test("exit 1 on findings at or above the fail level; --fail-level and --min-severity change it")
    func findings() throws {
        let folder = try repository([".github/workflows/deploy.yml": Self.deployWithoutWait])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = TestSupport.runLint(LintInvocation(workingDirectory: folder.path))
        #expect(run.code == .findings)
        #expect(run.output.contains(".github/workflows/deploy.yml:8:11: warning: 'aws ecs update-service' is not followed by 'aws ecs wait services-stable'"))
        #expect(run.output.contains("[deploy-without-stability-wait]"))
        #expect(TestSupport.runLint(LintInvocation(failLevel: .error, workingDirectory: folder.path)).code == .clean)
        let errorsOnly = TestSupport.runLint(LintInvocation(minimumSeverity: .error, workingDirectory: folder.path))
        #expect(errorsOnly.output.isEmpty)
    }

    @Test("exit 2 for a missing path, a missing default folder, a bad config or a bad root")
    func usageErrors() throws {
        let folder = try repository(["a.yml": Self.deployWithoutWait])
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = TestSupport.runLint(LintInvocation(paths: ["nope.yml"], workingDirectory: folder.path))
        #expect(missing.code == .usage)
        #expect(missing.errors.contains("no such file or folder: nope.yml"))
        #expect(TestSupport.runLint(LintInvocation(workingDirectory: folder.path)).code == .usage)
        let partly = TestSupport.runLint(LintInvocation(paths: ["a.yml", "nope.yml"], workingDirectory: folder.path))
        #expect(partly.code == .usage)
        #expect(partly.output.contains("a.yml:8:11"), "readable files are still linted")
        try TestSupport.write([".wfgen.yml": "disable: [no-such-rule]\n"], to: folder)
        let badConfig = TestSupport.runLint(LintInvocation(paths: ["a.yml"], workingDirectory: folder.path))
        #expect(badConfig.code == .usage)
        #expect(badConfig.errors.contains(".wfgen.yml:1:11: error: unknown rule 'no-such-rule'"))
        #expect(TestSupport.runLint(LintInvocation(paths: ["a.yml"], root: "missing-root", workingDirectory: folder.path)).code == .usage)
    }

    @Test("a broken file is a positioned finding and the other files are still linted")
    func brokenFile() throws {
        let folder = try repository([
            ".github/workflows/bad.yml": "on: push\njobs: [unclosed\n",
            ".github/workflows/bad-utf8.yml": "on: push\n",
            ".github/workflows/deploy.yml": Self.deployWithoutWait,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0x6F, 0x6E, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]).write(to: folder.appendingPathComponent(".github/workflows/bad-utf8.yml"))
        let run = TestSupport.runLint(LintInvocation(workingDirectory: folder.path))
        #expect(run.code == .findings)
        #expect(run.output.contains(".github/workflows/bad.yml:3:1: error: invalid YAML"))
        #expect(run.output.contains(".github/workflows/bad-utf8.yml:1:5: error: invalid YAML"))
        #expect(run.output.contains(".github/workflows/deploy.yml:8:11"))
    }

    @Test("inline suppression on the line or the line above, with a reason")
    func inlineSuppression() throws {
        let suppressed = Self.deployWithoutWait.replacingOccurrences(
            of: "      - run: |\n",
            with: "      - run: |\n          # wfgen: ignore[deploy-without-stability-wait] the next job waits\n")
        let folder = try repository(["a.yml": suppressed, "b.yml": Self.deployWithoutWait.replacingOccurrences(of: "--task-definition web:3", with: "--task-definition web:3 # wfgen: ignore[deploy-without-stability-wait, unpinned-action]")])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = TestSupport.runLint(LintInvocation(paths: ["a.yml", "b.yml"], workingDirectory: folder.path))
        #expect(!run.output.contains("deploy-without-stability-wait"))
        #expect(run.code == .clean)
    }

    @Test("configuration: disable, ignore path and path:line, severity, fail-level")
    func configuration() throws {
        let folder = try repository(["a.yml": Self.deployWithoutWait, "b.yml": Self.deployWithoutWait, "c.yml": Self.deployWithoutWait])
        defer { try? FileManager.default.removeItem(at: folder) }
        try TestSupport.write([".wfgen.yml": "ignore:\n  - a.yml\n  - b.yml:8\nseverity:\n  deploy-without-stability-wait: error\n"], to: folder)
        let run = TestSupport.runLint(LintInvocation(paths: ["a.yml", "b.yml", "c.yml"], workingDirectory: folder.path))
        #expect(!run.output.contains("a.yml:"))
        #expect(!run.output.contains("b.yml:"))
        #expect(run.output.contains("c.yml:8:11: error:"))
        try TestSupport.write([".wfgen.yml": "disable: [deploy-without-stability-wait]\nfail-level: error\n"], to: folder)
        let disabled = TestSupport.runLint(LintInvocation(paths: ["c.yml"], workingDirectory: folder.path))
        #expect(disabled.output.isEmpty)
        #expect(disabled.code == .clean)
        let parsed = try LintConfiguration.parse("min-severity: warning\nfail-level: error\n", knownRules: RuleRegistry.ids)
        #expect(parsed.minimumSeverity == .warning && parsed.failLevel == .error)
        #expect(throws: LintConfiguration.Problem.self) { try LintConfiguration.parse("colour: red\n", knownRules: RuleRegistry.ids) }
    }

    @Test("task definitions named by a workflow are linted in context, relative to the root")
    func referencedTaskDefinitions() throws {
        let workflow = """
            on: push
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - run: aws ecs register-task-definition --cli-input-json file://infra/td.json
            """
        let folder = try repository([".github/workflows/w.yml": workflow,
                                     "infra/td.json": #"{"family": "x", "containerDefinitions": [{"name": "x", "image": "x:1"}]}"#])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = TestSupport.runLint(LintInvocation(workingDirectory: folder.path))
        #expect(run.output.contains("infra/td.json:1:42: warning: essential container 'x' has no healthCheck"))
    }

    @Test("mangled inputs never crash: every prefix of the fixtures is linted")
    func truncatedInputsNeverCrash() throws {
        let fixture = TestSupport.testsFolder.appendingPathComponent("Fixtures/err/shell-scripts/.github/workflows/legacy-deploy.yml")
        let json = TestSupport.testsFolder.appendingPathComponent("Fixtures/err/cross-file-task-definition/deploy/api-task.json")
        let texts = [try String(contentsOf: fixture, encoding: .utf8), try String(contentsOf: json, encoding: .utf8)]
        for (index, text) in texts.enumerated() {
            let bytes = Array(text.utf8)
            let path = index == 0 ? "w.yml" : "t.json"
            for cut in stride(from: 0, through: bytes.count, by: 7) {
                let repository = InMemoryRepository([path: String(decoding: bytes[0..<cut], as: UTF8.self)])
                _ = Linter().lint([LintTarget(path: path, kind: index == 0 ? .workflow : .taskDefinition)], in: repository)
            }
        }
    }
}
