import Foundation
@testable import Generate
import Testing

/// What wfgen may touch on disk, whatever a (tampered) manifest or the tree says: issue 10's generation findings.
@Suite struct OwnershipTests {
    /// A manifest listing `entries` (path and the fingerprint it claims).
    static func manifest(_ entries: [(String, String)]) -> String {
        Manifest(entries: entries.map { Manifest.Entry(path: $0.0, source: "x.swift", fingerprint: $0.1) }).rendered()
    }

    @Test func aTamperedManifestNeverDeletesFilesOutsideTheOutputRootsOrNotWrittenByWfgen() throws {
        let parent = try TemporaryDirectory()
        try parent.write("victim.json", "{\"mine\": true}\n")
        try parent.write("repo/README.md", "# readme\n")
        try parent.write("repo/workflows-src/CI.swift", "// mine\n")
        try parent.write("repo/generated/hand.json", "{\"hand\": 1}\n")
        let root = parent.url("repo").path
        let tree = OutputTree(root: root)
        // Entries with the right fingerprints even: paths outside the roots or the repository are never deleted.
        try parent.write("repo/" + Manifest.path, Self.manifest([
            ("../victim.json", Fingerprint.of("{\"mine\": true}\n")),
            ("README.md", Fingerprint.of("# readme\n")),
            ("workflows-src/CI.swift", Fingerprint.of("// mine\n")),
            ("generated/hand.json", "0000000000000000"),
            ("generated", "0000000000000000"),
        ]))
        let plan = Synchronizer(tree: tree, files: []).plan()
        #expect(plan.changes.isEmpty, "\(plan.changes)")
        #expect(plan.conflicts.isEmpty)
        var output = Captured(), errors = Captured()
        let status = GenerationCommands(definitions: Definitions(), packageRoot: root, outputRoot: root)
            .generate(output: &output, errors: &errors)
        #expect(status == .ok)
        #expect(errors.text.contains("generated/hand.json: note: is no longer defined but was edited since wfgen wrote it"))
        #expect(errors.text.contains("README.md: note: is no longer defined; wfgen deletes files only under"))
        for path in ["victim.json", "repo/README.md", "repo/workflows-src/CI.swift", "repo/generated/hand.json"] {
            #expect(parent.exists(path), "\(path) must survive")
        }
    }

    @Test func somethingOtherThanAFileAtAGeneratedPathIsAConflictAndNothingIsWritten() throws {
        for kind in ["folder", "fifo", "symlink", "file-as-parent"] {
            let directory = try TemporaryDirectory()
            try directory.write("outside.json", "{}\n")
            let path = "generated/shop/staging/web.json"
            switch kind {
            case "folder":
                try FileManager.default.createDirectory(at: directory.url(path), withIntermediateDirectories: true)
            case "fifo":
                try FileManager.default.createDirectory(at: directory.url("generated/shop/staging"), withIntermediateDirectories: true)
                #expect(mkfifo(directory.url(path).path, 0o644) == 0)
            case "symlink":
                try FileManager.default.createDirectory(at: directory.url("generated"), withIntermediateDirectories: true)
                try FileManager.default.createSymbolicLink(atPath: directory.url("generated/shop").path,
                                                           withDestinationPath: directory.path)
            default:
                try directory.write("generated/shop", "not a folder\n")
            }
            let before = try directory.snapshotIgnoringSpecialFiles()
            let run = generate(Sample.both, into: directory)
            #expect(run.status == .inputError, "\(kind)")
            #expect(run.errors.contains("error: ") && run.errors.contains("wfgen: nothing written"), "\(kind): \(run.errors)")
            #expect(try directory.snapshotIgnoringSpecialFiles() == before, "\(kind): nothing written")
            #expect(check(Sample.both, in: directory).status == .inputError, "\(kind)")
        }
    }

    @Test func writesAreAllOrNothing() throws {
        let directory = try TemporaryDirectory()
        try directory.write("blocked", "a file where a folder is needed\n")
        let tree = OutputTree(root: directory.path)
        #expect(throws: OutputTree.Refusal.self) {
            try tree.write([("generated/a/first.json", "{}\n"), ("blocked/second.json", "{}\n")])
        }
        #expect(try directory.snapshot() == ["blocked": "a file where a folder is needed\n"], "no file, folder or temporary left")
    }

    @Test func leftoverTemporaryFilesAreReportedByCheckAndRemovedByGenerate() throws {
        let directory = try TemporaryDirectory()
        #expect(generate(Sample.both, into: directory).status == .ok)
        let leftover = "generated/shop/staging/.web.json.wfgen-\(UUID().uuidString).tmp"
        try directory.write(leftover, "half a file")
        try directory.write("generated/.notes.wfgen-mine.tmp", "not ours: no UUID")
        let checked = check(Sample.both, in: directory)
        #expect(checked.status == .ok)
        #expect(checked.errors.contains("\(leftover): note: left by an interrupted run"))
        #expect(directory.exists(leftover), "check writes nothing")
        let run = generate(Sample.both, into: directory)
        #expect(run.output.contains("removed \(leftover) (left by an interrupted run)"))
        #expect(!directory.exists(leftover))
        #expect(directory.exists("generated/.notes.wfgen-mine.tmp"))
    }

    @Test func anImportedFileIsReplacedOnceAndOnlyAsImported() throws {
        let directory = try TemporaryDirectory()
        let original = "name: Sample CI\non: pull_request\njobs: {}\n"
        try directory.write(".github/workflows/sample-ci.yml", original)
        try Adoption.record([Adoption.Record(path: ".github/workflows/sample-ci.yml", source: "workflows-src/Imported/x.swift")],
                            outputRoot: directory.path)
        // Edited after the import: wfgen may no longer replace it.
        try directory.write(".github/workflows/sample-ci.yml", original + "# edit\n")
        let refused = generate(Sample.both, into: directory)
        #expect(refused.status == .inputError)
        #expect(refused.errors.contains("was changed since wfgen wrote or imported it"))
        // As imported: replaced by the generated file, which then carries the header.
        try directory.write(".github/workflows/sample-ci.yml", original)
        let run = generate(Sample.both, into: directory)
        #expect(run.status == .ok, "\(run.errors)")
        #expect(try YAMLHeader.isOwned(directory.read(".github/workflows/sample-ci.yml")))
        #expect(check(Sample.both, in: directory).status == .ok)
    }
}

extension TemporaryDirectory {
    /// `snapshot()`, skipping FIFOs and following no symlink, so a test can compare trees holding them.
    func snapshotIgnoringSpecialFiles() throws -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: path)
        while let relative = enumerator?.nextObject() as? String {
            let attributes = try FileManager.default.attributesOfItem(atPath: url(relative).path)
            if attributes[.type] as? FileAttributeType == .typeRegular { files[relative] = try read(relative) }
        }
        return files
    }
}
