import Foundation
import Lint
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the linter may read (issue 10, items 3, 4 and 8 and the FIFO hang): nothing outside the repository root
/// unless named on the command line, sizes checked from metadata before reading, special files refused, and a
/// folder that cannot be listed reported instead of "0 files linted".
@Suite("File access: root confinement, size from metadata, special files")
struct FileAccessTests {
    /// A task definition whose container has no health check (so linting it quotes its lines) holding a marker.
    static let outsideTaskDefinition = #"{"family":"f","containerDefinitions":[{"name":"web","image":"OUTSIDE_MARKER_4711"}]}"#

    static func deployWorkflow(_ taskDefinition: String) -> String {
        """
        on: push
        concurrency: deploy
        jobs:
          d:
            runs-on: ubuntu-latest
            steps:
              - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
                with:
                  task-definition: \(taskDefinition)
                  service: s
                  cluster: c
                  wait-for-service-stability: true

        """
    }

    /// `outer/outside.json` and `outer/repo/` (the root), with `files` written into the root.
    private func layout(_ files: [String: String]) throws -> (outer: URL, root: URL) {
        let outer = try TestSupport.temporaryFolder()
        let root = outer.appendingPathComponent("repo")
        try TestSupport.write(["outside.json": Self.outsideTaskDefinition], to: outer)
        try TestSupport.write(files, to: root)
        return (outer, root)
    }

    @Test("a task definition outside the root is not read: ../x.json, an absolute path, a committed symlink, /proc/self/environ",
          arguments: ["../outside.json", "ABSOLUTE", "link.json", "/proc/self/environ", "environ-link.json"])
    func outsideRoot(reference: String) throws {
        let (outer, root) = try layout([:])
        defer { try? FileManager.default.removeItem(at: outer) }
        let path = reference == "ABSOLUTE" ? outer.appendingPathComponent("outside.json").path : reference
        try TestSupport.write([".github/workflows/deploy.yml": Self.deployWorkflow(path)], to: root)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link.json").path, withDestinationPath: "../outside.json")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("environ-link.json").path, withDestinationPath: "/proc/self/environ")
        for format in OutputFormat.allCases {
            let run = TestSupport.runLint(LintInvocation(format: format, workingDirectory: root.path))
            #expect(!run.output.contains("OUTSIDE_MARKER_4711"), "\(format): the outside file was read")
            #expect(!run.output.contains("PATH="), "\(format): the process environment was read")
            #expect(!run.output.contains("HOME="), "\(format): the process environment was read")
            #expect(!run.output.contains("outside.json"), "\(format): the outside file was linted")
        }
    }

    @Test("a file named on the command line is read wherever it is")
    func namedFileOutsideRoot() throws {
        let (outer, root) = try layout([".github/workflows/ci.yml": "on: push\njobs: {}\n"])
        defer { try? FileManager.default.removeItem(at: outer) }
        let run = TestSupport.runLint(LintInvocation(paths: ["../outside.json"], workingDirectory: root.path))
        #expect(run.output.contains("OUTSIDE_MARKER_4711"))
        #expect(run.code == .findings)
    }

    @Test("a workflow that is a symlink out of the root is refused with a message")
    func workflowSymlinkOutside() throws {
        let (outer, root) = try layout([:])
        defer { try? FileManager.default.removeItem(at: outer) }
        try TestSupport.write(["secret.yml": "on: push\njobs:\n  OUTSIDE_MARKER_4711: {runs-on: x, steps: [{run: aws ecs get-login-password}]}\n"], to: outer)
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".github/workflows"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent(".github/workflows/ci.yml").path,
                                                   withDestinationPath: outer.appendingPathComponent("secret.yml").path)
        let run = TestSupport.runLint(LintInvocation(workingDirectory: root.path))
        #expect(!run.output.contains("OUTSIDE_MARKER_4711"))
        #expect(run.errors.contains("cannot read .github/workflows/ci.yml: it resolves to"))
        #expect(run.code == .usage)
    }

    // No `.timeLimit` here or above: Swift Testing enforces it with a sibling task, which fires spuriously when the
    // tests that run peers and builds hold every cooperative thread; a FIFO that is waited on hangs the run instead.
    @Test("a FIFO in the workflows folder or named on the command line is refused, never waited on")
    func fifo() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write([".github/workflows/ci.yml": "on: push\njobs: {}\n"], to: root)
        #expect(mkfifo(root.appendingPathComponent(".github/workflows/pipe.yml").path, 0o644) == 0)
        #expect(mkfifo(root.appendingPathComponent("other.yml").path, 0o644) == 0)
        let folder = TestSupport.runLint(LintInvocation(workingDirectory: root.path))
        #expect(folder.errors.contains("cannot read .github/workflows/pipe.yml: it is a FIFO, not a regular file"))
        #expect(folder.code == .usage)
        let named = TestSupport.runLint(LintInvocation(paths: [".github/workflows/pipe.yml"], workingDirectory: root.path))
        #expect(named.errors.contains("it is a FIFO"))
        #expect(named.code == .usage)
        // A FIFO outside .github/workflows is opened only to see whether it is a workflow: not at all, silently.
        let wholeRepository = TestSupport.runLint(LintInvocation(paths: ["."], workingDirectory: root.path))
        #expect(!wholeRepository.errors.contains("other.yml"))
    }

    /// Creates a sparse file of `size` bytes (no disk blocks, so the test is cheap).
    private func sparseFile(at url: URL, size: UInt64) throws {
        #expect(FileManager.default.createFile(atPath: url.path, contents: Data("on: push\n".utf8)))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: size)
        try handle.close()
    }

    @Test("a 4 GiB sparse workflow and a 100 MB --config are refused from their metadata, instantly")
    func sizeFromMetadata() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write([".github/workflows/ci.yml": "on: push\njobs: {}\n"], to: root)
        try sparseFile(at: root.appendingPathComponent(".github/workflows/huge.yml"), size: 4 << 30)
        try sparseFile(at: root.appendingPathComponent("big-config.yml"), size: 100 << 20)
        let start = ContinuousClock.now
        let run = TestSupport.runLint(LintInvocation(workingDirectory: root.path))
        #expect(run.errors.contains("cannot read .github/workflows/huge.yml: it is 4294967296 bytes, over the 16 MiB limit"))
        #expect(run.code == .usage)
        let config = TestSupport.runLint(LintInvocation(configPath: "big-config.yml", workingDirectory: root.path))
        #expect(config.errors.contains("it is 104857600 bytes, over the 1 MiB limit"))
        #expect(config.code == .usage)
        // Reading them took 78 s and 16.8 GB before; a loaded CI machine still answers from metadata well inside this.
        #expect(ContinuousClock.now - start < .seconds(10), "nothing of the big files may be read")
    }

    @Test("a workflows folder that cannot be listed is an error (exit 2), not '0 files linted'")
    func unreadableFolder() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write([".github/workflows/ci.yml": "on: push\njobs: {}\n"], to: root)
        // A folder nested past PATH_MAX cannot be opened by path, even by root (who may read any mode).
        var descriptor = open(root.appendingPathComponent(".github/workflows").path, O_RDONLY | O_DIRECTORY)
        let name = String(repeating: "d", count: 250)
        for _ in 0..<20 {
            #expect(mkdirat(descriptor, name, 0o755) == 0)
            let next = openat(descriptor, name, O_RDONLY | O_DIRECTORY)
            close(descriptor)
            descriptor = next
        }
        close(descriptor)
        let run = TestSupport.runLint(LintInvocation(workingDirectory: root.path))
        #expect(run.errors.contains("wfgen: cannot read folder .github/workflows/ddd"))
        #expect(run.code == .usage)
        // Cleaning up the deep folder needs relative removal too.
        try? FileManager.default.removeItem(at: root.appendingPathComponent(".github/workflows/" + name))
    }

    @Test("a workflows folder without read permission is an error (exit 2), when not running as root")
    func folderWithoutPermission() throws {
        guard geteuid() != 0 else { return }  // root reads any folder whatever its mode
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write([".github/workflows/ci.yml": "on: push\njobs: {}\n"], to: root)
        let folder = root.appendingPathComponent(".github/workflows")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: folder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }
        let run = TestSupport.runLint(LintInvocation(workingDirectory: root.path))
        #expect(run.errors.contains("cannot read folder .github/workflows"))
        #expect(run.code == .usage)
    }
}
