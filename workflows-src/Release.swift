import WFGenKit

/// Releasing wfgen: a `vX.Y.Z` tag builds the packages of `make dist` on each platform, attests where they came from,
/// attaches them to the GitHub release and publishes the wheel to PyPI.
///
/// Each job gets only the token scopes it uses: building runs the tagged code with `contents: read`; signing the
/// attestations (OIDC to Sigstore) and uploading to PyPI (trusted publishing: OIDC, no stored token) are the only jobs
/// with `id-token: write`, and they run no code from the repository; the GitHub release is the only job that writes.
func release() -> Workflow {
    // Linux builds run in the Swift image for the oldest Ubuntu it supports, so the binary needs that glibc
    // (manylinux_2_35 for jammy) rather than the runner's, and the toolchain is the same on x86_64 and arm64.
    // Pin it by digest (`docker buildx imagetools inspect swift:6.3-jammy`) when a release is cut.
    let linuxImage = "swift:6.3-jammy"
    let build = Job(
        "build", name: "Build the packages on \(Expression.matrix("runner"))", runsOn: .expression(.matrix("runner")),
        permissions: .contentsRead, timeoutMinutes: 60,
        strategy: Strategy(matrix: Matrix([.init("runner", ["ubuntu-24.04", "ubuntu-24.04-arm", "macos-15"])]),
                           failFast: false),
        steps: [
            Step.uses(Checkout()),
            Step.run("The tag is the version in tools/dist/VERSION", """
                version="$(tr -d '[:space:]' < tools/dist/VERSION)"
                if [ "$GITHUB_REF_NAME" != "v$version" ]; then
                  echo "::error title=release::tag $GITHUB_REF_NAME does not match tools/dist/VERSION ($version)"
                  exit 1
                fi
                """),
            Step.run("make dist", """
                if [ "$RUNNER_OS" = Linux ]; then
                  docker run --rm --volume "$PWD:/src" --workdir /src "$SWIFT_IMAGE" bash -c \\
                    'apt-get update -qq && apt-get install -y -qq libyaml-dev pkg-config python3 binutils make >/dev/null && make dist'
                else
                  brew install libyaml pkg-config
                  make dist
                fi
                ls -l dist
                """, env: [("SWIFT_IMAGE", "\(linuxImage)")]),
            Step.uses(UploadArtifact(name: "dist-\(Expression.matrix("runner"))", path: ["dist/*"],
                                     ifNoFilesFound: .error)),
            Step.uses(UploadArtifact(name: "wheel-\(Expression.matrix("runner"))", path: ["dist/*.whl"],
                                     ifNoFilesFound: .error), name: "Upload the wheel"),
        ])

    // Every package and its checksum file (the Action downloads those), checked, and one SHA256SUMS over the packages.
    let collect: [any StepConvertible] = [
        Step.uses(DownloadArtifact(path: "dist", pattern: "dist-*", mergeMultiple: true)),
        Step.run("Check the checksums and write SHA256SUMS", """
            cd dist
            sha256sum --check --strict -- *.sha256
            packages=()
            for file in *; do
              case "$file" in *.sha256) ;; *) packages+=("$file") ;; esac
            done
            sha256sum -- "${packages[@]}" > SHA256SUMS
            cat SHA256SUMS
            """),
    ]

    let attest = Job(
        "attest", name: "Attest build provenance", needs: [build], runsOn: .ubuntu2404,
        permissions: .scopes([.attestations: .write, .idToken: .write]), timeoutMinutes: 15,
        steps: collect + [Step.uses(AttestBuildProvenance(subjectChecksums: "dist/SHA256SUMS"))])

    let githubRelease = Job(
        "github-release", name: "Attach the packages to the GitHub release", needs: [build, attest],
        runsOn: .ubuntu2404, permissions: .scopes([.contents: .write]), timeoutMinutes: 15,
        steps: collect + [
            // SOURCE_COMMIT lets the Action, pinned by commit SHA, tell that this release is of that commit.
            Step.run("Create the release", """
                printf '%s\\n' "$GITHUB_SHA" > dist/SOURCE_COMMIT
                gh release create "$GITHUB_REF_NAME" --verify-tag --title "wfgen $GITHUB_REF_NAME" --generate-notes dist/*
                """, env: [("GH_TOKEN", .expression(Expression.github(.token))),
                           ("GH_REPO", .expression(Expression.github(.repository)))]),
        ])

    let pypi = Job(
        "pypi", name: "Publish the wheels to PyPI", needs: [build, githubRelease], runsOn: .ubuntu2404,
        environment: DeploymentTarget("pypi", url: "https://pypi.org/p/wfgen-cli"),
        permissions: .scopes([.idToken: .write]), timeoutMinutes: 15,
        steps: [
            Step.uses(DownloadArtifact(path: "wheels", pattern: "wheel-*", mergeMultiple: true)),
            Step.uses(PyPIPublish(packagesDir: "wheels/", printHash: true)),
        ])

    return Workflow(
        "release.yml", name: "Release",
        on: [.push(tags: ["v[0-9]+.[0-9]+.[0-9]+*"])],
        permissions: Permissions.none,
        concurrency: Concurrency(group: "release-\(Expression.github(.ref))"),
        jobs: [build, attest, githubRelease, pypi])
}
