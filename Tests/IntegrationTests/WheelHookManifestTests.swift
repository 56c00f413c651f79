import Foundation
import Testing
import YAML

/// `wfgen-lint-wheel`, the hook for repositories without Swift: the same check as `wfgen-lint`, installed by
/// pre-commit's `python` language, which runs `pip install .` in this repository (pyproject.toml →
/// tools/dist/hook_backend.py → the `wfgen-cli` wheel). Installing it for real is tools/dist/test_dist.py's job
/// (`make test-dist`), which needs the wheel that `make dist` builds.
@Suite struct WheelHookManifestTests {
    @Test func wheelHookChecksWhatTheSwiftHookChecks() throws {
        let wheel = try PreCommitManifestTests.hook("wfgen-lint-wheel")
        let swift = try PreCommitManifestTests.hook("wfgen-lint")
        #expect(wheel["language"]?.scalar == "python")
        #expect(wheel["entry"]?.scalar == "wfgen lint", "the wheel installs the command as wfgen")
        for key in ["files", "require_serial", "name", "minimum_pre_commit_version"] {
            #expect(wheel[key]?.scalar == swift[key]?.scalar, "\(key) differs from wfgen-lint's")
        }
        #expect(wheel["pass_filenames"] == nil)
    }

    /// pip builds the repository with the in-tree backend only: nothing to download but wfgen-cli itself.
    @Test func pyprojectUsesTheInRepositoryBackendWithNoRequirements() throws {
        let text = try String(contentsOfFile: packageRoot + "/pyproject.toml", encoding: .utf8)
        #expect(text.contains("\nrequires = []\n"))
        #expect(text.contains("\nbuild-backend = \"hook_backend\"\n"))
        #expect(text.contains("\nbackend-path = [\"tools/dist\"]\n"))
        #expect(FileManager.default.fileExists(atPath: packageRoot + "/tools/dist/hook_backend.py"))
    }

    /// The shim pip builds requires exactly the wheel of the version in tools/dist/VERSION.
    @Test func shimRequiresTheWheelOfThisVersion() throws {
        let version = try ReleaseBinaryTests.version
        let out = try TemporaryDirectory()
        let script = "import sys; sys.path.insert(0, 'tools/dist'); import hook_backend; print(hook_backend.build_wheel(sys.argv[1]))"
        let run = try runProcess("/usr/bin/env", ["python3", "-c", script, out.path], in: packageRoot)
        #expect(run.status == 0, "\(run.output)")
        let wheel = run.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(wheel == "wfgen_pre_commit-\(version)-py3-none-any.whl")
        let read = "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())"
        let metadata = try runProcess("/usr/bin/env", ["python3", "-c", read, out.url(wheel).path,
                                                       "wfgen_pre_commit-\(version).dist-info/METADATA"], in: out.path)
        #expect(metadata.output.contains("\nRequires-Dist: wfgen-cli==\(version)\n"), "\(metadata.output)")
    }
}
