import Testing
import Workflow

/// The bindings a release workflow uses (upload/download-artifact, attest-build-provenance, pypi-publish): their pins,
/// the permissions the compiler requires for them, and the misuses it rejects.
@Suite struct ReleaseBindingTests {
    static func errors(_ steps: [any StepConvertible], permissions: Permissions) -> [Diagnostic] {
        let job = Job("release", runsOn: .ubuntu2404, permissions: permissions, steps: steps)
        return WorkflowValidator.diagnostics(for: Workflow("r.yml", name: "R", on: [.push(tags: ["v*"])], jobs: [job]))
            .filter { $0.severity == .error }
    }

    @Test(arguments: ReleaseActionPins.all)
    func pinIsAFullCommitAndASemanticTag(_ pin: ActionPin) {
        #expect(pin.hasFullCommit, "\(pin.action): '\(pin.commit)'")
        #expect(pin.hasSemanticTag, "\(pin.action): '\(pin.tag)'")
    }

    @Test func noActionIsPinnedTwiceAcrossBothTables() {
        let actions = (ActionPins.all + ReleaseActionPins.all).map(\.action)
        #expect(Set(actions).count == actions.count)
    }

    @Test func trustedPublishingNeedsIDTokenWrite() {
        let publish = Step.uses(PyPIPublish(packagesDir: "wheels/"))
        let missing = Self.errors([publish], permissions: .contentsRead)
        #expect(missing.count == 1 && missing.first?.message.contains("id-token") == true, "\(missing)")
        #expect(Self.errors([publish], permissions: .scopes([.idToken: .write])).isEmpty)
        // An API token instead of trusted publishing needs no OIDC token.
        #expect(Self.errors([Step.uses(PyPIPublish(password: Secret("PYPI_TOKEN")))], permissions: .none).isEmpty)
    }

    @Test func attestationNeedsIDTokenAndAttestationsWrite() {
        let attest = Step.uses(AttestBuildProvenance(subjectChecksums: "dist/SHA256SUMS"))
        #expect(Self.errors([attest], permissions: .scopes([.attestations: .write, .idToken: .write])).isEmpty)
        let withoutAttestations = Self.errors([attest], permissions: .scopes([.idToken: .write]))
        #expect(withoutAttestations.contains { $0.message.contains("attestations") }, "\(withoutAttestations)")
    }

    @Test func attestationNeedsExactlyOneSubject() {
        let permissions = Permissions.scopes([.attestations: .write, .idToken: .write])
        let none = Self.errors([Step.uses(AttestBuildProvenance())], permissions: permissions)
        #expect(none.contains { $0.message.contains("exactly one of subjectPath, subjectDigest and subjectChecksums, got 0") },
                "\(none)")
        let two = Self.errors([Step.uses(AttestBuildProvenance(subjectPath: ["dist/*"], subjectChecksums: "SUMS"))],
                              permissions: permissions)
        #expect(two.contains { $0.message.contains("got 2") }, "\(two)")
        let digestWithoutName = Self.errors([Step.uses(AttestBuildProvenance(subjectDigest: "sha256:00"))],
                                            permissions: permissions)
        #expect(digestWithoutName.contains { $0.message.contains("subjectName") }, "\(digestWithoutName)")
    }

    @Test func uploadArtifactWritesOnePathInlineAndSeveralAsLines() {
        let one = UploadArtifact(name: "dist", path: ["dist/*"]).inputs.first { $0.0 == "path" }?.1
        #expect(one == .string("dist/*"))
        let two = UploadArtifact(path: ["a", "b"]).inputs.first { $0.0 == "path" }?.1
        #expect(two == .lines(["a", "b"]))
        #expect(Self.errors([Step.uses(UploadArtifact(path: []))], permissions: .none)
            .contains { $0.message.contains("at least one path") })
    }
}
