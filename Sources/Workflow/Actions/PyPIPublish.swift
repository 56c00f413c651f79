/// pypa/gh-action-pypi-publish (inputs from its action.yml at v1.8.14): uploads the distributions in a folder to
/// PyPI.
///
/// Without `password` it uses trusted publishing: PyPI trusts this repository's workflow (configured on PyPI) and
/// exchanges the job's OIDC token for a short-lived upload token, so no PyPI token is stored anywhere. That needs
/// `id-token: write` on the job, which the compiler checks. A password, when one is still used, can only be a secret.
public struct PyPIPublish: ActionBinding {
    public typealias Output = NoOutput
    public static var pin: ActionPin { ReleaseActionPins.pypiPublish }

    /// The action input `password` (an API token); nil means trusted publishing.
    public var password: Secret?
    /// The action input `repository-url`; nil leaves the action default (PyPI's upload URL).
    public var repositoryURL: InterpolatedString?
    /// The action input `packages-dir`; nil leaves the action default (`dist`).
    public var packagesDir: InterpolatedString?
    /// The action input `verify-metadata`; nil leaves the action default (true).
    public var verifyMetadata: LiteralOrExpression<Bool>?
    /// The action input `skip-existing`; nil leaves the action default (false).
    public var skipExisting: LiteralOrExpression<Bool>?
    /// The action input `print-hash`; nil leaves the action default (false).
    public var printHash: LiteralOrExpression<Bool>?

    /// Publishes the distributions in `packagesDir`.
    public init(password: Secret? = nil, repositoryURL: InterpolatedString? = nil, packagesDir: InterpolatedString? = nil,
                verifyMetadata: LiteralOrExpression<Bool>? = nil, skipExisting: LiteralOrExpression<Bool>? = nil,
                printHash: LiteralOrExpression<Bool>? = nil) {
        self.password = password
        self.repositoryURL = repositoryURL
        self.packagesDir = packagesDir
        self.verifyMetadata = verifyMetadata
        self.skipExisting = skipExisting
        self.printHash = printHash
    }

    public var inputs: [(String, InputValue?)] {
        [
            ("password", password.input), ("repository-url", repositoryURL.input), ("packages-dir", packagesDir.input),
            ("verify-metadata", verifyMetadata.input), ("skip-existing", skipExisting.input),
            ("print-hash", printHash.input),
        ]
    }

    public var requiredPermissions: [PermissionScope: PermissionLevel] {
        password == nil ? [.idToken: .write] : [:]
    }
}
