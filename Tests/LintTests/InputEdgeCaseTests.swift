import Foundation
import Lint
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Low-severity input cases of issue 10, item 9: a BOM, task definitions that are not objects, SARIF URIs, and a
/// file with a huge number of findings.
@Suite("Input edge cases")
struct InputEdgeCaseTests {
    private func repository(_ files: [String: String]) throws -> URL {
        let folder = try TestSupport.temporaryFolder()
        try TestSupport.write(files, to: folder)
        return folder
    }

    static let wrongService = "on: push\nconcurrency: x\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - run: aws ecs get-login-password\n"

    @Test("a UTF-8 BOM workflow is valid, positions are those without the BOM, and --fix keeps the BOM")
    func byteOrderMark() throws {
        let folder = try repository([".github/workflows/w.yml": "\u{FEFF}" + Self.wrongService])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = TestSupport.runLint(LintInvocation(workingDirectory: folder.path))
        #expect(!run.output.contains("invalid-yaml"), "\(run.output)")
        #expect(run.output.contains(".github/workflows/w.yml:7:22: error: 'get-login-password' is an ECR operation"))
        #expect(run.output.contains("   |                      ^~~~~~~~~~~~~~~~~~\n"))
        let fix = TestSupport.runLint(LintInvocation(workingDirectory: folder.path, rules: FixTests.fixableRules, fixMode: .fix))
        #expect(fix.output.contains("fixed:"), "\(fix.errors)")
        let fixed = try Data(contentsOf: folder.appendingPathComponent(".github/workflows/w.yml"))
        #expect(fixed == Data(("\u{FEFF}" + Self.wrongService.replacingOccurrences(of: "aws ecs", with: "aws ecr")).utf8))
    }

    @Test("an empty or array .json task definition is a finding, not a silent pass",
          arguments: ["", "[]", "[{\"containerDefinitions\": []}]", "42"])
    func notTaskDefinitions(text: String) throws {
        let folder = try repository(["deploy/task.json": text])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = TestSupport.runLint(LintInvocation(paths: ["deploy/task.json"], workingDirectory: folder.path))
        #expect(run.output.contains("deploy/task.json:1:1: error: this is not a task definition"), "\(run.output)")
        #expect(run.code == .findings)
    }

    @Test("SARIF uri is a percent-encoded URI reference")
    func sarifURI() throws {
        let folder = try repository([".github/workflows/dé ploy#1%.yml": Self.wrongService])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = TestSupport.runLint(LintInvocation(format: .sarif, workingDirectory: folder.path))
        #expect(run.output.contains(#""uri" : ".github/workflows/d%C3%A9%20ploy%231%25.yml""#), "\(run.output)")
    }

    @Test("findings are capped per file, and the output says how many were left out")
    func findingsCap() throws {
        let count = Linter.maximumFindingsPerFile + 500
        let script = String(repeating: "          aws ecs get-login-password\n", count: count)
        let folder = try repository([".github/workflows/w.yml": "on: push\nconcurrency: x\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n" + script])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = TestSupport.runLint(LintInvocation(format: .json, workingDirectory: folder.path))
        #expect(run.output.components(separatedBy: "\"rule\" : ").count - 1 == Linter.maximumFindingsPerFile)
        #expect(run.errors.contains("wfgen: .github/workflows/w.yml: 500 more findings not reported (at most 1000 per file)"))
        #expect(run.code == .findings)
    }
}

/// Output that cannot be written is reported, not lost silently (for the CLI: issue 10, "write errors ignored").
@Suite("Checked output")
struct CheckedOutputTests {
    @Test("a write to /dev/full records the error")
    func fullDisk() throws {
        let descriptor = open("/dev/full", O_WRONLY)
        guard descriptor >= 0 else { return }  // no /dev/full on this system
        defer { close(descriptor) }
        var stream = CheckedOutputStream(descriptor: descriptor)
        stream.write("report\n")
        #expect(stream.failure == String(cString: strerror(ENOSPC)))
    }
}
