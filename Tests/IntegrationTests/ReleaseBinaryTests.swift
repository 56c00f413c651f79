import Foundation
import Testing

/// tools/dist/release-binary.sh, which lets the Action (action.yml) run a release's prebuilt binary instead of building:
/// the choice, the URLs it downloads and the checksum check. Downloads themselves need the network; here an
/// unreachable address stands for a release that cannot be fetched.
@Suite struct ReleaseBinaryTests {
    static let script = packageRoot + "/tools/dist/release-binary.sh"

    static var version: String {
        get throws {
            try String(contentsOfFile: packageRoot + "/tools/dist/VERSION", encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// The `key=value` lines `choose` prints, for a runner and an action reference.
    static func choose(os: String, arch: String, ref: String, repository: String = "acme/wfgen",
                       fromSource: String = "false") throws -> [String: String] {
        let run = try runProcess(script, ["choose"], in: packageRoot, environment: [
            "RUNNER_OS": os, "RUNNER_ARCH": arch, "WFGEN_ACTION_REF": ref, "WFGEN_ACTION_REPOSITORY": repository,
            "WFGEN_FROM_SOURCE": fromSource, "GITHUB_SERVER_URL": "https://github.com",
        ])
        #expect(run.status == 0, "\(run.output)")
        var pairs: [String: String] = [:]
        for line in run.output.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { pairs[String(parts[0])] = String(parts[1]) }
        }
        return pairs
    }

    @Test(arguments: [("Linux", "X64", "linux-x86_64"), ("Linux", "ARM64", "linux-aarch64"), ("macOS", "ARM64", "macos-arm64")])
    func usesTheReleaseAtItsTagOnABuiltPlatform(os: String, arch: String, platform: String) throws {
        let version = try Self.version
        let choice = try Self.choose(os: os, arch: arch, ref: "v\(version)")
        let asset = "wfgen-\(version)-\(platform).tar.gz"
        #expect(choice["source"] == "release")
        #expect(choice["asset"] == asset)
        #expect(choice["url"] == "https://github.com/acme/wfgen/releases/download/v\(version)/\(asset)")
        #expect(choice["checksum-url"] == "https://github.com/acme/wfgen/releases/download/v\(version)/\(asset).sha256")
    }

    /// Pinned by commit SHA (what the docs advise), the release is used only if it was built from that commit, which
    /// the install checks against the release's SOURCE_COMMIT; the tag reference carries no such check.
    @Test func aCommitReferenceUsesTheReleaseBuiltFromThatCommit() throws {
        let version = try Self.version
        let commit = String(repeating: "0123456789", count: 4)
        let choice = try Self.choose(os: "Linux", arch: "X64", ref: commit)
        #expect(choice["source"] == "release")
        #expect(choice["commit-url"] == "https://github.com/acme/wfgen/releases/download/v\(version)/SOURCE_COMMIT")
        #expect(choice["expected-commit"] == commit)
        #expect(try Self.choose(os: "Linux", arch: "X64", ref: "v\(version)")["commit-url"] == nil)

        let directory = try TemporaryDirectory()
        func same(_ contents: String, _ expected: String = commit) throws -> Int32 {
            try directory.write("SOURCE_COMMIT", contents)
            return try runProcess(Self.script, ["same-commit", directory.url("SOURCE_COMMIT").path, expected],
                                  in: directory.path).status
        }
        #expect(try same(commit + "\n") == 0)
        #expect(try same(commit) == 0)
        #expect(try same(String(commit.reversed()) + "\n") == 1, "a release built from another commit")
        #expect(try same(commit + "\n", String(repeating: "f", count: 40)) == 1)
        #expect(try same("") == 1)
        #expect(try same(String(commit.prefix(12)) + "\n", String(commit.prefix(12))) == 1, "a short SHA is not enough")
        #expect(try same(commit + "\n" + String(repeating: "x", count: 100)) == 1, "more than one SHA's worth")
    }

    @Test func buildsFromSourceWhenNoReleaseFits() throws {
        let tag = "v\(try Self.version)"
        let cases: [(choice: [String: String], reason: String)] = [
            (try Self.choose(os: "macOS", arch: "X64", ref: tag), "no release binary for macOS/X64"),
            (try Self.choose(os: "Windows", arch: "X64", ref: tag), "no release binary for Windows/X64"),
            (try Self.choose(os: "Linux", arch: "X64", ref: "main"), "neither its release tag \(tag) nor a full commit SHA"),
            (try Self.choose(os: "Linux", arch: "X64", ref: String(repeating: "a1", count: 19)), "neither its release tag"),
            (try Self.choose(os: "Linux", arch: "X64", ref: String(repeating: "A1", count: 20)), "neither its release tag"),
            (try Self.choose(os: "Linux", arch: "X64", ref: tag + ".1"), "neither its release tag"),
            (try Self.choose(os: "Linux", arch: "X64", ref: tag, fromSource: "true"), "from-source is true"),
            (try Self.choose(os: "Linux", arch: "X64", ref: tag, repository: "acme/wfgen/../x y"), "is not owner/name"),
        ]
        for (choice, reason) in cases {
            #expect(choice["source"] == "build", "\(choice)")
            #expect(choice["reason"]?.contains(reason) == true, "\(choice)")
            #expect(choice["url"] == nil)
        }
    }

    /// A local file and checksum files in `sha256sum` format, as dist.sh writes them and the release serves them.
    @Test func verifyAcceptsOnlyTheListedDigestOfThatFile() throws {
        let directory = try TemporaryDirectory()
        let name = "wfgen-1.0.0-linux-x86_64.tar.gz"
        try directory.write(name, "the release tarball")
        let digest = try #require(try runProcess("/usr/bin/env", ["sha256sum", name], in: directory.path).output
            .split(separator: " ").first.map(String.init))
        #expect(digest.count == 64)
        func verify(_ checksums: String) throws -> ProcessResult {
            try directory.write("sums", checksums)
            return try runProcess(Self.script, ["verify", directory.url(name).path, directory.url("sums").path],
                                  in: directory.path)
        }
        #expect(try verify("\(digest)  \(name)\n").status == 0)
        #expect(try verify("\(digest) *\(name)\n").status == 0)
        let wrongDigest = String(digest.reversed())
        let mismatch = try verify("\(wrongDigest)  \(name)\n")
        #expect(mismatch.status == 1)
        #expect(mismatch.output.contains("the release lists \(wrongDigest)"), "\(mismatch.output)")
        #expect(try verify("\(digest)  wfgen-1.0.0-linux-aarch64.tar.gz\n").status == 1, "another file's line")
        #expect(try verify("\(digest)  \(name)\n\(digest)  \(name)\n").status == 1, "more than one line")
        #expect(try verify("\(digest.uppercased())  \(name)\n").status == 1, "not sha256sum's lowercase")
        #expect(try verify("").status == 1)
    }

    /// A release that cannot be downloaded is status 3, which the Action's download step turns into a build.
    @Test func anUnreachableReleaseFallsBackToTheBuild() throws {
        let workspace = try TemporaryDirectory()
        let output = workspace.url("github-output")
        let url = "https://127.0.0.1:9/acme/wfgen/releases/download/v1.0.0/wfgen-1.0.0-linux-x86_64.tar.gz"
        let direct = try runProcess(Self.script, ["install", url, url + ".sha256", workspace.url("release").path],
                                    in: workspace.path)
        #expect(direct.status == 3, "\(direct.output)")

        let step = try GitHubActionTests.runStep("Download the release binary", in: workspace, environment: [
            "WFGEN_PACKAGE": packageRoot, "WFGEN_URL": url, "WFGEN_CHECKSUM_URL": url + ".sha256",
            "WFGEN_COMMIT_URL": "", "WFGEN_EXPECTED_COMMIT": "",
            "RUNNER_TEMP": workspace.path, "GITHUB_OUTPUT": output.path,
        ])
        #expect(step.status == 0, "\(step.output)")
        #expect(step.output.contains("::warning title=wfgen::no usable release binary at \(url)"), "\(step.output)")
        #expect(try GitHubActionTests.outputs(output)["wfgen"] == nil, "the build steps run when wfgen is unset")
    }

    /// The Action's first step writes the choice to $GITHUB_OUTPUT, where the later steps' `if:` read it.
    @Test func theActionsChoiceStepWritesItsOutputs() throws {
        let workspace = try TemporaryDirectory()
        let output = workspace.url("github-output")
        let version = try Self.version
        let run = try GitHubActionTests.runStep("Choose the release binary or a build from source", in: workspace, environment: [
            "WFGEN_PACKAGE": packageRoot, "WFGEN_ACTION_REF": "v\(version)", "WFGEN_ACTION_REPOSITORY": "acme/wfgen",
            "WFGEN_FROM_SOURCE": "false", "RUNNER_OS": "Linux", "RUNNER_ARCH": "ARM64", "GITHUB_SERVER_URL": "https://github.com",
            "GITHUB_OUTPUT": output.path,
        ])
        #expect(run.status == 0, "\(run.output)")
        let outputs = try GitHubActionTests.outputs(output)
        #expect(outputs["source"] == "release")
        #expect(outputs["url"]?.hasSuffix("/v\(version)/wfgen-\(version)-linux-aarch64.tar.gz") == true, "\(outputs)")
    }
}
