import Foundation
import Lint
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--fix` writes only over the text its fixes were computed from (issue 10, item 6): a file changed or deleted
/// between the lint and the write is left alone, hard-linked files are refused, owner and mode are kept.
@Suite("--fix writes safely")
struct FixWriteSafetyTests {
    static let workflow = """
        on: push
        jobs:
          deploy:
            runs-on: ubuntu-latest
            steps:
              - run: aws ecs get-login-password --region us-east-1
              - run: echo done

        """
    static let path = ".github/workflows/deploy.yml"

    /// A repository with the workflow, and the fixed file planned from a first lint (nothing written yet).
    private func planned() throws -> (root: URL, file: FixedFile) {
        let root = try TestSupport.temporaryFolder()
        try TestSupport.write([Self.path: Self.workflow], to: root)
        let linter = Linter(rules: FixTests.fixableRules)
        let targets = [LintTarget(path: Self.path, kind: .workflow)]
        let repository = DiskRepository(root: root)
        let files = FixPlanner(linter: linter).plan(linter.lint(targets, in: repository), targets: targets, repository: repository)
        let file = try #require(files.first)
        #expect(String(decoding: file.fixed, as: UTF8.self).contains("aws ecr get-login-password"))
        return (root, file)
    }

    @Test("a file changed after the lint is not overwritten with edits computed on the old text")
    func changedDuringRun() throws {
        let (root, file) = try planned()
        defer { try? FileManager.default.removeItem(at: root) }
        let url = root.appendingPathComponent(Self.path)
        let edited = "on: push\njobs:\n  other:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n"
        try Data(edited.utf8).write(to: url)
        #expect(throws: FixWriter.Refusal.self) { try FixWriter.write(file, root: root) }
        #expect(try String(contentsOf: url, encoding: .utf8) == edited)
    }

    @Test("a file deleted after the lint is not written back")
    func deletedDuringRun() throws {
        let (root, file) = try planned()
        defer { try? FileManager.default.removeItem(at: root) }
        let url = root.appendingPathComponent(Self.path)
        try FileManager.default.removeItem(at: url)
        #expect(throws: FixWriter.Refusal.self) { try FixWriter.write(file, root: root) }
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    @Test("a hard-linked file is refused with a message and left as it was")
    func hardLinks() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write([Self.path: Self.workflow], to: root)
        let url = root.appendingPathComponent(Self.path)
        #expect(link(url.path, root.appendingPathComponent("other-name.yml").path) == 0)
        let run = TestSupport.runLint(FixTests.invocation(root, .fix))
        #expect(run.errors.contains("has 2 hard links"))
        #expect(run.code == .usage)
        #expect(try String(contentsOf: url, encoding: .utf8) == Self.workflow)
    }

    @Test("--fix keeps the file's mode and owner")
    func modeAndOwner() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write([Self.path: Self.workflow], to: root)
        let url = root.appendingPathComponent(Self.path)
        #expect(chmod(url.path, 0o640) == 0)
        let owner: uid_t = geteuid() == 0 ? 4242 : geteuid()
        if geteuid() == 0 { #expect(chown(url.path, owner, 4343) == 0) }
        let run = TestSupport.runLint(FixTests.invocation(root, .fix))
        #expect(run.output.contains("fixed: replace 'aws ecs' with 'aws ecr'"), "\(run.errors)")
        var status = stat()
        #expect(stat(url.path, &status) == 0)
        #expect(status.st_mode & 0o7777 == 0o640)
        #expect(status.st_uid == owner)
        #expect(try String(contentsOf: url, encoding: .utf8).contains("aws ecr get-login-password"))
    }
}
