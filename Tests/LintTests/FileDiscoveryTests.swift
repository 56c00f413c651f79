import Foundation
import Lint
import Testing

/// Which files `wfgen lint FOLDER` picks up: names, kinds, skipped folders and links.
@Suite("File discovery")
struct FileDiscoveryTests {
    static let workflow = "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n"
    static let taskDefinition = #"{"family": "web", "containerDefinitions": []}"#

    /// How many files `wfgen lint .` says it linted (its summary line), with that line for failure messages.
    private func lintedFiles(in folder: URL, root: String? = nil) -> (count: Int, errors: String) {
        let run = TestSupport.runLint(LintInvocation(paths: ["."], format: .text, root: root, workingDirectory: folder.path))
        let count = run.errors.split(separator: " ").first.flatMap { Int($0) } ?? -1
        return (count, run.errors)
    }

    @Test("extensions in any case, workflows anywhere with top-level jobs, task definitions by content")
    func namesAndContent() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try TestSupport.write([
            ".github/workflows/a.YML": Self.workflow,           // counted: in .github/workflows, any case
            ".github/workflows/b.yaml": "name: only a name\n",  // counted: everything in .github/workflows
            "ci/other.yml": Self.workflow,                      // counted: top-level jobs
            "ci/values.yml": "replicas: 3\n",                   // not a workflow
            "ci/..hidden.yml": Self.workflow,                   // counted: leading dots make a hidden name
            "ci/.yml": Self.workflow,                           // no extension, as Foundation reads it
            "ci/...yml": Self.workflow,                         // nor here
            "ci/x.yml.bak": Self.workflow,
            "deploy/task.JSON": Self.taskDefinition,            // counted: containerDefinitions
            "deploy/package.json": "{}",
            "node_modules/pkg/.github/workflows/w.yml": Self.workflow,
            "build/w.yml": Self.workflow,
            "action.yml": "name: a\nruns:\n  using: composite\n  steps: []\n", // counted: an action definition
        ], to: folder)
        let found = lintedFiles(in: folder)
        #expect(found.count == 6, "\(found.errors)")
    }

    /// (The linked file lies inside the repository root: links out of it are refused, see `FileAccessTests`.)
    @Test("links to files are followed, links to folders are not")
    func links() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try TestSupport.write(["real/.github/workflows/w.yml": Self.workflow, "real/.github/workflows/v.yml": Self.workflow], to: folder)
        let links = folder.appendingPathComponent("repo/.github/workflows")
        try FileManager.default.createDirectory(at: links, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: links.appendingPathComponent("linked.yml").path,
                                                   withDestinationPath: folder.appendingPathComponent("real/.github/workflows/w.yml").path)
        try FileManager.default.createSymbolicLink(atPath: links.appendingPathComponent("broken.yml").path, withDestinationPath: "/nonexistent/x.yml")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("repo/elsewhere").path,
                                                   withDestinationPath: folder.appendingPathComponent("real").path)
        let found = lintedFiles(in: folder.appendingPathComponent("repo"), root: "..")
        #expect(found.count == 1, "\(found.errors)")
    }
}
