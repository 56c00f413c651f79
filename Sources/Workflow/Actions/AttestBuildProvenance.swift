/// actions/attest-build-provenance v4 (inputs from its action.yml at v4.1.0): signs a SLSA build-provenance
/// attestation for files this run built, so users can check with `gh attestation verify` where a file came from.
///
/// Exactly one of `subjectPath`, `subjectDigest` and `subjectChecksums` names what is attested (the action rejects
/// anything else at run time; the compiler does here). The inputs for custom predicates are left out: this binding is
/// for build provenance, whose predicate the action writes. Signing needs `id-token: write` (an OIDC token for
/// Sigstore) and `attestations: write` (to store the attestation).
public struct AttestBuildProvenance: ActionBinding {
    /// Outputs of attest-build-provenance.
    public enum Output: String, Sendable {
        case bundlePath = "bundle-path", attestationID = "attestation-id", attestationURL = "attestation-url"
        case storageRecordIDs = "storage-record-ids"
    }
    public static var pin: ActionPin { ReleaseActionPins.attestBuildProvenance }

    /// The action input `subject-path`: files or globs, one per line.
    public var subjectPath: [InterpolatedString]?
    /// The action input `subject-digest` (`sha256:<hex>`).
    public var subjectDigest: InterpolatedString?
    /// The action input `subject-name`; required with `subjectDigest`.
    public var subjectName: InterpolatedString?
    /// The action input `subject-checksums`: a file in `sha256sum` format.
    public var subjectChecksums: InterpolatedString?
    /// The action input `push-to-registry`; nil leaves the action default (false).
    public var pushToRegistry: LiteralOrExpression<Bool>?
    /// The action input `show-summary`; nil leaves the action default (true).
    public var showSummary: LiteralOrExpression<Bool>?

    /// Attests the files named by one of the subject inputs.
    public init(subjectPath: [InterpolatedString]? = nil, subjectDigest: InterpolatedString? = nil,
                subjectName: InterpolatedString? = nil, subjectChecksums: InterpolatedString? = nil,
                pushToRegistry: LiteralOrExpression<Bool>? = nil, showSummary: LiteralOrExpression<Bool>? = nil) {
        self.subjectPath = subjectPath
        self.subjectDigest = subjectDigest
        self.subjectName = subjectName
        self.subjectChecksums = subjectChecksums
        self.pushToRegistry = pushToRegistry
        self.showSummary = showSummary
    }

    public var inputs: [(String, InputValue?)] {
        [
            ("subject-path", subjectPath.input), ("subject-digest", subjectDigest.input),
            ("subject-name", subjectName.input), ("subject-checksums", subjectChecksums.input),
            ("push-to-registry", pushToRegistry.input), ("show-summary", showSummary.input),
        ]
    }

    public var requiredPermissions: [PermissionScope: PermissionLevel] { [.idToken: .write, .attestations: .write] }

    public func diagnostics(at location: SourceLocation) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let subjects = [subjectPath?.isEmpty == false, subjectDigest != nil, subjectChecksums != nil].filter { $0 }.count
        if subjects != 1 {
            found.append(.error("attest-build-provenance needs exactly one of subjectPath, subjectDigest and "
                                + "subjectChecksums, got \(subjects)", at: location))
        }
        if subjectDigest != nil && subjectName == nil {
            found.append(.error("attest-build-provenance needs subjectName with subjectDigest", at: location))
        }
        return found
    }
}
