import Foundation
import Generate
import Testing
@testable import WFGenKit

/// `wfgen import` in-process on temporary repositories: what it writes, what it refuses, and that a refusal writes
/// nothing. (Compiling the written Swift is ConsumerRepositoryTests' part.)
@Suite struct ImportCommandTests {
    static let workflow = """
        name: CI
        on:
          pull_request:
        jobs:
          test:
            runs-on: ubuntu-24.04
            steps:
              - run: make test

        """

    /// A repository with `workflows-src/` and the given files.
    static func repository(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("wfgen-import-\(UUID().uuidString)")
        for (path, text) in files.merging(["workflows-src/main.swift": "// entry\n"], uniquingKeysWith: { $1 }) {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    static func run(_ paths: [String], in root: URL) -> (status: CommandStatus, output: String, errors: String) {
        var output = "", errors = ""
        let status = ImportCommand(root: root.path, paths: paths, workingDirectory: root.path).run(output: &output, errors: &errors)
        return (status, output, errors)
    }

    static func files(under root: URL) -> [String: String] {
        var found: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let path = enumerator?.nextObject() as? String {
            if let text = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) { found[path] = text }
        }
        return found
    }

    @Test func writesTheSwiftTheRegistryAndTheAdoptionRecord() throws {
        let root = try Self.repository([".github/workflows/ci.yml": Self.workflow])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = Self.run([".github/workflows"], in: root)
        #expect(run.status == .ok, "\(run.errors)")
        #expect(run.output.contains("imported .github/workflows/ci.yml into workflows-src/Imported/CiWorkflow.swift"))
        let swift = try String(contentsOf: root.appendingPathComponent("workflows-src/Imported/CiWorkflow.swift"), encoding: .utf8)
        #expect(swift.hasPrefix("// wfgen import: workflow ciWorkflow from .github/workflows/ci.yml\n"))
        #expect(swift.contains("import WFGenKit") && !swift.contains("import Workflow\n"))
        let registry = try String(contentsOf: root.appendingPathComponent(ImportRegistry.path), encoding: .utf8)
        #expect(registry.contains("ciWorkflow(),"))
        let manifest = try String(contentsOf: root.appendingPathComponent("generated/wfgen-manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"path\": \".github/workflows/ci.yml\""))
        #expect(run.errors.contains("workflows-src/main.swift: warning: add `+ Imported.definitions`"))

        // Importing again keeps the same file and symbol; a second workflow is added beside it.
        try Data(Self.workflow.replacingOccurrences(of: "name: CI", with: "name: Lint").utf8)
            .write(to: root.appendingPathComponent(".github/workflows/lint.yml"))
        let again = Self.run([".github/workflows"], in: root)
        #expect(again.status == .ok, "\(again.errors)")
        let registryAgain = try String(contentsOf: root.appendingPathComponent(ImportRegistry.path), encoding: .utf8)
        #expect(registryAgain.contains("ciWorkflow(),\n                lintWorkflow(),"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("workflows-src/Imported/CiWorkflow2.swift").path))
    }

    @Test func refusesWhatItCannotTakeOverAndThenWritesNothing() throws {
        let outside = try Self.repository([".github/workflows/x.yml": Self.workflow])
        defer { try? FileManager.default.removeItem(at: outside) }
        let root = try Self.repository([
            ".github/workflows/ci.yml": Self.workflow,
            ".github/workflows/broken.yml": "on: push\njobs: [\n",
            "deploy/ci.yml": Self.workflow,
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let before = Self.files(under: root)
        let run = Self.run([".github/workflows", "deploy/ci.yml", outside.path + "/.github/workflows/x.yml", "missing.json"],
                           in: root)
        #expect(run.status == .inputError)
        #expect(run.errors.contains(".github/workflows/broken.yml:"))
        #expect(run.errors.contains("deploy/ci.yml: error: GitHub reads workflows only directly in .github/workflows/"))
        #expect(run.errors.contains("is outside the repository root"))
        #expect(run.errors.contains("missing.json: error: does not exist"))
        #expect(run.errors.hasSuffix("wfgen import: nothing written\n"))
        #expect(Self.files(under: root) == before, "a refused import writes nothing")
    }

    @Test func aRegistryWfgenDidNotWriteIsNeverReplaced() throws {
        let root = try Self.repository([".github/workflows/ci.yml": Self.workflow, ImportRegistry.path: "enum Imported {}\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = Self.run([".github/workflows/ci.yml"], in: root)
        #expect(run.status == .inputError)
        #expect(run.errors.contains("\(ImportRegistry.path): error: exists but was not written by wfgen"))
        #expect(try String(contentsOf: root.appendingPathComponent(ImportRegistry.path), encoding: .utf8) == "enum Imported {}\n")
    }

    @Test func aRepositoryWithoutWorkflowsSrcIsToldToRunInit() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("wfgen-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let run = Self.run(["x.yml"], in: root)
        #expect(run.status == .inputError && run.errors.contains("run `wfgen init` there first"))
    }
}
